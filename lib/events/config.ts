import type { ConfigChange } from "./types";

type Snapshot = { campaignId?: unknown; skills?: unknown } | null | undefined;

function skillIdsOf(snapshot: Snapshot): number[] {
  const skills = snapshot?.skills;
  if (!Array.isArray(skills)) return [];
  return skills.map((s: { skillId?: unknown }) => s?.skillId).filter((id): id is number => typeof id === "number");
}

/**
 * The `relais/config.changed` payload of an audited change. The audited rows say what the
 * listeners need beyond the object itself: the campaign a child object belongs to (a
 * predefined response), and for an agent the skills it held before or after.
 */
export function configChangeOf(entry: { objectType: string; objectId: number | null; before?: unknown; after?: unknown }): ConfigChange {
  const before = entry.before as Snapshot;
  const after = entry.after as Snapshot;
  const change: ConfigChange = { object: entry.objectType, ids: entry.objectId === null ? [] : [entry.objectId] };
  const campaignId = after?.campaignId ?? before?.campaignId;
  if (typeof campaignId === "number") change.campaignId = campaignId;
  if (entry.objectType === "agent") change.skillIds = [...new Set([...skillIdsOf(before), ...skillIdsOf(after)])];
  return change;
}
