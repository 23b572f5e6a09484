import { getDb } from "@/db/client";
import { queues } from "@/db/schema";
import { recordAudit, type AuditActor } from "@/lib/admin/audit";
import { uniqueOr } from "@/lib/admin/errors";
import { setArchived, updateWithLock } from "@/lib/admin/mutate";
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
      const { before, after } = await updateWithLock(tx, queues, input.id, input.version, {
        code: input.code,
        description: input.description,
      });
      await recordAudit(tx, actor, { action: "update", objectType: "queue", objectId: after.id, label: after.code, before, after });
      return after;
    }),
  );
}

export async function setQueueArchived(actor: AuditActor, id: number, archived: boolean) {
  return setArchived(actor, queues, id, archived, { objectType: "queue", label: (q) => q.code, usedBy: queueUsers });
}
