"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/auth/action";
import { archiveSchema } from "@/lib/admin/common.schema";
import { agentSchema, agentUpdateSchema } from "@/lib/hr/agent.schema";
import { passwordTargetSchema } from "@/lib/hr/supervision.schema";
import { createAgent, regeneratePassword, setAccountArchived, unlockSignIn, updateAgent } from "@/lib/hr/agent-mutations";

function refreshHr() {
  revalidatePath("/admin/agents");
  revalidatePath("/admin/supervisors");
  revalidatePath("/admin/supervision-groups");
}

/** Returns the generated password once; only its hash is stored. */
export const createAgentAction = defineAction("admin.access", agentSchema, async (input, user) => {
  const account = await createAgent(user, input);
  refreshHr();
  return account;
});

export const updateAgentAction = defineAction("admin.access", agentUpdateSchema, async (input, user) => {
  const row = await updateAgent(user, input);
  refreshHr();
  return { id: row.id, version: row.updatedAt.toISOString() };
});

export const regenerateAgentPasswordAction = defineAction("admin.access", passwordTargetSchema, async ({ id }, user) => {
  return regeneratePassword(user, id, ["agent"]);
});

export const archiveAgentAction = defineAction("admin.access", archiveSchema, async ({ id, archived }, user) => {
  const { requeued } = await setAccountArchived(user, id, archived, "agent");
  refreshHr();
  return { id, requeued };
});

/** Forgets an agent's failed sign-ins from every address (the HR page's «Débloquer» button), audited. */
export const unlockAgentSignInAction = defineAction("admin.access", passwordTargetSchema, async ({ id }, user) => {
  await unlockSignIn(user, id, ["agent"]);
  refreshHr();
  return { id };
});
