import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { queues } from "@/db/schema";
import { ActionError } from "@/lib/auth/action";
import { recordAudit, type AuditActor } from "@/lib/admin/audit";
import { refuseIfStale, refuseIfUsed, uniqueOr } from "@/lib/admin/errors";
import { queueUsers } from "./queries";
import type { queueSchema, queueUpdateSchema } from "./queue.schema";
import type { z } from "zod";

export async function createQueue(actor: AuditActor, input: z.output<typeof queueSchema>) {
  const db = await getDb();
  return uniqueOr("code", () =>
    db.transaction(async (tx) => {
      const [row] = await tx.insert(queues).values(input).returning();
      await recordAudit(tx, actor, { action: "create", objectType: "queue", objectId: row.id, label: row.code, after: row });
      return row;
    }),
  );
}

export async function updateQueue(actor: AuditActor, input: z.output<typeof queueUpdateSchema>) {
  const db = await getDb();
  return uniqueOr("code", () =>
    db.transaction(async (tx) => {
      const [before] = await tx.select().from(queues).where(eq(queues.id, input.id)).for("update");
      if (!before) throw new ActionError("adminCommon.errors.notFound");
      refuseIfStale(before.updatedAt, input.version);
      const [after] = await tx
        .update(queues)
        .set({ code: input.code, description: input.description, updatedAt: new Date() })
        .where(eq(queues.id, input.id))
        .returning();
      await recordAudit(tx, actor, { action: "update", objectType: "queue", objectId: after.id, label: after.code, before, after });
      return after;
    }),
  );
}

export async function setQueueArchived(actor: AuditActor, id: number, archived: boolean) {
  const db = await getDb();
  if (archived) refuseIfUsed(await queueUsers(id));
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(queues).where(eq(queues.id, id)).for("update");
    if (!before) throw new ActionError("adminCommon.errors.notFound");
    const [after] = await tx
      .update(queues)
      .set({ archivedAt: archived ? new Date() : null, updatedAt: new Date() })
      .where(eq(queues.id, id))
      .returning();
    await recordAudit(tx, actor, { action: archived ? "archive" : "restore", objectType: "queue", objectId: id, label: after.code, before, after });
    return after;
  });
}
