import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { campaignBlacklists, campaignDefaults, campaigns, campaignSkills } from "@/db/schema";
import { getTranslator } from "@/lib/i18n/server";

// The names are shown to the admin who tried to archive the object: in their language.
async function campaignLabels(list: { name: string }[]): Promise<string[]> {
  if (list.length === 0) return [];
  const { t } = await getTranslator();
  return list.map((c) => t("adminCommon.usedBy.campaign", { name: c.name }));
}

type CampaignRef =
  | "queueId"
  | "qualificationGroupId"
  | "scheduleId"
  | "holidayGroupId"
  | "distributionGroupId"
  | "databaseId"
  | "scriptId"
  | "addressBookId"
  | "salesRepScheduleId";
type DefaultsRef = "databaseId" | "qualificationGroupId" | "scheduleId" | "holidayGroupId" | "addressBookId" | "salesRepScheduleId";

/** Names of the (non-archived) campaigns whose configuration points at an object. */
export async function campaignsUsing(column: CampaignRef, id: number): Promise<string[]> {
  const db = await getDb();
  const list = await db
    .select({ name: campaigns.name })
    .from(campaigns)
    .where(and(eq(campaigns[column], id), isNull(campaigns.archivedAt)));
  return campaignLabels(list);
}

/** The default parameters, when they point at an object. */
export async function defaultsUsing(column: DefaultsRef, id: number): Promise<string[]> {
  const db = await getDb();
  const list = await db.select({ id: campaignDefaults.id }).from(campaignDefaults).where(eq(campaignDefaults[column], id));
  if (list.length === 0) return [];
  const { t } = await getTranslator();
  return [t("adminCommon.usedBy.defaults")];
}

export async function campaignsUsingBlacklist(id: number): Promise<string[]> {
  const db = await getDb();
  const list = await db
    .select({ name: campaigns.name })
    .from(campaignBlacklists)
    .innerJoin(campaigns, eq(campaigns.id, campaignBlacklists.campaignId))
    .where(and(eq(campaignBlacklists.blacklistId, id), isNull(campaigns.archivedAt)));
  return campaignLabels(list);
}

export async function campaignsRequiringSkill(skillId: number): Promise<string[]> {
  const db = await getDb();
  const list = await db
    .select({ name: campaigns.name })
    .from(campaignSkills)
    .innerJoin(campaigns, eq(campaigns.id, campaignSkills.campaignId))
    .where(and(eq(campaignSkills.skillId, skillId), isNull(campaigns.archivedAt)));
  return campaignLabels(list);
}
