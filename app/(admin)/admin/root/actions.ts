"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/auth/action";
import { platformSchema, platformUpdateSchema, rootSettingsSchema } from "@/lib/campaigns/root.schema";
import { createPlatform, saveRootSettings, updatePlatform } from "@/lib/campaigns/root";

// Root configuration: administrators only.

export const createPlatformAction = defineAction("admin.access", platformSchema, async (input, user) => {
  const row = await createPlatform(user, input);
  revalidatePath("/admin/root");
  return { id: row.id };
});

export const updatePlatformAction = defineAction("admin.access", platformUpdateSchema, async (input, user) => {
  const row = await updatePlatform(user, input);
  revalidatePath("/admin/root");
  return { id: row.id, version: row.updatedAt.toISOString() };
});

export const saveRootSettingsAction = defineAction("admin.access", rootSettingsSchema, async (input, user) => {
  const row = await saveRootSettings(user, input);
  revalidatePath("/admin/root");
  return { version: row.updatedAt.toISOString() };
});
