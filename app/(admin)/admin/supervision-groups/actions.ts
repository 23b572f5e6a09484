"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/auth/action";
import { archiveSchema } from "@/lib/admin/common.schema";
import { supervisionGroupSchema, supervisionGroupUpdateSchema } from "@/lib/hr/supervision.schema";
import { createSupervisionGroup, setSupervisionGroupArchived, updateSupervisionGroup } from "@/lib/hr/supervision-mutations";

function refresh() {
  revalidatePath("/admin/supervision-groups");
  revalidatePath("/admin/supervisors");
  revalidatePath("/admin/agents");
  revalidatePath("/supervision");
}

export const createSupervisionGroupAction = defineAction("admin.access", supervisionGroupSchema, async (input, user) => {
  const row = await createSupervisionGroup(user, input);
  refresh();
  return { id: row.id };
});

export const updateSupervisionGroupAction = defineAction("admin.access", supervisionGroupUpdateSchema, async (input, user) => {
  const row = await updateSupervisionGroup(user, input);
  refresh();
  return { id: row.id, version: row.updatedAt.toISOString() };
});

export const archiveSupervisionGroupAction = defineAction("admin.access", archiveSchema, async ({ id, archived }, user) => {
  await setSupervisionGroupArchived(user, id, archived);
  refresh();
  return { id };
});
