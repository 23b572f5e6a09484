import { and, desc, eq, isNull } from "drizzle-orm";
import { redactedSendError } from "@/lib/networks/redact";
import { getDb, type Tx } from "@/db/client";
import {
  agentPresence,
  campaigns,
  conversations,
  messages,
  qualificationStatuses,
  qualificationSubStatuses,
  users,
  type AgentState,
} from "@/db/schema";
import { ActionError } from "@/lib/auth/action";
import { adapterForCampaign } from "@/lib/campaigns/adapter";
import { NetworkError } from "@/lib/networks/types";
import { endAssignment } from "@/lib/routing/assignments";
import { emit } from "@/lib/events/emit";
import type { QualifyInput, ReplyInput } from "./workspace.schema";

export async function setPresence(agentId: number, state: AgentState): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    await tx
      .insert(agentPresence)
      .values({ userId: agentId, state, since: new Date() })
      .onConflictDoUpdate({ target: agentPresence.userId, set: { state, since: new Date() } });
    await emit(tx, { name: "relais/agent.presence", data: { agentId, state } });
  });
}

async function assignedConversation(agentId: number, conversationId: number) {
  const db = await getDb();
  const [c] = await db
    .select({ id: conversations.id, campaignId: conversations.campaignId, status: conversations.status })
    .from(conversations)
    .where(and(eq(conversations.id, conversationId), eq(conversations.assignedAgentId, agentId)));
  if (!c || c.status !== "assigned") throw new ActionError("workspace.errors.notYours");
  return c;
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

/**
 * Qualifies and closes the conversation. The status's code, label, category and benefit (and
 * the chosen detail's code and label) are copied onto the conversation: later edits of the
 * status never change past qualifications.
 */
export async function qualifyConversation(agentId: number, input: QualifyInput): Promise<void> {
  const db = await getDb();
  const c = await assignedConversation(agentId, input.conversationId);
  await db.transaction(async (tx) => {
    const [status] = await tx
      .select({
        id: qualificationStatuses.id,
        code: qualificationStatuses.code,
        label: qualificationStatuses.label,
        category: qualificationStatuses.category,
        benefit: qualificationStatuses.benefit,
        archivedAt: qualificationStatuses.archivedAt,
      })
      .from(qualificationStatuses)
      .innerJoin(campaigns, eq(campaigns.qualificationGroupId, qualificationStatuses.groupId))
      .where(and(eq(qualificationStatuses.id, input.statusId), eq(campaigns.id, c.campaignId)));
    if (!status || status.archivedAt)
      throw new ActionError("workspace.errors.qualificationInvalid", { statusId: ["workspace.errors.qualificationInvalid"] });
    const sub = await chosenSubStatus(tx, status.id, input.subStatusId);
    const closed = await tx
      .update(conversations)
      .set({
        status: "closed",
        closedAt: new Date(),
        updatedAt: new Date(),
        qualificationStatusId: status.id,
        qualificationCode: status.code,
        qualificationLabel: status.label,
        qualificationCategory: status.category,
        qualificationBenefit: status.benefit,
        qualificationSubCode: sub?.code ?? null,
        qualificationSubLabel: sub?.label ?? null,
        qualifiedBy: agentId,
      })
      .where(and(eq(conversations.id, c.id), eq(conversations.status, "assigned"), eq(conversations.assignedAgentId, agentId)))
      .returning({ id: conversations.id });
    if (closed.length === 0) throw new ActionError("workspace.errors.notYours");
    await endAssignment(tx, { conversationId: c.id, reason: "qualified", endedBy: agentId });
    await emit(tx, { name: "relais/conversation.closed", data: { conversationId: c.id, agentId } });
  });
}

/** The detail chosen for a status: required when the status has details, refused otherwise. */
async function chosenSubStatus(tx: Tx, statusId: number, subStatusId: number | undefined) {
  const subs = await tx
    .select({ id: qualificationSubStatuses.id, code: qualificationSubStatuses.code, label: qualificationSubStatuses.label })
    .from(qualificationSubStatuses)
    .where(and(eq(qualificationSubStatuses.statusId, statusId), isNull(qualificationSubStatuses.archivedAt)));
  if (subs.length === 0 && subStatusId === undefined) return null;
  if (subStatusId === undefined)
    throw new ActionError("qualifications.errors.subStatusRequired", { subStatusId: ["qualifications.errors.subStatusRequired"] });
  const sub = subs.find((s) => s.id === subStatusId);
  if (!sub) throw new ActionError("qualifications.errors.subStatusInvalid", { subStatusId: ["qualifications.errors.subStatusInvalid"] });
  return sub;
}
