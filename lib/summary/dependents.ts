import { and, eq, inArray, isNull, notExists, or, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import { campaignBlacklists, campaigns, campaignSkills, salesReps, scriptVersions } from "@/db/schema";
import type { ConfigChange } from "@/lib/events/types";

// Which campaign summaries read a configuration object, by the audit log's object type. What
// is not here (supervisors, supervision groups, email templates, defaults…) no summary reads.
const directColumns = {
  queue: campaigns.queueId,
  work_schedule: campaigns.scheduleId,
  holiday_group: campaigns.holidayGroupId,
  qualification_group: campaigns.qualificationGroupId,
  distribution_rule_group: campaigns.distributionGroupId,
  script: campaigns.scriptId,
  platform: campaigns.platformId,
  sales_rep_schedule: campaigns.salesRepScheduleId,
  address_book: campaigns.addressBookId,
} as const;

type Db = Awaited<ReturnType<typeof getDb>>;

const requiresSkills = (db: Db, skillIds: number[]) =>
  inArray(campaigns.id, db.select({ id: campaignSkills.campaignId }).from(campaignSkills).where(inArray(campaignSkills.skillId, skillIds)));

/**
 * The non-archived campaigns whose summary reads what a configuration change touched: the
 * summary listener (lib/jobs/functions/summary-follows-config.ts) recomputes those only.
 */
export async function campaignsTouchedBy(change: ConfigChange): Promise<number[]> {
  const db = await getDb();
  const ids = change.ids;
  const where: SQL[] = [];
  if (change.campaignId) where.push(eq(campaigns.id, change.campaignId));
  if (change.object === "campaign" && ids.length) where.push(inArray(campaigns.id, ids));
  const column = directColumns[change.object as keyof typeof directColumns];
  if (column && ids.length) where.push(inArray(column, ids));
  // A rep made inactive (or moved to another schedule) changes the agenda element of the campaigns of his schedule.
  if (change.object === "sales_rep" && ids.length) {
    where.push(
      inArray(campaigns.salesRepScheduleId, db.select({ id: salesReps.scheduleId }).from(salesReps).where(inArray(salesReps.id, ids))),
    );
  }
  if (change.object === "script_version" && ids.length) {
    // A new version may be the script's latest production one: the campaigns of that script.
    where.push(
      inArray(campaigns.scriptId, db.select({ id: scriptVersions.scriptId }).from(scriptVersions).where(inArray(scriptVersions.id, ids))),
    );
  }
  if (change.object === "blacklist" && ids.length) {
    where.push(
      inArray(
        campaigns.id,
        db.select({ id: campaignBlacklists.campaignId }).from(campaignBlacklists).where(inArray(campaignBlacklists.blacklistId, ids)),
      ),
    );
  }
  if (change.object === "skill" && ids.length) where.push(requiresSkills(db, ids));
  if (change.object === "database" && ids.length) {
    // The customer file of a campaign's script version lives in a named database.
    where.push(
      inArray(
        campaigns.scriptVersionId,
        db
          .select({ id: scriptVersions.id })
          .from(scriptVersions)
          .where(inArray(sql`(${scriptVersions.customerFile} ->> 'databaseId')::int`, ids)),
      ),
    );
  }
  if (change.object === "agent") {
    // Campaigns without required skills count every active agent; the others count the agents
    // holding their skills, so those the agent held before or after the change.
    where.push(
      notExists(
        db
          .select({ one: sql`1` })
          .from(campaignSkills)
          .where(eq(campaignSkills.campaignId, campaigns.id)),
      ),
    );
    if (change.skillIds?.length) where.push(requiresSkills(db, change.skillIds));
  }
  if (where.length === 0) return [];
  const rows = await db
    .select({ id: campaigns.id })
    .from(campaigns)
    .where(and(isNull(campaigns.archivedAt), or(...where)));
  return rows.map((r) => r.id);
}
