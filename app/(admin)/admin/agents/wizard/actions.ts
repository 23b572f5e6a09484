"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/auth/action";
import { wizardSchema } from "@/lib/hr/agent.schema";
import { createAgentsFromWizard } from "@/lib/hr/wizard";

/** Creates every account of the range or none; returns the clear passwords once. */
export const runHrWizardAction = defineAction("admin.access", wizardSchema, async (input, user) => {
  const accounts = await createAgentsFromWizard(user, input);
  revalidatePath("/admin/agents");
  revalidatePath("/admin/supervision-groups");
  return { accounts };
});
