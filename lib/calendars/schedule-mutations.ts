import { eq } from "drizzle-orm";
import type { z } from "zod";
import { getDb } from "@/db/client";
import { workSchedules } from "@/db/schema";
import { ActionError } from "@/lib/auth/action";
import { recordAudit, type AuditActor } from "@/lib/admin/audit";
import { refuseIfStale, refuseIfUsed, uniqueOr } from "@/lib/admin/errors";
import { scheduleUsers } from "./queries";
import type { scheduleSchema, scheduleUpdateSchema } from "./schedule.schema";

export async function createSchedule(actor: AuditActor, input: z.output<typeof scheduleSchema>) {
  const db = await getDb();
  return uniqueOr("name", () =>
    db.transaction(async (tx) => {
      const [row] = await tx.insert(workSchedules).values(input).returning();
      await recordAudit(tx, actor, { action: "create", objectType: "work_schedule", objectId: row.id, label: row.name, after: row });
      return row;
    }),
  );
}

export async function updateSchedule(actor: AuditActor, input: z.output<typeof scheduleUpdateSchema>) {
  const db = await getDb();
  return uniqueOr("name", () =>
    db.transaction(async (tx) => {
      const [before] = await tx.select().from(workSchedules).where(eq(workSchedules.id, input.id)).for("update");
      if (!before) throw new ActionError("adminCommon.errors.notFound");
      refuseIfStale(before.updatedAt, input.version);
      const [after] = await tx
        .update(workSchedules)
        .set({ name: input.name, timeZone: input.timeZone, days: input.days, updatedAt: new Date() })
        .where(eq(workSchedules.id, input.id))
        .returning();
      await recordAudit(tx, actor, { action: "update", objectType: "work_schedule", objectId: after.id, label: after.name, before, after });
      return after;
    }),
  );
}

export async function setScheduleArchived(actor: AuditActor, id: number, archived: boolean) {
  const db = await getDb();
  if (archived) refuseIfUsed(await scheduleUsers(id));
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(workSchedules).where(eq(workSchedules.id, id)).for("update");
    if (!before) throw new ActionError("adminCommon.errors.notFound");
    const [after] = await tx
      .update(workSchedules)
      .set({ archivedAt: archived ? new Date() : null, updatedAt: new Date() })
      .where(eq(workSchedules.id, id))
      .returning();
    await recordAudit(tx, actor, { action: archived ? "archive" : "restore", objectType: "work_schedule", objectId: id, label: after.name, before, after });
    return after;
  });
}
