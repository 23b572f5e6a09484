"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/auth/action";
import { archiveSchema } from "@/lib/admin/common.schema";
import { passwordTargetSchema, supervisorSchema, supervisorUpdateSchema } from "@/lib/hr/supervision.schema";
import { createSupervisor, updateSupervisor } from "@/lib/hr/supervision-mutations";
import { regeneratePassword, setAccountArchived } from "@/lib/hr/agent-mutations";

function refresh() {
  revalidatePath("/admin/supervisors");
  revalidatePath("/admin/supervision-groups");
}

/** Returns the generated password once; only its hash is stored. */
export const createSupervisorAction = defineAction("admin.access", supervisorSchema, async (input, user) => {
  const account = await createSupervisor(user, input);
  refresh();
  return account;
});

export const updateSupervisorAction = defineAction("admin.access", supervisorUpdateSchema, async (input, user) => {
  const row = await updateSupervisor(user, input);
  refresh();
  return { id: row.id, version: row.updatedAt.toISOString() };
});

export const regenerateSupervisorPasswordAction = defineAction("admin.access", passwordTargetSchema, async ({ id }, user) => {
  return regeneratePassword(user, id, ["supervisor"]);
});

export const archiveSupervisorAction = defineAction("admin.access", archiveSchema, async ({ id, archived }, user) => {
  await setAccountArchived(user, id, archived, "supervisor");
  refresh();
  return { id };
});
