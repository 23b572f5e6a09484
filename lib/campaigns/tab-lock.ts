import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Tx } from "@/db/client";
import {
  addressBooks,
  salesRepSchedules,
  blacklists,
  campaigns,
  customerDatabases,
  distributionRuleGroups,
  holidayGroups,
  platforms,
  qualificationGroups,
  queues,
  skills,
  workSchedules,
  type Campaign,
} from "@/db/schema";
import { ActionError } from "@/lib/auth/action";
import { recordAudit, type AuditActor } from "@/lib/admin/audit";
import { lockForUpdate, updateRow } from "@/lib/admin/mutate";
import type { CampaignTab } from "./campaign.schema";

/**
 * Saves one tab of a campaign in one transaction, guarded by that tab's own counter: two admins
 * saving the same tab conflict, two admins on different tabs do not.
 */
export async function saveCampaignTab(
  tx: Tx,
  actor: AuditActor,
  input: { id: number; version: number },
  tab: CampaignTab,
  write: (before: Campaign) => Promise<{ patch: Partial<typeof campaigns.$inferInsert>; auditBefore?: object; auditAfter?: object }>,
): Promise<{ version: number }> {
  // The version is the tab's counter, not updated_at: the lock checks only that the campaign is active.
  const before = await lockForUpdate(tx, campaigns, input.id, undefined, isNull(campaigns.archivedAt));
  const current = before.versions[tab] ?? 0;
  if (current !== input.version) throw new ActionError("campaigns.errors.conflict");
  const { patch, auditBefore, auditAfter } = await write(before);
  const version = current + 1;
  const after = await updateRow(tx, campaigns, input.id, { ...patch, versions: { ...before.versions, [tab]: version } });
  await recordAudit(tx, actor, {
    action: "update",
    objectType: "campaign",
    objectId: after.id,
    label: `${after.name} — ${tab}`,
    before: { ...before, ...auditBefore },
    after: { ...after, ...auditAfter },
  });
  return { version };
}

const lookups = {
  platformId: { table: platforms, archivable: false },
  databaseId: { table: customerDatabases, archivable: true },
  queueId: { table: queues, archivable: true },
  scheduleId: { table: workSchedules, archivable: true },
  holidayGroupId: { table: holidayGroups, archivable: true },
  distributionGroupId: { table: distributionRuleGroups, archivable: true },
  qualificationGroupId: { table: qualificationGroups, archivable: true },
  addressBookId: { table: addressBooks, archivable: true },
  salesRepScheduleId: { table: salesRepSchedules, archivable: true },
} as const;

/** Refuses a choice that no longer exists or was archived since the form was loaded. */
export async function assertUsable(tx: Tx, field: keyof typeof lookups, id: number | null): Promise<void> {
  if (id === null) return;
  const { table, archivable } = lookups[field];
  const [row] = await tx
    .select({ id: table.id })
    .from(table)
    .where(archivable && "archivedAt" in table ? and(eq(table.id, id), isNull(table.archivedAt)) : eq(table.id, id));
  if (!row) throw new ActionError("campaigns.errors.unavailable", { [field]: ["campaigns.errors.unavailable"] });
}

export async function assertUsableMany(tx: Tx, field: "blacklistIds" | "skills", ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  const table = field === "blacklistIds" ? blacklists : skills;
  const rows = await tx
    .select({ id: table.id })
    .from(table)
    .where(and(inArray(table.id, ids), isNull(table.archivedAt)));
  if (rows.length !== new Set(ids).size)
    throw new ActionError("campaigns.errors.unavailable", { [field]: ["campaigns.errors.unavailable"] });
}
