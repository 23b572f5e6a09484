"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/auth/action";
import { databaseIdSchema, databaseSchema } from "@/lib/databases/database.schema";
import { createDatabase, deleteDatabase } from "@/lib/databases/mutations";

export const createDatabaseAction = defineAction("admin.access", databaseSchema, async ({ name }, user) => {
  const row = await createDatabase(user, name);
  revalidatePath("/admin/databases");
  return { id: row.id };
});

export const deleteDatabaseAction = defineAction("admin.access", databaseIdSchema, async ({ id }, user) => {
  await deleteDatabase(user, id);
  revalidatePath("/admin/databases");
  return { id };
});
