"use server";

import { defineAction } from "@/lib/auth/action";
import { replySchema, retrySchema, sendsSchema } from "@/lib/conversations/workspace.schema";
import { templateEmailSchema, sendTemplateEmail, templatesForConversation } from "@/lib/mail/templates";
import { listSends, retrySend, sendAnswer } from "@/lib/outbox/replies";

// The reply box's actions. Sending only queues (the outbox row and the thread row commit
// together); the delivery job sends after the commit, and the box follows the row's state.
export const sendAnswerAction = defineAction("workspace.use", replySchema, async (input, user) =>
  sendAnswer(user.id, { conversationId: input.conversationId, kind: input.kind, text: input.text, idempotencyKey: input.requestKey }),
);

export const retrySendAction = defineAction("workspace.use", retrySchema, async ({ outboxId }, user) => retrySend(user.id, outboxId));

export const listSendsAction = defineAction("workspace.use", sendsSchema, async ({ conversationId }, user) =>
  listSends(user.id, conversationId),
);

/** The script's "send email" action (and any template email of the agent's conversation). */
export const sendTemplateEmailAction = defineAction("workspace.use", templateEmailSchema, async (input, user) =>
  sendTemplateEmail(user.id, input),
);

export const listTemplatesAction = defineAction("workspace.use", sendsSchema, async ({ conversationId }, user) =>
  templatesForConversation(user.id, conversationId),
);
