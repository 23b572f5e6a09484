"use server";

import { defineAction } from "@/lib/auth/action";
import { callbackSchema, markReadSchema, presenceSchema, qualifySchema, scriptActionSchema } from "@/lib/conversations/workspace.schema";
import { qualifyConversation, setPresence } from "@/lib/conversations/mutations";
import { runScriptAction } from "@/lib/conversations/script-run";
import { scheduleCallback } from "@/lib/conversations/callbacks";
import { markRead } from "@/lib/conversations/reads";

// Every action below re-checks on the server that the conversation is assigned to this agent
// (lib/conversations/access.ts). Routing follows from the events the mutations emit.
export const setPresenceAction = defineAction("workspace.use", presenceSchema, async ({ state }, user) => {
  await setPresence(user.id, state);
  return { state };
});

export const qualifyAction = defineAction("workspace.use", qualifySchema, async (input, user) => {
  const { state } = await qualifyConversation(user.id, input);
  return { closed: input.conversationId, state };
});

export const runScriptActionAction = defineAction("workspace.use", scriptActionSchema, async (input, user) => {
  return runScriptAction(user.id, input);
});

export const markReadAction = defineAction("workspace.use", markReadSchema, async ({ conversationId }, user) => {
  await markRead(user.id, conversationId);
  return { conversationId };
});

export const scheduleCallbackAction = defineAction("workspace.use", callbackSchema, async (input, user) => {
  return scheduleCallback(user.id, input);
});
