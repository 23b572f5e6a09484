// The booking engine: book, move and cancel an appointment in one transaction each. What a slot
// allows is lib/agenda/slots.ts; what an agent may do is the schedule's «Droits des agents»
// (administrators are not bound by them). Exclusivity is the database's: every quarter of an open
// appointment is a row of appointment_slots keyed (rep, quarter), so two agents booking the same
// rep at overlapping times can never both commit — the loser gets "taken", whatever the timing.
import { and, eq, inArray, isNull } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import { appointmentLocations, appointments, appointmentSlots, appointmentTypes, salesReps, type Appointment } from "@/db/schema";
import type { Role } from "@/db/schema/auth";
import { ActionError } from "@/lib/auth/action-error";
import { recordAudit } from "@/lib/admin/audit";
import { isUniqueViolation } from "@/lib/admin/errors";
import { emit } from "@/lib/events/emit";
import { busyOf, loadSchedule, rightsOf, slotRepOf, slotScheduleOf } from "./engine-data";
import { checkSlot, QUARTER_MS } from "./slots";
import { appointmentMail } from "./mail";

export interface BookingActor {
  id: number;
  login: string;
  role: Role;
}

export interface BookInput {
  repId: number;
  typeId: number;
  locationId?: number | null;
  startsAt: Date;
  campaignId?: number | null;
  conversationId?: number | null;
  addressBookId?: number | null;
  contactId?: number | null;
  customerGuid?: string | null;
  customerName?: string;
  notes?: string;
}

const refuse = (reason: string, params?: Record<string, string | number>) =>
  new ActionError(`agenda.refusals.${reason}`, undefined, params);

// Appointments are not configuration, but who booked, moved or cancelled what is kept in the
// same audit trail as every other change.
const audit = (tx: Tx, actor: BookingActor, action: "create" | "update" | "delete", a: Appointment, before?: Appointment) =>
  recordAudit(tx, actor, {
    action,
    objectType: "appointment",
    objectId: a.id,
    label: `${a.customerName || "#" + a.id} — ${a.startsAt.toISOString()}`,
    before,
    after: a,
  });

/** The rep, locked: bookings of one rep run one at a time, so quota counts are exact. */
async function lockRep(tx: Tx, repId: number) {
  const [rep] = await tx.select().from(salesReps).where(eq(salesReps.id, repId)).for("update");
  if (!rep || rep.archivedAt) throw new ActionError("adminCommon.errors.notFound");
  if (!rep.active) throw refuse("repInactive");
  if (!rep.scheduleId) throw refuse("repNoSchedule");
  return rep;
}

async function claim(tx: Tx, a: Appointment) {
  const quarters = [];
  for (let t = +a.startsAt; t < +a.endsAt; t += QUARTER_MS) quarters.push({ repId: a.repId, slotStart: new Date(t), appointmentId: a.id });
  await tx.insert(appointmentSlots).values(quarters);
}

/** Checks the slot for the rep in the caller's transaction; throws the refusal with its reason. */
async function assertBookable(
  tx: Tx,
  actor: BookingActor,
  rep: typeof salesReps.$inferSelect,
  typeId: number,
  startsAt: Date,
  now: Date,
  exceptId?: number,
) {
  const schedule = await loadSchedule(tx, rep.scheduleId!);
  if (!schedule) throw refuse("repNoSchedule");
  const [type] = await tx
    .select()
    .from(appointmentTypes)
    .where(and(eq(appointmentTypes.id, typeId), eq(appointmentTypes.scheduleId, schedule.id)));
  if (!type) throw refuse("unknownType");
  const slotSchedule = await slotScheduleOf(tx, schedule);
  const window = 8 * 86_400_000;
  const busy = (await busyOf(tx, [rep.id], new Date(+startsAt - window), new Date(+startsAt + window), exceptId)).get(rep.id) ?? [];
  // Administrators book for anyone, any time the grid allows; agents within their rights.
  const rights = actor.role === "admin" ? { minNoticeMinutes: 0, maxDaysAhead: 3660 } : rightsOf(schedule);
  const check = checkSlot(slotSchedule, type, slotRepOf(rep, busy), startsAt, now, rights);
  if (!check.ok) throw refuse(check.reason, check.holiday ? { holiday: check.holiday } : undefined);
  return { schedule, type, endsAt: new Date(+startsAt + type.durationMinutes * 60_000) };
}

/** Turns the slot table's unique violation (a concurrent booking won) into the refusal. */
async function exclusive<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (isUniqueViolation(err)) throw refuse("taken");
    throw err;
  }
}

