"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/auth/action";
import { archiveSchema } from "@/lib/admin/common.schema";
import { qualificationGroupSchema, qualificationGroupUpdateSchema } from "@/lib/qualifications/qualification.schema";
import { createQualificationGroup, setQualificationGroupArchived, updateQualificationGroup } from "@/lib/qualifications/mutations";

export const createQualificationGroupAction = defineAction("admin.access", qualificationGroupSchema, async (input, user) => {
  const row = await createQualificationGroup(user, input);
  revalidatePath("/admin/qualifications");
  return { id: row.id };
});

export const updateQualificationGroupAction = defineAction("admin.access", qualificationGroupUpdateSchema, async (input, user) => {
  const row = await updateQualificationGroup(user, input);
  revalidatePath("/admin/qualifications");
  return { id: row.id, version: row.updatedAt.toISOString() };
});

export const archiveQualificationGroupAction = defineAction("admin.access", archiveSchema, async ({ id, archived }, user) => {
  await setQualificationGroupArchived(user, id, archived);
  revalidatePath("/admin/qualifications");
  return { id };
});
