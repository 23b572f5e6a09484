import { and, eq, isNull } from "drizzle-orm";
import type { z } from "zod";
import { getDb, type Tx } from "@/db/client";
import { salesReps, salesRepSchedules, users, type SalesRep } from "@/db/schema";
import { ActionError } from "@/lib/auth/action-error";
import { hashPassword } from "@/lib/auth/password";
import { recordAudit, type AuditActor } from "@/lib/admin/audit";
import { isUniqueViolation } from "@/lib/admin/errors";
import { lockForUpdate, updateRow } from "@/lib/admin/mutate";
import { createFormat } from "@/lib/i18n/format";
import { defaultLocale } from "@/lib/i18n/locales";
import type { repSchema, repUpdateSchema } from "./agenda.schema";
import { futureAppointments } from "./booking";
import { repName } from "./queries";

type Input = z.output<typeof repSchema>;

async function checkSchedule(tx: Tx, id: number | null) {
  if (!id) return;
  const [s] = await tx
    .select({ id: salesRepSchedules.id })
    .from(salesRepSchedules)
    .where(and(eq(salesRepSchedules.id, id), isNull(salesRepSchedules.archivedAt)));
  if (!s) throw new ActionError("agenda.errors.scheduleUnavailable", { scheduleId: ["agenda.errors.scheduleUnavailable"] });
}

/**
 * A rep who still has appointments to come cannot be made inactive or archived: the agents'
 * bookings would silently lose their rep. The refusal names the appointments.
 */
async function refuseIfBooked(tx: Tx, repId: number, timeZone = "Europe/Paris") {
  const future = await futureAppointments(tx, [repId]);
  if (future.length === 0) return;
  const format = createFormat(defaultLocale, timeZone);
  const names = future.slice(0, 5).map((a) => `${format.dateTime(a.startsAt)}${a.customerName ? ` (${a.customerName})` : ""}`);
  if (future.length > 5) names.push(`+${future.length - 5}`);
  throw new ActionError("agenda.errors.futureAppointments", undefined, { appointments: names.join(", ") });
}

const columns = (input: Input) => ({
  civility: input.civility,
  lastName: input.lastName,
  firstName: input.firstName,
  email: input.email,
  phone: input.phone,
  colour: input.colour.toLowerCase(),
  active: input.active,
  scheduleId: input.scheduleId,
  zones: input.zones,
  quotaPerDay: input.quotaPerDay,
  quotaPerWeek: input.quotaPerWeek,
});

/** The optional login (role sales_rep): created, renamed, re-passworded or removed (archived). */
async function syncLogin(tx: Tx, rep: Pick<SalesRep, "userId">, input: Input, name: string): Promise<number | null> {
  if (!input.login) {
    if (rep.userId) await tx.update(users).set({ archivedAt: new Date(), updatedAt: new Date() }).where(eq(users.id, rep.userId));
    return null;
  }
  try {
    if (rep.userId) {
      const set: Partial<typeof users.$inferInsert> = { login: input.login, name, archivedAt: null, updatedAt: new Date() };
      if (input.password) set.passwordHash = await hashPassword(input.password);
      await tx.update(users).set(set).where(eq(users.id, rep.userId));
      return rep.userId;
    }
    if (!input.password) throw new ActionError("agenda.errors.passwordRequired", { password: ["agenda.errors.passwordRequired"] });
    const [u] = await tx
      .insert(users)
      .values({ login: input.login, name, role: "sales_rep", passwordHash: await hashPassword(input.password) })
      .returning({ id: users.id });
    return u.id;
  } catch (err) {
    if (isUniqueViolation(err)) throw new ActionError("agenda.errors.loginTaken", { login: ["agenda.errors.loginTaken"] });
    throw err;
  }
}

// A unique violation inside a transaction aborts it: the login's is turned into the field error
// outside, after the rollback.
async function loginUnique<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (isUniqueViolation(err)) throw new ActionError("agenda.errors.loginTaken", { login: ["agenda.errors.loginTaken"] });
    throw err;
  }
}

export async function createSalesRep(actor: AuditActor, input: Input) {
  const db = await getDb();
  return loginUnique(() =>
    db.transaction(async (tx) => {
      await checkSchedule(tx, input.scheduleId);
      const userId = await syncLogin(tx, { userId: null }, input, repName(input));
      const [row] = await tx
        .insert(salesReps)
        .values({ ...columns(input), userId })
        .returning();
      await recordAudit(tx, actor, { action: "create", objectType: "sales_rep", objectId: row.id, label: repName(row), after: row });
      return row;
    }),
  );
}

export async function updateSalesRep(actor: AuditActor, input: z.output<typeof repUpdateSchema>) {
  const db = await getDb();
  return loginUnique(() =>
    db.transaction(async (tx) => {
      const before = await lockForUpdate(tx, salesReps, input.id, input.version);
      if (input.scheduleId !== before.scheduleId) await checkSchedule(tx, input.scheduleId);
      if (before.active && !input.active) await refuseIfBooked(tx, before.id);
      const userId = await syncLogin(tx, before, input, repName(input));
      const after = await updateRow(tx, salesReps, input.id, { ...columns(input), userId });
      await recordAudit(tx, actor, { action: "update", objectType: "sales_rep", objectId: after.id, label: repName(after), before, after });
      return after;
    }),
  );
}

export async function setSalesRepArchived(actor: AuditActor, id: number, archived: boolean) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const before = await lockForUpdate(tx, salesReps, id);
    if (archived) await refuseIfBooked(tx, id);
    const after = await updateRow(tx, salesReps, id, { archivedAt: archived ? new Date() : null });
    if (before.userId)
      await tx
        .update(users)
        .set({ archivedAt: archived ? new Date() : null, updatedAt: new Date() })
        .where(eq(users.id, before.userId));
    await recordAudit(tx, actor, {
      action: archived ? "archive" : "restore",
      objectType: "sales_rep",
      objectId: id,
      label: repName(after),
      before,
      after,
    });
    return after;
  });
}
