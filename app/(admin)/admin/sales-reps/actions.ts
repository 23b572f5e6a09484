"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/auth/action";
import { archiveSchema } from "@/lib/admin/common.schema";
import { repSchema, repUpdateSchema } from "@/lib/agenda/agenda.schema";
import { createSalesRep, setSalesRepArchived, updateSalesRep } from "@/lib/agenda/rep-mutations";

export const createSalesRepAction = defineAction("admin.access", repSchema, async (input, user) => {
  const row = await createSalesRep(user, input);
  revalidatePath("/admin/sales-reps");
  return { id: row.id };
});

export const updateSalesRepAction = defineAction("admin.access", repUpdateSchema, async (input, user) => {
  const row = await updateSalesRep(user, input);
  revalidatePath("/admin/sales-reps");
  return { id: row.id, version: row.updatedAt.toISOString() };
});

export const archiveSalesRepAction = defineAction("admin.access", archiveSchema, async ({ id, archived }, user) => {
  await setSalesRepArchived(user, id, archived);
  revalidatePath("/admin/sales-reps");
  return { id };
});
