// The agent's sends: an answer becomes an outbox row and a thread row in one transaction, after
// the server has checked again what the network allows (the reply box showed the same policy).
import { and, desc, eq } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import { conversations, messages, outbox, users, type OutboxPayload, type OutboxRow, type OutboxState } from "@/db/schema";
import { ActionError } from "@/lib/auth/action-error";
import { characterCount, optionFor, policyFacts, replyPolicy, type ReplyKind } from "@/lib/conversations/reply-policy";
import { emit } from "@/lib/events/emit";
import { acceptAssignment } from "@/lib/routing/assignments";
import { now as clockNow } from "./clock";

export interface AnswerInput {
  conversationId: number;
  kind: ReplyKind;
  text: string;
  /** From the browser, once per answer: a double click or a second tab finds the same row. */
  idempotencyKey: string;
}

export interface SendView {
  id: number;
  kind: OutboxRow["kind"];
  state: OutboxState;
  text: string;
  reason: string | null;
  code: string | null;
  attempts: number;
  createdAt: string;
  sentAt: string | null;
}

async function assignedTo(tx: Tx, agentId: number, conversationId: number) {
  const [c] = await tx
    .select({ id: conversations.id, status: conversations.status, agentId: conversations.assignedAgentId })
    .from(conversations)
    .where(eq(conversations.id, conversationId))
    .for("update");
  if (!c || c.status !== "assigned" || c.agentId !== agentId) throw new ActionError("workspace.errors.notYours");
}

function payloadFor(
  kind: ReplyKind,
  text: string,
  target: { externalId: string | null },
  authorId: string,
  tag?: "HUMAN_AGENT",
): OutboxPayload {
  const ref = target.externalId ?? "";
  switch (kind) {
    case "x_reply":
      return { kind, text, inReplyToId: ref };
    case "x_dm":
      return { kind, text, participantId: authorId };
    case "fb_comment_reply":
      return { kind, text, commentId: ref };
    case "fb_private_reply":
      return { kind, text, commentId: ref, recipientId: authorId };
    case "messenger":
      return { kind, text, recipientId: authorId, ...(tag ? { tag } : {}) };
  }
}

export function toView(r: OutboxRow): SendView {
  const p = r.payload;
  return {
    id: r.id,
    kind: r.kind,
    state: r.state,
    text: p.kind === "email" ? p.subject : p.text,
    reason: r.errorReason,
    code: r.errorCode,
    attempts: r.attempts,
    createdAt: r.createdAt.toISOString(),
    sentAt: r.sentAt?.toISOString() ?? null,
  };
}

/** Queues an answer (the delivery job sends it after the commit); the same key twice returns the first row. */
export async function sendAnswer(agentId: number, input: AnswerInput, at: Date = clockNow()): Promise<SendView> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    await assignedTo(tx, agentId, input.conversationId);
    const [existing] = await tx.select().from(outbox).where(eq(outbox.idempotencyKey, input.idempotencyKey));
    if (existing) {
      if (existing.conversationId !== input.conversationId) throw new ActionError("outbox.errors.keyReused");
      return toView(existing);
    }
    const facts = await policyFacts(tx, input.conversationId);
    if (!facts?.target?.externalId) throw new ActionError("workspace.errors.nothingToAnswer");
    const option = optionFor(replyPolicy(facts.input, at), input.kind);
    if (!option.allowed) throw new ActionError(option.reason ?? "replyPolicy.reasons.notOnThisNetwork");
    const text = input.text.trim();
    if (characterCount(text) > option.maxLength)
      throw new ActionError("outbox.errors.tooLong", { text: ["outbox.errors.tooLong"] }, { max: option.maxLength });

    const [row] = await tx
      .insert(outbox)
      .values({
        idempotencyKey: input.idempotencyKey,
        kind: input.kind,
        campaignId: facts.conversation.campaignId,
        conversationId: input.conversationId,
        payload: payloadFor(input.kind, text, facts.target, facts.conversation.authorId, option.tag),
        createdBy: agentId,
        nextAttemptAt: at,
        createdAt: at,
        updatedAt: at,
      })
      .onConflictDoNothing({ target: outbox.idempotencyKey })
      .returning();
    if (!row) {
      // Another tab committed the same key between our read and our insert.
      const [winner] = await tx.select().from(outbox).where(eq(outbox.idempotencyKey, input.idempotencyKey));
      return toView(winner);
    }
    const [agent] = await tx.select({ name: users.name, login: users.login }).from(users).where(eq(users.id, agentId));
    const [message] = await tx
      .insert(messages)
      .values({
        conversationId: input.conversationId,
        campaignId: facts.conversation.campaignId,
        direction: "out",
        text,
        authorId: String(agentId),
        authorHandle: agent?.login ?? "",
        authorName: agent?.name ?? "",
        requestKey: input.idempotencyKey,
        sendState: "queued",
        replyKind: input.kind,
        sentBy: agentId,
        createdAt: at,
      })
      .returning({ id: messages.id });
    await tx.update(outbox).set({ messageId: message.id }).where(eq(outbox.id, row.id));
    // Answering is acting on the offer: it no longer times out.
    await acceptAssignment(tx, input.conversationId, agentId, at);
    await emit(tx, [
      { name: "relais/outbox.queued", data: { outboxId: row.id } },
      { name: "relais/conversation.updated", data: { conversationId: input.conversationId, agentId } },
    ]);
    return toView({ ...row, messageId: message.id });
  });
}

/**
 * Sends a failed row again, on the agent's request. One conditional update: of two tabs
 * retrying the same row, one wins and the other is told it is already on its way.
 */
export async function retrySend(agentId: number, outboxId: number, at: Date = clockNow()): Promise<SendView> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(outbox).where(eq(outbox.id, outboxId));
    if (!current?.conversationId) throw new ActionError("outbox.errors.notFound");
    await assignedTo(tx, agentId, current.conversationId);
    const [row] = await tx
      .update(outbox)
      .set({ state: "queued", attempts: 0, nextAttemptAt: at, errorReason: null, errorCode: null, retriedBy: agentId, updatedAt: at })
      .where(and(eq(outbox.id, outboxId), eq(outbox.state, "failed")))
      .returning();
    if (!row) throw new ActionError(current.state === "sent" ? "outbox.errors.alreadySent" : "outbox.errors.alreadyRetried");
    if (row.messageId) await tx.update(messages).set({ sendState: "queued", sendError: null }).where(eq(messages.id, row.messageId));
    await emit(tx, [
      { name: "relais/outbox.queued", data: { outboxId } },
      { name: "relais/conversation.updated", data: { conversationId: current.conversationId, agentId } },
      // The campaign summary counts failed replies: this one no longer is.
      ...(row.campaignId ? [{ name: "relais/campaign.changed" as const, data: { campaignId: row.campaignId } }] : []),
    ]);
    return toView(row);
  });
}

/** The conversation's recent sends, newest first, for the reply box (the agent's own conversations only). */
export async function listSends(agentId: number, conversationId: number, limit = 10): Promise<SendView[]> {
  const db = await getDb();
  const [c] = await db
    .select({ agentId: conversations.assignedAgentId, status: conversations.status })
    .from(conversations)
    .where(eq(conversations.id, conversationId));
  if (!c || c.status !== "assigned" || c.agentId !== agentId) throw new ActionError("workspace.errors.notYours");
  const rows = await db.select().from(outbox).where(eq(outbox.conversationId, conversationId)).orderBy(desc(outbox.id)).limit(limit);
  return rows.map(toView);
}
