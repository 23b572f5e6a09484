"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/auth/action";
import { defaultsSchema } from "@/lib/campaigns/defaults.schema";
import { saveDefaults } from "@/lib/campaigns/defaults";

export const saveDefaultsAction = defineAction("admin.access", defaultsSchema, async (input, user) => {
  const row = await saveDefaults(user, input);
  revalidatePath("/admin/defaults");
  return { version: row.updatedAt.toISOString() };
});
