// Email goes through the outbox like every other send: a row in the caller's transaction, sent
// by the delivery job after the commit (lib/outbox/deliver.ts → lib/mail/smtp.ts). A rolled-back
// booking or qualification therefore sends nothing, and a committed one never loses its mail.
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { conversations, messages, outbox } from "@/db/schema";
import { emit } from "@/lib/events/emit";
import { now as clockNow } from "@/lib/outbox/clock";

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  attachments?: { filename: string; content: string; contentType: string }[];
  conversationId?: number | null;
  kind: "template" | "appointment" | "system";
}

/**
 * Queues a mail in `tx`. With a conversation, the mail is also a row of its thread (direction
 * out, reply kind "email"), so the conversation history records it with its delivery state.
 * `options.sentBy` names the agent it is sent for; `options.idempotencyKey` makes a repeated
 * call (a retried job) find the first mail instead of queueing a second.
 */
export async function enqueueEmail(
  tx: Tx,
  mail: OutgoingMail,
  options: { sentBy?: number | null; idempotencyKey?: string } = {},
): Promise<{ id: number }> {
  const at = clockNow();
  const key = options.idempotencyKey ?? `mail:${randomUUID()}`;
  const conversation = mail.conversationId
    ? (
        await tx
          .select({ id: conversations.id, campaignId: conversations.campaignId })
          .from(conversations)
          .where(eq(conversations.id, mail.conversationId))
      )[0]
    : undefined;
  const [row] = await tx
    .insert(outbox)
    .values({
      idempotencyKey: key,
      kind: "email",
      campaignId: conversation?.campaignId ?? null,
      conversationId: conversation?.id ?? null,
      payload: {
        kind: "email",
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        ...(mail.html ? { html: mail.html } : {}),
        ...(mail.attachments?.length ? { attachments: mail.attachments } : {}),
        mailKind: mail.kind,
      },
      createdBy: options.sentBy ?? null,
      nextAttemptAt: at,
      createdAt: at,
      updatedAt: at,
    })
    .onConflictDoNothing({ target: outbox.idempotencyKey })
    .returning({ id: outbox.id });
  if (!row) {
    const [first] = await tx.select({ id: outbox.id }).from(outbox).where(eq(outbox.idempotencyKey, key));
    return first;
  }
  if (conversation) {
    const [message] = await tx
      .insert(messages)
      .values({
        conversationId: conversation.id,
        campaignId: conversation.campaignId,
        direction: "out",
        text: `${mail.subject}\n\n${mail.text}`,
        authorId: options.sentBy ? String(options.sentBy) : "",
        authorHandle: mail.to,
        authorName: mail.to,
        requestKey: key,
        sendState: "queued",
        replyKind: "email",
        sentBy: options.sentBy ?? null,
        createdAt: at,
      })
      .returning({ id: messages.id });
    await tx.update(outbox).set({ messageId: message.id }).where(eq(outbox.id, row.id));
    await emit(tx, { name: "relais/conversation.updated", data: { conversationId: conversation.id, agentId: options.sentBy ?? null } });
  }
  await emit(tx, { name: "relais/outbox.queued", data: { outboxId: row.id } });
  return row;
}
