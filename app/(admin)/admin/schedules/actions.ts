"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/auth/action";
import { archiveSchema } from "@/lib/admin/common.schema";
import { scheduleSchema, scheduleUpdateSchema } from "@/lib/calendars/schedule.schema";
import { createSchedule, setScheduleArchived, updateSchedule } from "@/lib/calendars/schedule-mutations";

export const createScheduleAction = defineAction("admin.access", scheduleSchema, async (input, user) => {
  const row = await createSchedule(user, input);
  revalidatePath("/admin/schedules");
  return { id: row.id };
});

export const updateScheduleAction = defineAction("admin.access", scheduleUpdateSchema, async (input, user) => {
  const row = await updateSchedule(user, input);
  revalidatePath("/admin/schedules");
  return { id: row.id, version: row.updatedAt.toISOString() };
});

export const archiveScheduleAction = defineAction("admin.access", archiveSchema, async ({ id, archived }, user) => {
  await setScheduleArchived(user, id, archived);
  revalidatePath("/admin/schedules");
  return { id };
});
