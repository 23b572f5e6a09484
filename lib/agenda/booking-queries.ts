// What the booking panel shows: the campaign's schedule, the reps covering the customer's zone,
// types, locations and a week of free slots (computed by lib/agenda/slots.ts).
import { and, asc, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { appointmentLocations, appointmentTypes, campaigns, salesReps } from "@/db/schema";
import { ActionError } from "@/lib/auth/action-error";
import { busyOf, loadSchedule, rightsOf, slotRepOf, slotScheduleOf } from "./engine-data";
import { buildGrid, freeSlots, repCoversZone, zonedInstant } from "./slots";
import { repName } from "./queries";

export async function bookingContext(campaignId: number, postalCode?: string | null) {
  const db = await getDb();
  const [campaign] = await db
    .select({ scheduleId: campaigns.salesRepScheduleId, addressBookId: campaigns.addressBookId })
    .from(campaigns)
    .where(eq(campaigns.id, campaignId));
  if (!campaign) throw new ActionError("adminCommon.errors.notFound");
  const schedule = campaign.scheduleId ? await loadSchedule(db, campaign.scheduleId) : null;
  if (!schedule) return { configured: false as const };
  const [reps, types, locations] = await Promise.all([
    db
      .select()
      .from(salesReps)
      .where(and(eq(salesReps.scheduleId, schedule.id), eq(salesReps.active, true), isNull(salesReps.archivedAt)))
      .orderBy(asc(salesReps.lastName), asc(salesReps.firstName)),
    db
      .select()
      .from(appointmentTypes)
      .where(eq(appointmentTypes.scheduleId, schedule.id))
      .orderBy(asc(appointmentTypes.position), asc(appointmentTypes.id)),
    db
      .select()
      .from(appointmentLocations)
      .where(eq(appointmentLocations.scheduleId, schedule.id))
      .orderBy(asc(appointmentLocations.position), asc(appointmentLocations.id)),
  ]);
  return {
    configured: true as const,
    addressBookId: campaign.addressBookId,
    schedule: { id: schedule.id, name: schedule.name, timeZone: schedule.timeZone, agentsMayBook: schedule.agentsMayBook },
    reps: reps
      .filter((r) => repCoversZone(r.zones, postalCode))
      .map((r) => ({ id: r.id, name: repName(r), colour: r.colour, zones: r.zones })),
    types: types.map((t) => ({ id: t.id, name: t.name, durationMinutes: t.durationMinutes })),
    locations: locations.map((l) => ({ id: l.id, name: l.name })),
  };
}

const addDays = (date: string, days: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

/** The Monday of a date's week. */
export const mondayOf = (date: string) => addDays(date, -((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7));

/** Free starts of a week (Monday 00:00 to the next Monday, the schedule's wall clock), as ISO strings. */
export async function weekSlots(
  input: { campaignId: number; repId: number; typeId: number; weekOf: string },
  asAdmin: boolean,
  now: Date = new Date(),
) {
  const db = await getDb();
  const [campaign] = await db
    .select({ scheduleId: campaigns.salesRepScheduleId })
    .from(campaigns)
    .where(eq(campaigns.id, input.campaignId));
  const [rep] = await db.select().from(salesReps).where(eq(salesReps.id, input.repId));
  if (!campaign?.scheduleId || !rep || rep.scheduleId !== campaign.scheduleId) throw new ActionError("agenda.refusals.notInCampaign");
  const schedule = await loadSchedule(db, campaign.scheduleId);
  const [type] = await db
    .select()
    .from(appointmentTypes)
    .where(and(eq(appointmentTypes.id, input.typeId), eq(appointmentTypes.scheduleId, campaign.scheduleId)));
  if (!schedule || !type) throw new ActionError("agenda.refusals.unknownType");
  const monday = mondayOf(input.weekOf);
  const from = zonedInstant(monday, 0, schedule.timeZone) ?? new Date(`${monday}T00:00:00Z`);
  const to = zonedInstant(addDays(monday, 7), 0, schedule.timeZone) ?? new Date(+from + 7 * 86_400_000);
  const slotSchedule = await slotScheduleOf(db, schedule);
  // A week of margin on each side: the quota week of the first and last days.
  const busy = (await busyOf(db, [rep.id], new Date(+from - 7 * 86_400_000), new Date(+to + 7 * 86_400_000))).get(rep.id) ?? [];
  const rights = asAdmin ? { minNoticeMinutes: 0, maxDaysAhead: 3660 } : rightsOf(schedule);
  const slots = freeSlots(buildGrid(slotSchedule, from, to), slotSchedule, type, slotRepOf(rep, busy), now, rights);
  return { monday, timeZone: schedule.timeZone, slots: slots.map((d) => d.toISOString()) };
}
