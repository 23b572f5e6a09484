// Which time zone a time is shown in: a campaign's is its schedule's, else the root settings'
// default (the one every page without a campaign uses).
import { eq, inArray } from "drizzle-orm";
import { getDb } from "@/db/client";
import { campaigns, rootSettings, workSchedules } from "@/db/schema";
import { fallbackTimeZone } from "@/lib/i18n/config";

/** The root settings' default time zone (Europe/Paris until an administrator changes it). */
export async function defaultTimeZone(): Promise<string> {
  const db = await getDb();
  const [row] = await db.select({ timeZone: rootSettings.defaultTimeZone }).from(rootSettings).where(eq(rootSettings.id, 1));
  return row?.timeZone || fallbackTimeZone;
}

/** A schedule's time zone, else the default one. */
export async function scheduleTimeZone(scheduleId: number | null | undefined): Promise<string> {
  if (scheduleId) {
    const db = await getDb();
    const [row] = await db.select({ timeZone: workSchedules.timeZone }).from(workSchedules).where(eq(workSchedules.id, scheduleId));
    if (row?.timeZone) return row.timeZone;
  }
  return defaultTimeZone();
}

/** The time zone of a campaign: its schedule's, else the default one. */
export async function campaignTimeZone(campaignId: number): Promise<string> {
  const db = await getDb();
  const [row] = await db
    .select({ timeZone: workSchedules.timeZone })
    .from(campaigns)
    .innerJoin(workSchedules, eq(workSchedules.id, campaigns.scheduleId))
    .where(eq(campaigns.id, campaignId));
  return row?.timeZone || defaultTimeZone();
}

/** The time zone of each of these campaigns (one query), for lists that show campaigns' times. */
export async function campaignTimeZones(campaignIds: number[]): Promise<Map<number, string>> {
  const fallback = await defaultTimeZone();
  const zones = new Map(campaignIds.map((id) => [id, fallback]));
  if (campaignIds.length === 0) return zones;
  const db = await getDb();
  const rows = await db
    .select({ id: campaigns.id, timeZone: workSchedules.timeZone })
    .from(campaigns)
    .innerJoin(workSchedules, eq(workSchedules.id, campaigns.scheduleId))
    .where(inArray(campaigns.id, campaignIds));
  for (const r of rows) if (r.timeZone) zones.set(r.id, r.timeZone);
  return zones;
}
