import { getDb } from "@/db/client";
import type { AgentState } from "@/db/schema";
import { ownConversation } from "./access";
import { closeQualified } from "./qualify";
import { setAgentPresence } from "@/lib/routing/presence";
import type { QualifyInput } from "./workspace.schema";

// Answers (replies, DMs, comment and private replies, Messenger) go through the outbox:
// lib/outbox/replies.ts sendAnswer, app/(workspace)/workspace/reply-actions.ts.

/** The agent's choice of state; Offline sends his conversations back to the queue (lib/routing/presence.ts). */
export async function setPresence(agentId: number, state: AgentState): Promise<void> {
  await setAgentPresence(agentId, state);
}

/** Qualifies and closes the conversation (lib/conversations/qualify.ts), then applies «Directement Prêt». */
export async function qualifyConversation(agentId: number, input: QualifyInput): Promise<{ state: "ready" | "paused" }> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const c = await ownConversation(tx, agentId, input.conversationId);
    return closeQualified(tx, agentId, c, { statusId: input.statusId, subStatusId: input.subStatusId });
  });
}
