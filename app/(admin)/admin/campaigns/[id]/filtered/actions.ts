"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { defineAction } from "@/lib/auth/action";
import { releaseFiltered } from "@/lib/ingestion/filtered";
import { releaseFilteredSchema } from "@/lib/ingestion/filtered.schema";

export const releaseFilteredAction = defineAction("admin.access", releaseFilteredSchema, async (input, user) => {
  const db = await getDb();
  const result = await db.transaction((tx) => releaseFiltered(tx, input, user));
  revalidatePath(`/admin/campaigns/${input.campaignId}`);
  return result;
});
