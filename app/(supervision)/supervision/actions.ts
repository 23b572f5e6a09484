"use server";

import { defineAction } from "@/lib/auth/action";
import { eligibleAgents, forceAgentState, reassignTo, takeBackConversation } from "@/lib/supervision/actions";
import { eligibleAgentsSchema, forceStateSchema, reassignSchema, takeBackSchema } from "@/lib/supervision/supervision.schema";

// Each action checks its own permission here and, inside, that the agent or the conversation is
// in the viewer's supervision groups (lib/supervision/scope.ts). Each one is audited.
export const forceAgentStateAction = defineAction("supervision.agentState", forceStateSchema, async ({ agentId, state }, user) =>
  forceAgentState(user, agentId, state),
);

export const takeBackAction = defineAction("supervision.takeBack", takeBackSchema, async ({ conversationId }, user) =>
  takeBackConversation(user, conversationId),
);

export const reassignAction = defineAction("supervision.reassign", reassignSchema, async ({ conversationId, agentId }, user) =>
  reassignTo(user, conversationId, agentId),
);

export const eligibleAgentsAction = defineAction("supervision.reassign", eligibleAgentsSchema, async ({ conversationId }, user) =>
  eligibleAgents(user, conversationId),
);
