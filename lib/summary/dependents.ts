import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { campaignBlacklists, campaigns, campaignSkills } from "@/db/schema";
import { requestSummaryRecomputeFor } from "./trigger";

/** Configuration objects a campaign summary reads, by what points at them. */
const directColumns = {
  queue: campaigns.queueId,
  schedule: campaigns.scheduleId,
  holidayGroup: campaigns.holidayGroupId,
  qualificationGroup: campaigns.qualificationGroupId,
  distributionGroup: campaigns.distributionGroupId,
  script: campaigns.scriptId,
  platform: campaigns.platformId,
} as const;

export type SummaryDependency = keyof typeof directColumns | "blacklist" | "skill";

/** The non-archived campaigns whose summary reads this object. */
export async function campaignsUsing(kind: SummaryDependency, id: number): Promise<number[]> {
  const db = await getDb();
  if (kind === "blacklist") {
    const rows = await db
      .select({ id: campaigns.id })
      .from(campaignBlacklists)
      .innerJoin(campaigns, eq(campaigns.id, campaignBlacklists.campaignId))
      .where(and(eq(campaignBlacklists.blacklistId, id), isNull(campaigns.archivedAt)));
    return rows.map((r) => r.id);
  }
  if (kind === "skill") {
    const rows = await db
      .select({ id: campaigns.id })
      .from(campaignSkills)
      .innerJoin(campaigns, eq(campaigns.id, campaignSkills.campaignId))
      .where(and(eq(campaignSkills.skillId, id), isNull(campaigns.archivedAt)));
    return rows.map((r) => r.id);
  }
  const rows = await db
    .select({ id: campaigns.id })
    .from(campaigns)
    .where(and(eq(directColumns[kind], id), isNull(campaigns.archivedAt)));
  return rows.map((r) => r.id);
}

/**
 * After a change to a configuration object has committed: recompute the summaries of the campaigns
 * using it. Never throws: the change is saved, and the 5-minute cron repairs a lost request.
 */
export async function requestSummaryRecomputeOf(kind: SummaryDependency, id: number): Promise<void> {
  try {
    await requestSummaryRecomputeFor(await campaignsUsing(kind, id));
  } catch (err) {
    console.error(`[summary] recompute request after a change of ${kind} ${id} failed`, err);
  }
}
