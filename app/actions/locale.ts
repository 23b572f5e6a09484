"use server";

import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { defineAction } from "@/lib/auth/action";
import { localeSchema } from "@/lib/auth/profile.schema";

export const setLocaleAction = defineAction("profile.update", localeSchema, async ({ locale }, user) => {
  const db = await getDb();
  await db.update(users).set({ locale, updatedAt: new Date() }).where(eq(users.id, user.id));
  return { locale };
});
