"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/auth/action";
import { archiveSchema } from "@/lib/admin/common.schema";
import { distributionGroupSchema, distributionGroupUpdateSchema } from "@/lib/distribution/rule.schema";
import { createDistributionGroup, setDistributionGroupArchived, updateDistributionGroup } from "@/lib/distribution/mutations";

export const createDistributionGroupAction = defineAction("admin.access", distributionGroupSchema, async (input, user) => {
  const row = await createDistributionGroup(user, input);
  revalidatePath("/admin/distribution-rules");
  return { id: row.id };
});

export const updateDistributionGroupAction = defineAction("admin.access", distributionGroupUpdateSchema, async (input, user) => {
  const row = await updateDistributionGroup(user, input);
  revalidatePath("/admin/distribution-rules");
  return { id: row.id, version: row.updatedAt.toISOString() };
});

export const archiveDistributionGroupAction = defineAction("admin.access", archiveSchema, async ({ id, archived }, user) => {
  await setDistributionGroupArchived(user, id, archived);
  revalidatePath("/admin/distribution-rules");
  return { id };
});
