"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/auth/action";
import { archiveSchema } from "@/lib/admin/common.schema";
import { scheduleSchema, scheduleUpdateSchema } from "@/lib/agenda/agenda.schema";
import { createSalesRepSchedule, setSalesRepScheduleArchived, updateSalesRepSchedule } from "@/lib/agenda/schedule-mutations";

export const createSalesRepScheduleAction = defineAction("admin.access", scheduleSchema, async (input, user) => {
  const row = await createSalesRepSchedule(user, input);
  revalidatePath("/admin/sales-rep-schedules");
  return { id: row.id };
});

export const updateSalesRepScheduleAction = defineAction("admin.access", scheduleUpdateSchema, async (input, user) => {
  const row = await updateSalesRepSchedule(user, input);
  revalidatePath("/admin/sales-rep-schedules");
  return { id: row.id, version: row.updatedAt.toISOString() };
});

export const archiveSalesRepScheduleAction = defineAction("admin.access", archiveSchema, async ({ id, archived }, user) => {
  await setSalesRepScheduleArchived(user, id, archived);
  revalidatePath("/admin/sales-rep-schedules");
  return { id };
});
