import { and, desc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { messages, users, type AgentState } from "@/db/schema";
import { ActionError } from "@/lib/auth/action";
import { adapterForCampaign } from "@/lib/campaigns/adapter";
import { NetworkError } from "@/lib/networks/types";
import { redactedSendError } from "@/lib/networks/redact";
import { ownConversation } from "./access";
import { closeQualified } from "./qualify";
import { setAgentPresence } from "@/lib/routing/presence";
import { acceptAssignment } from "@/lib/routing/assignments";
import { emit } from "@/lib/events/emit";
import type { QualifyInput, ReplyInput } from "./workspace.schema";

/** The agent's choice of state; Offline sends his conversations back to the queue (lib/routing/presence.ts). */
export async function setPresence(agentId: number, state: AgentState): Promise<void> {
  await setAgentPresence(agentId, state);
}

/** The safety rule (and acting accepts the offer): lib/conversations/access.ts. */
async function assignedConversation(agentId: number, conversationId: number) {
  const db = await getDb();
  return db.transaction((tx) => ownConversation(tx, agentId, conversationId));
}

/**
 * Posts the agent's reply to the network as a reply to the customer's latest message. The
 * outbound row is written first with the browser's request key: a second submit with the same
 * key finds it and does not post again.
 */
export async function sendReply(agentId: number, input: ReplyInput): Promise<{ messageId: number; externalId: string }> {
  const db = await getDb();
  const c = await assignedConversation(agentId, input.conversationId);
  const [existing] = await db
    .select({ id: messages.id, state: messages.sendState, externalId: messages.externalId, conversationId: messages.conversationId })
    .from(messages)
    .where(eq(messages.requestKey, input.requestKey));
  if (existing && (existing.conversationId !== c.id || existing.state !== "failed")) {
    if (existing.state === "sent" && existing.externalId) return { messageId: existing.id, externalId: existing.externalId };
    throw new ActionError("workspace.errors.replyInProgress");
  }
  const [lastInbound] = await db
    .select({ externalId: messages.externalId })
    .from(messages)
    .where(and(eq(messages.conversationId, c.id), eq(messages.direction, "in")))
    .orderBy(desc(messages.createdAt), desc(messages.id))
    .limit(1);
  if (!lastInbound?.externalId) throw new ActionError("workspace.errors.nothingToAnswer");
  const [account] = await db.select({ name: users.name, login: users.login }).from(users).where(eq(users.id, agentId));

  const messageId =
    existing?.id ??
    (
      await db
        .insert(messages)
        .values({
          conversationId: c.id,
          campaignId: c.campaignId,
          direction: "out",
          text: input.text,
          authorId: String(agentId),
          authorHandle: account?.login ?? "",
          authorName: account?.name ?? "",
          requestKey: input.requestKey,
          sendState: "sending",
          sentBy: agentId,
        })
        .returning({ id: messages.id })
    )[0].id;
  if (existing)
    await db.update(messages).set({ sendState: "sending", sendError: null, text: input.text }).where(eq(messages.id, messageId));

  try {
    const { adapter } = await adapterForCampaign(db, c.campaignId);
    const posted = await adapter.reply({ inReplyToId: lastInbound.externalId, text: input.text });
    await db.transaction(async (tx) => {
      await tx
        .update(messages)
        .set({ sendState: "sent", externalId: posted.externalId, networkCreatedAt: new Date() })
        .where(eq(messages.id, messageId));
      // Answering is acting on the offer: it no longer times out.
      await acceptAssignment(tx, c.id, agentId);
      await emit(tx, { name: "relais/conversation.updated", data: { conversationId: c.id, agentId } });
    });
    return { messageId, externalId: posted.externalId };
  } catch (err) {
    const reason = err instanceof NetworkError ? err.kind : "server";
    await db
      .update(messages)
      .set({ sendState: "failed", sendError: redactedSendError(err) })
      .where(eq(messages.id, messageId));
    throw new ActionError(`workspace.errors.network.${reason}`);
  }
}

/** Qualifies and closes the conversation (lib/conversations/qualify.ts), then applies «Directement Prêt». */
export async function qualifyConversation(agentId: number, input: QualifyInput): Promise<{ state: "ready" | "paused" }> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const c = await ownConversation(tx, agentId, input.conversationId);
    return closeQualified(tx, agentId, c, { statusId: input.statusId, subStatusId: input.subStatusId });
  });
}
