// What the rest of Relais (ingestion) asks: is a campaign open at instant t?
import { eq } from "drizzle-orm";
import { getDb, type Db, type Tx } from "@/db/client";
import { workSchedules } from "@/db/schema";
import { DEFAULT_TIME_ZONE, isOpenAt, type CalendarConfig, type OpenResult } from "./hours";
import { holidays } from "@/db/schema";

export { isOpenAt, DEFAULT_TIME_ZONE };
export type { CalendarConfig, OpenReason, OpenResult, HolidayRule } from "./hours";

export { nextOpeningAt } from "./next-open";

/**
 * The calendar of a campaign: its schedule (null = any hour) and the holidays of its group, read in
 * the schedule's time zone (Europe/Paris without a schedule). Pass the caller's transaction when
 * there is one (PGlite has a single connection: a read outside it would wait for it forever).
 */
export async function loadCalendar(scheduleId: number | null, holidayGroupId: number | null, dbOrTx?: Db | Tx): Promise<CalendarConfig> {
  const db = dbOrTx ?? (await getDb());
  const [schedule] = scheduleId
    ? await db
        .select({ days: workSchedules.days, timeZone: workSchedules.timeZone })
        .from(workSchedules)
        .where(eq(workSchedules.id, scheduleId))
    : [];
  return {
    schedule: schedule ? { days: schedule.days } : null,
    holidays: holidayGroupId
      ? await db
          .select({ label: holidays.label, date: holidays.date, recurring: holidays.recurring, part: holidays.part })
          .from(holidays)
          .where(eq(holidays.groupId, holidayGroupId))
      : [],
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
