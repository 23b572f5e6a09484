"use server";

import { defineAction } from "@/lib/auth/action";
import { presenceSchema, qualifySchema, replySchema } from "@/lib/conversations/workspace.schema";
import { qualifyConversation, sendReply, setPresence } from "@/lib/conversations/mutations";
import { dispatch } from "@/lib/jobs/dispatch";

export const setPresenceAction = defineAction("workspace.use", presenceSchema, async ({ state }, user) => {
  await setPresence(user.id, state);
  if (state === "ready") await dispatch({ name: "relais/routing.requested", data: { reason: "agent-ready" } });
  return { state };
});

export const sendReplyAction = defineAction("workspace.use", replySchema, async (input, user) => {
  return sendReply(user.id, input);
});

export const qualifyAction = defineAction("workspace.use", qualifySchema, async (input, user) => {
  await qualifyConversation(user.id, input);
  // The agent is free again: offer the next waiting conversation.
  await dispatch({ name: "relais/routing.requested", data: { reason: "agent-free" } });
  return { closed: input.conversationId };
});
