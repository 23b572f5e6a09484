import type { z } from "zod";
import { getDb } from "@/db/client";
import { workSchedules } from "@/db/schema";
import { recordAudit, type AuditActor } from "@/lib/admin/audit";
import { uniqueOr } from "@/lib/admin/errors";
import { setArchived, updateWithLock } from "@/lib/admin/mutate";
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
      const { before, after } = await updateWithLock(tx, workSchedules, input.id, input.version, {
        name: input.name,
        timeZone: input.timeZone,
        days: input.days,
      });
      await recordAudit(tx, actor, { action: "update", objectType: "work_schedule", objectId: after.id, label: after.name, before, after });
      return after;
    }),
  );
}

export async function setScheduleArchived(actor: AuditActor, id: number, archived: boolean) {
  return setArchived(actor, workSchedules, id, archived, { objectType: "work_schedule", label: (s) => s.name, usedBy: scheduleUsers });
}