export async function bookAppointment(actor: BookingActor, input: BookInput, now: Date = new Date()): Promise<Appointment> {
  const db = await getDb();
  return exclusive(() =>
    db.transaction(async (tx) => {
      const rep = await lockRep(tx, input.repId);
      const { schedule, type, endsAt } = await assertBookable(tx, actor, rep, input.typeId, input.startsAt, now);
      if (actor.role !== "admin" && !schedule.agentsMayBook) throw refuse("mayNotBook");
      let locationName = "";
      if (input.locationId) {
        const [loc] = await tx
          .select()
          .from(appointmentLocations)
          .where(and(eq(appointmentLocations.id, input.locationId), eq(appointmentLocations.scheduleId, schedule.id)));
        if (!loc) throw refuse("unknownLocation");
        locationName = loc.name;
      }
      const [a] = await tx
        .insert(appointments)
        .values({
          repId: rep.id,
          typeId: type.id,
          locationId: input.locationId ?? null,
          startsAt: input.startsAt,
          endsAt,
          campaignId: input.campaignId ?? null,
          conversationId: input.conversationId ?? null,
          addressBookId: input.addressBookId ?? null,
          contactId: input.contactId ?? null,
          customerGuid: input.customerGuid ?? null,
          customerName: input.customerName ?? "",
          notes: input.notes ?? "",
          bookedBy: actor.id || null,
        })
        .returning();
      await claim(tx, a);
      await audit(tx, actor, "create", a);
      await emit(tx, { name: "relais/appointment.changed", data: { appointmentId: a.id, repId: rep.id, change: "booked" } });
      await appointmentMail(tx, "booked", a, rep, type.name, locationName, schedule.timeZone);
      return a;
    }),
  );
}

async function lockAppointment(tx: Tx, id: number) {
  const [a] = await tx.select().from(appointments).where(eq(appointments.id, id)).for("update");
  if (!a) throw new ActionError("adminCommon.errors.notFound");
  if (a.cancelledAt) throw refuse("alreadyCancelled");
  return a;
}

/** Agents: the schedule's right, and not later than the notice the schedule asks for. */
async function assertAgentMay(tx: Tx, actor: BookingActor, a: Appointment, scheduleId: number, what: "move" | "cancel", now: Date) {
  if (actor.role === "admin") return;
  const schedule = await loadSchedule(tx, scheduleId);
  if (!schedule) throw refuse("repNoSchedule");
  if (what === "move" ? !schedule.agentsMayMove : !schedule.agentsMayCancel) throw refuse(what === "move" ? "mayNotMove" : "mayNotCancel");
  if (+a.startsAt < +now + schedule.minNoticeMinutes * 60_000) throw refuse("tooLateToChange", { minutes: schedule.minNoticeMinutes });
}

export async function moveAppointment(actor: BookingActor, input: { appointmentId: number; startsAt: Date }, now: Date = new Date()) {
  const db = await getDb();
  return exclusive(() =>
    db.transaction(async (tx) => {
      const before = await lockAppointment(tx, input.appointmentId);
      const rep = await lockRep(tx, before.repId);
      await assertAgentMay(tx, actor, before, rep.scheduleId!, "move", now);
      const { schedule, type, endsAt } = await assertBookable(tx, actor, rep, before.typeId, input.startsAt, now, before.id);
      await tx.delete(appointmentSlots).where(eq(appointmentSlots.appointmentId, before.id));
      const [after] = await tx
        .update(appointments)
        .set({ startsAt: input.startsAt, endsAt, updatedAt: new Date() })
        .where(eq(appointments.id, before.id))
        .returning();
      await claim(tx, after);
      await audit(tx, actor, "update", after, before);
      await emit(tx, { name: "relais/appointment.changed", data: { appointmentId: after.id, repId: rep.id, change: "moved" } });
      await appointmentMail(tx, "moved", after, rep, type.name, await locationName(tx, after.locationId), schedule.timeZone);
      return after;
    }),
  );
}

export async function cancelAppointment(actor: BookingActor, input: { appointmentId: number }, now: Date = new Date()) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const before = await lockAppointment(tx, input.appointmentId);
    const [rep] = await tx.select().from(salesReps).where(eq(salesReps.id, before.repId));
    await assertAgentMay(tx, actor, before, rep.scheduleId ?? 0, "cancel", now);
    await tx.delete(appointmentSlots).where(eq(appointmentSlots.appointmentId, before.id));
    const [after] = await tx
      .update(appointments)
      .set({ cancelledAt: now, cancelledBy: actor.id || null, updatedAt: new Date() })
      .where(eq(appointments.id, before.id))
      .returning();
    await audit(tx, actor, "delete", after, before);
    await emit(tx, { name: "relais/appointment.changed", data: { appointmentId: after.id, repId: rep.id, change: "cancelled" } });
    const [type] = await tx.select({ name: appointmentTypes.name }).from(appointmentTypes).where(eq(appointmentTypes.id, after.typeId));
    const schedule = rep.scheduleId ? await loadSchedule(tx, rep.scheduleId) : null;
    await appointmentMail(
      tx,
      "cancelled",
      after,
      rep,
      type?.name ?? "",
      await locationName(tx, after.locationId),
      schedule?.timeZone ?? "Europe/Paris",
    );
    return after;
  });
}

async function locationName(tx: Tx, id: number | null) {
  if (!id) return "";
  const [l] = await tx.select({ name: appointmentLocations.name }).from(appointmentLocations).where(eq(appointmentLocations.id, id));
  return l?.name ?? "";
}

/** Future open appointments of these reps (for refusing a deactivation, naming them). */
export async function futureAppointments(tx: Tx, repIds: number[], now: Date = new Date()) {
  if (repIds.length === 0) return [];
  const rows = await tx
    .select({ id: appointments.id, startsAt: appointments.startsAt, customerName: appointments.customerName })
    .from(appointments)
    .where(and(inArray(appointments.repId, repIds), isNull(appointments.cancelledAt)));
  return rows.filter((r) => +r.startsAt > +now).sort((a, b) => +a.startsAt - +b.startsAt);
}
