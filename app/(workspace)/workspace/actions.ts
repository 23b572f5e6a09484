"use server";

import { defineAction } from "@/lib/auth/action";
import { presenceSchema, qualifySchema } from "@/lib/conversations/workspace.schema";
import { qualifyConversation, setPresence } from "@/lib/conversations/mutations";

// Routing follows from the events these mutations emit (agent.presence, conversation.closed):
// the assign-conversations job listens to them.
export const setPresenceAction = defineAction("workspace.use", presenceSchema, async ({ state }, user) => {
  await setPresence(user.id, state);
  return { state };
});

export const qualifyAction = defineAction("workspace.use", qualifySchema, async (input, user) => {
  await qualifyConversation(user.id, input);
  return { closed: input.conversationId };
});
