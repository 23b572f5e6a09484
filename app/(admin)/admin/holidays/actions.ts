"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/auth/action";
import { archiveSchema } from "@/lib/admin/common.schema";
import { holidayGroupSchema, holidayGroupUpdateSchema } from "@/lib/calendars/holiday.schema";
import { createHolidayGroup, setHolidayGroupArchived, updateHolidayGroup } from "@/lib/calendars/holiday-mutations";

// Sound files are uploaded through app/api/holidays/sound (a server action's body is limited to
// 1 MB, a sound may weigh 2 MB); the group then refers to them by id.

export const createHolidayGroupAction = defineAction("admin.access", holidayGroupSchema, async (input, user) => {
  const row = await createHolidayGroup(user, input);
  revalidatePath("/admin/holidays");
  return { id: row.id };
});

export const updateHolidayGroupAction = defineAction("admin.access", holidayGroupUpdateSchema, async (input, user) => {
  const row = await updateHolidayGroup(user, input);
  revalidatePath("/admin/holidays");
  return { id: row.id, version: row.updatedAt.toISOString() };
});

export const archiveHolidayGroupAction = defineAction("admin.access", archiveSchema, async ({ id, archived }, user) => {
  await setHolidayGroupArchived(user, id, archived);
  revalidatePath("/admin/holidays");
  return { id };
});
