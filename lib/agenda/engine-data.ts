// What the free-slot computation needs, read from the database (shared by the booking engine,
// the booking panel's queries and the rep's agenda).
import { and, asc, eq, gt, inArray, isNull, lt } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { appointments, holidays, salesRepSchedules, type SalesRep, type SalesRepSchedule } from "@/db/schema";
import type { HolidayRule } from "@/lib/calendars/hours";
import type { SlotRep, SlotRights, SlotSchedule } from "./slots";

export async function holidayRules(db: Db | Tx, groupId: number | null): Promise<HolidayRule[]> {
  if (!groupId) return [];
  return db
    .select({ label: holidays.label, date: holidays.date, recurring: holidays.recurring, part: holidays.part })
    .from(holidays)
    .where(eq(holidays.groupId, groupId))
    .orderBy(asc(holidays.position));
}

export async function slotScheduleOf(db: Db | Tx, schedule: SalesRepSchedule): Promise<SlotSchedule> {
  return { timeZone: schedule.timeZone, greyed: schedule.greyed, holidays: await holidayRules(db, schedule.holidayGroupId) };
}

export const rightsOf = (s: SalesRepSchedule): SlotRights => ({ minNoticeMinutes: s.minNoticeMinutes, maxDaysAhead: s.maxDaysAhead });

export async function loadSchedule(db: Db | Tx, id: number): Promise<SalesRepSchedule | null> {
  const [row] = await db
    .select()
    .from(salesRepSchedules)
    .where(and(eq(salesRepSchedules.id, id), isNull(salesRepSchedules.archivedAt)));
  return row ?? null;
}

/** Open appointments of these reps overlapping [from, to), grouped by rep. */
export async function busyOf(db: Db | Tx, repIds: number[], from: Date, to: Date, exceptId?: number) {
  const byRep = new Map<number, { id: number; startsAt: Date; endsAt: Date }[]>(repIds.map((id) => [id, []]));
  if (repIds.length === 0) return byRep;
  const found = await db
    .select({ id: appointments.id, repId: appointments.repId, startsAt: appointments.startsAt, endsAt: appointments.endsAt })
    .from(appointments)
    .where(
      and(
        inArray(appointments.repId, repIds),
        isNull(appointments.cancelledAt),
        lt(appointments.startsAt, to),
        gt(appointments.endsAt, from),
      ),
    );
  for (const a of found) if (a.id !== exceptId) byRep.get(a.repId)?.push(a);
  return byRep;
}

export const slotRepOf = (rep: Pick<SalesRep, "quotaPerDay" | "quotaPerWeek">, busy: SlotRep["busy"]): SlotRep => ({
  quotaPerDay: rep.quotaPerDay,
  quotaPerWeek: rep.quotaPerWeek,
  busy,
});
