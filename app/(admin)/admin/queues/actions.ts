"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/auth/action";
import { archiveSchema } from "@/lib/admin/common.schema";
import { queueSchema, queueUpdateSchema } from "@/lib/queues/queue.schema";
import { createQueue, setQueueArchived, updateQueue } from "@/lib/queues/mutations";

export const createQueueAction = defineAction("admin.access", queueSchema, async (input, user) => {
  const row = await createQueue(user, input);
  revalidatePath("/admin/queues");
  return { id: row.id };
});

export const updateQueueAction = defineAction("admin.access", queueUpdateSchema, async (input, user) => {
  const row = await updateQueue(user, input);
  revalidatePath("/admin/queues");
  return { id: row.id, version: row.updatedAt.toISOString() };
});

export const archiveQueueAction = defineAction("admin.access", archiveSchema, async ({ id, archived }, user) => {
  await setQueueArchived(user, id, archived);
  revalidatePath("/admin/queues");
  return { id };
});
