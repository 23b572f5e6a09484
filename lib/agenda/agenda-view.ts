// What the rep's agenda page shows for a range of days: the grid (greyed quarters, holidays) and
// the appointments, in the rep's schedule's time zone.
import { and, asc, eq, gt, isNull, lt } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb } from "@/db/client";
import { appointmentLocations, appointments, appointmentTypes, campaigns, salesReps, users } from "@/db/schema";
import { wallClockAt } from "@/lib/calendars/hours";
import { holidayRules, loadSchedule } from "./engine-data";
import { holidayAt, zonedInstant } from "./slots";

const addDays = (date: string, days: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

export async function agendaRange(repId: number, firstDay: string, days: number) {
  const db = await getDb();
  const [rep] = await db.select().from(salesReps).where(eq(salesReps.id, repId));
  if (!rep) return null;
  const schedule = rep.scheduleId ? await loadSchedule(db, rep.scheduleId) : null;
  const timeZone = schedule?.timeZone ?? "Europe/Paris";
  const rules = schedule ? await holidayRules(db, schedule.holidayGroupId) : [];
  const dates = Array.from({ length: days }, (_, i) => addDays(firstDay, i));
  const from = zonedInstant(dates[0], 0, timeZone) ?? new Date(`${dates[0]}T00:00:00Z`);
  const to = zonedInstant(addDays(firstDay, days), 0, timeZone) ?? new Date(+from + days * 86_400_000);
  const booker = alias(users, "booker");
  const list = await db
    .select({
      id: appointments.id,
      startsAt: appointments.startsAt,
      endsAt: appointments.endsAt,
      customerName: appointments.customerName,
      notes: appointments.notes,
      typeName: appointmentTypes.name,
      locationName: appointmentLocations.name,
      campaignName: campaigns.name,
      bookedBy: booker.name,
      conversationId: appointments.conversationId,
    })
    .from(appointments)
    .innerJoin(appointmentTypes, eq(appointmentTypes.id, appointments.typeId))
    .leftJoin(appointmentLocations, eq(appointmentLocations.id, appointments.locationId))
    .leftJoin(campaigns, eq(campaigns.id, appointments.campaignId))
    .leftJoin(booker, eq(booker.id, appointments.bookedBy))
    .where(
      and(eq(appointments.repId, repId), isNull(appointments.cancelledAt), lt(appointments.startsAt, to), gt(appointments.endsAt, from)),
    )
    .orderBy(asc(appointments.startsAt));
  const greyed = new Set(schedule?.greyed ?? []);
  return {
    rep,
    timeZone,
    days: dates.map((date) => {
      const weekday = (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
      return {
        date,
        weekday,
        holidayFull: holidayAt(rules, date, 0) && holidayAt(rules, date, 13 * 60) ? holidayAt(rules, date, 0) : null,
        quarters: Array.from({ length: 96 }, (_, q) => ({
          greyed: !schedule || greyed.has(weekday * 96 + q),
          holiday: holidayAt(rules, date, q * 15),
        })),
        appointments: list
          .filter((a) => wallClockAt(a.startsAt, timeZone).date === date)
          .map((a) => {
            const start = wallClockAt(a.startsAt, timeZone).minutes;
            return { ...a, startMinutes: start, durationMinutes: Math.round((+a.endsAt - +a.startsAt) / 60_000) };
          }),
      };
    }),
  };
}
