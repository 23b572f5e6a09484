import { ActionError } from "@/lib/auth/action";

/**
 * Brings an ordered list of coded children (statuses of a group, details of a status) to the
 * state the form submitted: rows left out are archived (never deleted, conversations may still
 * reference them), kept rows are updated, new rows inserted, and positions follow the list.
 * Changed codes first go through a temporary value so that swapping two codes in one save does
 * not trip the unique index.
 */
export async function syncOrderedChildren<T extends { id?: number; code: string }>(ops: {
  existing: { id: number; code: string }[];
  desired: T[];
  archive(ids: number[]): Promise<void>;
  setTemporaryCode(id: number): Promise<void>;
  update(id: number, item: T, position: number): Promise<void>;
  insert(item: T, position: number): Promise<number>;
}): Promise<number[]> {
  const existingById = new Map(ops.existing.map((row) => [row.id, row]));
  for (const item of ops.desired) {
    // An id that is not an active child here was removed (or never belonged): a stale form.
    if (item.id !== undefined && !existingById.has(item.id)) throw new ActionError("adminCommon.errors.stale");
  }
  const kept = new Set(ops.desired.map((item) => item.id).filter((id): id is number => id !== undefined));
  const removed = ops.existing.filter((row) => !kept.has(row.id)).map((row) => row.id);
  if (removed.length > 0) await ops.archive(removed);
  for (const item of ops.desired) {
    if (item.id !== undefined && existingById.get(item.id)!.code !== item.code) await ops.setTemporaryCode(item.id);
  }
  const ids: number[] = [];
  for (const [position, item] of ops.desired.entries()) {
    if (item.id !== undefined) {
      await ops.update(item.id, item, position);
      ids.push(item.id);
    } else {
      ids.push(await ops.insert(item, position));
    }
  }
  return ids;
}
