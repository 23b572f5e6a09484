import { describe, expect, it, beforeAll } from "vitest";
import { and, eq, isNull, sql } from "drizzle-orm";
import {
  appointments,
  appointmentSlots,
  appointmentTypes,
  auditLog,
  events,
  holidayGroups,
  holidays,
  salesReps,
  salesRepSchedules,
  users,
} from "@/db/schema";
import { ActionError } from "@/lib/auth/action-error";
import { bookAppointment, cancelAppointment, moveAppointment, type BookingActor } from "@/lib/agenda/booking";
import { defaultGreyed, zonedInstant } from "@/lib/agenda/slots";
import { setupTestDatabase } from "./db";

const paris = (date: string, hhmm: string) => {
  const [h, m] = hhmm.split(":").map(Number);
  return zonedInstant(date, h * 60 + m, "Europe/Paris")!;
};
// A Monday far enough ahead that "now" never reaches it; now is fixed for the rights.
const day = "2030-03-04";
const now = paris("2030-03-01", "12:00");

async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    if (err instanceof ActionError) return err.message;
    throw err;
  }
  return "ok";
}

describe("agenda booking engine", () => {
  const t = setupTestDatabase();
  const ids = { schedule: 0, type: 0, rep: 0, rep2: 0, agent1: 0, agent2: 0, admin: 0 };
  let agent1: BookingActor;
  let agent2: BookingActor;

  beforeAll(async () => {
    const db = t.handle.db;
    const [a1, a2, ad] = await db
      .insert(users)
      .values([
        { login: "1001", name: "Agent One", passwordHash: "x", role: "agent" },
        { login: "1002", name: "Agent Two", passwordHash: "x", role: "agent" },
        { login: "boss", name: "Admin", passwordHash: "x", role: "admin" },
      ])
      .returning();
    agent1 = { id: a1.id, login: a1.login, role: "agent" };
    agent2 = { id: a2.id, login: a2.login, role: "agent" };
    ids.admin = ad.id;
    const [group] = await db.insert(holidayGroups).values({ name: "Fériés" }).returning();
    await db.insert(holidays).values({ groupId: group.id, label: "Fête locale", date: "2030-03-05", recurring: false, part: "full" });
    const [schedule] = await db
      .insert(salesRepSchedules)
      .values({
        name: "Commerciaux IDF",
        greyed: defaultGreyed(),
        holidayGroupId: group.id,
        agentsMayMove: true,
        agentsMayCancel: false,
        minNoticeMinutes: 60,
        maxDaysAhead: 3650,
      })
      .returning();
    ids.schedule = schedule.id;
    const [type] = await db
      .insert(appointmentTypes)
      .values({ scheduleId: schedule.id, name: "Visite", durationMinutes: 60, spanStart: "08:00", spanEnd: "19:00" })
      .returning();
    ids.type = type.id;
    const [rep, rep2] = await db
      .insert(salesReps)
      .values([
        { lastName: "Martin", firstName: "Léa", email: "lea@example.test", scheduleId: schedule.id, quotaPerDay: 3 },
        { lastName: "Durand", firstName: "Paul", scheduleId: schedule.id },
      ])
      .returning();
    ids.rep = rep.id;
    ids.rep2 = rep2.id;
  });

  const book = (actor: BookingActor, start: Date, repId = ids.rep) =>
    bookAppointment(actor, { repId, typeId: ids.type, startsAt: start, customerName: "Client " + actor.login }, now);

  it("two agents booking the same rep at overlapping times at the same instant: one success, one refusal", async () => {
    const results = await Promise.allSettled([book(agent1, paris(day, "09:00")), book(agent2, paris(day, "09:30"))]);
    const ok = results.filter((r) => r.status === "fulfilled");
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(ok).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(refused[0].reason).toBeInstanceOf(ActionError);
    expect((refused[0].reason as ActionError).message).toBe("agenda.refusals.taken");
    const open = await t.handle.db
      .select()
      .from(appointments)
      .where(and(eq(appointments.repId, ids.rep), isNull(appointments.cancelledAt)));
    expect(open).toHaveLength(1);
    // The booking is told live and audited.
    const [event] = await t.handle.db.select().from(events).where(eq(events.name, "relais/appointment.changed"));
    expect(event.data).toMatchObject({ repId: ids.rep, change: "booked" });
    const [audit] = await t.handle.db.select().from(auditLog).where(eq(auditLog.objectType, "appointment"));
    expect(audit.action).toBe("create");
  });

  it("the exclusivity is the database's: overlapping slot rows cannot both commit, even bypassing the engine", async () => {
    const db = t.handle.db;
    const [a] = await db.select().from(appointments).where(eq(appointments.repId, ids.rep));
    // A second appointment row written directly, claiming a quarter the first holds.
    const err = await db
      .transaction(async (tx) => {
        const [b] = await tx
          .insert(appointments)
          .values({ repId: ids.rep, typeId: ids.type, startsAt: a.startsAt, endsAt: a.endsAt })
          .returning();
        await tx.insert(appointmentSlots).values({ repId: ids.rep, slotStart: new Date(+a.startsAt + 15 * 60_000), appointmentId: b.id });
      })
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(err).not.toBeNull();
    expect(JSON.stringify(err, Object.getOwnPropertyNames(err)) + String((err as { cause?: unknown }).cause)).toMatch(
      /appointment_slots_pk|duplicate key|23505/,
    );
  });

  it("the database refuses an appointment off the quarter hour, even written directly", async () => {
    const start = new Date(+paris(day, "16:05"));
    const err = await t.handle.db
      .insert(appointments)
      .values({ repId: ids.rep, typeId: ids.type, startsAt: start, endsAt: new Date(+start + 3_600_000) })
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(String((err as { cause?: unknown })?.cause ?? err)).toMatch(/appointments_quarter_ck/);
  });

  it("concurrent raw transactions on PostgreSQL: the second waits for the first and fails on commit of the first", async () => {
    if (t.handle.kind !== "postgres") return; // PGlite has one connection: its transactions are serial (covered above).
    const db = t.handle.db;
    const start = paris(day, "15:00");
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let firstInserted!: () => void;
    const inserted = new Promise<void>((r) => (firstInserted = r));
    const claimIn = (hold: boolean) =>
      db.transaction(async (tx) => {
        const [b] = await tx
          .insert(appointments)
          .values({ repId: ids.rep2, typeId: ids.type, startsAt: start, endsAt: new Date(+start + 3_600_000) })
          .returning();
        await tx.insert(appointmentSlots).values({ repId: ids.rep2, slotStart: start, appointmentId: b.id });
        if (hold) {
          firstInserted();
          await gate;
        }
      });
    const first = claimIn(true);
    await inserted;
    const second = claimIn(false).then(
      () => "committed",
      () => "refused",
    );
    // The second is blocked on the first's uncommitted key; let the first commit.
    await new Promise((r) => setTimeout(r, 100));
    release();
    await first;
    expect(await second).toBe("refused");
    await db.execute(sql`delete from appointments where rep_id = ${ids.rep2}`);
  });

  it("a slot outside the grid, in the past, on a holiday or over quota is refused with the reason", async () => {
    expect(await refusal(book(agent1, paris(day, "12:30")))).toBe("agenda.refusals.greyed");
    expect(await refusal(book(agent1, paris("2030-02-25", "09:00")))).toBe("agenda.refusals.past");
    expect(await refusal(book(agent1, paris("2030-03-05", "09:00")))).toBe("agenda.refusals.holiday");
    expect(await refusal(book(agent1, new Date(+paris(day, "10:00") + 60_000)))).toBe("agenda.refusals.notQuarter");
    // Quota 3 a day: one booked already.
    await book(agent1, paris(day, "10:00"));
    await book(agent1, paris(day, "14:00"));
    expect(await refusal(book(agent1, paris(day, "16:00")))).toBe("agenda.refusals.quotaDay");
  });

  it("agents' rights: moving allowed, cancelling not; an admin may cancel; a cancelled slot is free again", async () => {
    const [a] = await t.handle.db
      .select()
      .from(appointments)
      .where(and(eq(appointments.repId, ids.rep), isNull(appointments.cancelledAt)))
      .orderBy(appointments.startsAt);
    const moved = await moveAppointment(agent2, { appointmentId: a.id, startsAt: paris("2030-03-06", "09:00") }, now);
    expect(moved.startsAt.toISOString()).toBe(paris("2030-03-06", "09:00").toISOString());
    expect(await refusal(cancelAppointment(agent2, { appointmentId: a.id }, now))).toBe("agenda.refusals.mayNotCancel");
    await cancelAppointment({ id: ids.admin, login: "boss", role: "admin" }, { appointmentId: a.id }, now);
    const claims = await t.handle.db.select().from(appointmentSlots).where(eq(appointmentSlots.appointmentId, a.id));
    expect(claims).toHaveLength(0);
    await book(agent2, paris("2030-03-06", "09:00"));
  });

  it("an inactive rep cannot be booked", async () => {
    await t.handle.db.update(salesReps).set({ active: false }).where(eq(salesReps.id, ids.rep2));
    expect(await refusal(book(agent1, paris(day, "09:00"), ids.rep2))).toBe("agenda.refusals.repInactive");
  });
});
