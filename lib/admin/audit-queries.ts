import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { auditLog } from "@/db/schema";
import { pagedList } from "./list-query";

export interface AuditFilter {
  type?: string;
  objectId?: number;
  q?: string;
  page: number;
}

export async function listAudit(filter: AuditFilter) {
  const db = await getDb();
  return pagedList(
    db,
    { page: filter.page, q: filter.q, dir: "desc" },
    {
      query: () => db.select().from(auditLog).$dynamic(),
      where: and(
        filter.type ? eq(auditLog.objectType, filter.type) : undefined,
        filter.objectId ? eq(auditLog.objectId, filter.objectId) : undefined,
      ),
      search: [auditLog.objectLabel, auditLog.userLogin],
      sortable: { at: [auditLog.at, auditLog.id] },
    },
  );
}

export async function auditObjectTypes(): Promise<string[]> {
  const db = await getDb();
  const list = await db.selectDistinct({ type: auditLog.objectType }).from(auditLog).orderBy(auditLog.objectType);
  return list.map((r) => r.type);
}

/** The fields that differ between two snapshots, for a readable change line. */
export function changedFields(before: unknown, after: unknown): { field: string; before: unknown; after: unknown }[] {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => k !== "updatedAt" && k !== "createdAt");
  return keys.filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k])).map((k) => ({ field: k, before: b[k], after: a[k] }));
}
