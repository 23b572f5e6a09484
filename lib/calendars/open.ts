// What the rest of Relais (ingestion) asks: is a campaign open at instant t?
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { workSchedules } from "@/db/schema";
import { DEFAULT_TIME_ZONE, isOpenAt, type CalendarConfig, type OpenResult } from "./hours";
import { holidayRules } from "./holiday-queries";

export { isOpenAt, DEFAULT_TIME_ZONE };
export type { CalendarConfig, OpenReason, OpenResult, HolidayRule } from "./hours";

/**
 * The calendar of a campaign: its schedule (null = any hour) and the holidays of its group, read in
 * the schedule's time zone (Europe/Paris without a schedule).
 */
export async function loadCalendar(scheduleId: number | null, holidayGroupId: number | null): Promise<CalendarConfig> {
  const db = await getDb();
  const [schedule] = scheduleId
    ? await db
        .select({ days: workSchedules.days, timeZone: workSchedules.timeZone })
        .from(workSchedules)
        .where(eq(workSchedules.id, scheduleId))
    : [];
  return {
    schedule: schedule ? { days: schedule.days } : null,
    holidays: holidayGroupId ? await holidayRules(holidayGroupId) : [],
    timeZone: schedule?.timeZone ?? DEFAULT_TIME_ZONE,
  };
}

export async function isCampaignOpen(
  scheduleId: number | null,
  holidayGroupId: number | null,
  instant: Date = new Date(),
): Promise<OpenResult> {
  return isOpenAt(await loadCalendar(scheduleId, holidayGroupId), instant);
}
