import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { campaigns } from "./campaigns";
import { conversations, messages } from "./conversations";

/**
 * `queued` → `sending` → `sent` | `failed` | `unknown`. A row is claimed (`sending`) by one
 * delivery attempt at a time, by a conditional update; `unknown` = an attempt was interrupted and
 * the network could not tell whether it went out: shown to the agent, never sent again by itself.
 */
export const outboxStates = ["queued", "sending", "sent", "failed", "unknown"] as const;
export type OutboxState = (typeof outboxStates)[number];

/** One network call each (lib/networks/*\/send.ts), or an email through SMTP. */
export const outboxKinds = ["x_reply", "x_dm", "fb_comment_reply", "fb_private_reply", "messenger", "email"] as const;
export type OutboxKind = (typeof outboxKinds)[number];

/** What to send, as the network call needs it. Emails carry the whole mail (lib/mail/queue.ts). */
export type OutboxPayload =
  | { kind: "x_reply"; text: string; inReplyToId: string }
  | { kind: "x_dm"; text: string; participantId: string }
  | { kind: "fb_comment_reply"; text: string; commentId: string }
  | { kind: "fb_private_reply"; text: string; commentId: string; recipientId: string }
  | { kind: "messenger"; text: string; recipientId: string; tag?: "HUMAN_AGENT" }
  | {
      kind: "email";
      to: string;
      subject: string;
      text: string;
      html?: string;
      attachments?: { filename: string; content: string; contentType: string }[];
      mailKind: "template" | "appointment" | "system";
    };

/**
 * Everything Relais sends is a row here first (RUNTIME.md, "Outbox"). The idempotency key comes
 * from the browser (a double click or a second tab sends the same one) or from the caller; the
 * unique index makes a second enqueue find the first row instead of a second send.
 */
export const outbox = pgTable(
  "outbox",
  {
    id: serial("id").primaryKey(),
    idempotencyKey: text("idempotency_key").notNull(),
    kind: text("kind").$type<OutboxKind>().notNull(),
    campaignId: integer("campaign_id").references(() => campaigns.id),
    conversationId: integer("conversation_id").references(() => conversations.id),
    // The thread's row for this send (direction out), kept in step with the state.
    messageId: integer("message_id").references(() => messages.id),
    payload: jsonb("payload").$type<OutboxPayload>().notNull(),
    state: text("state").$type<OutboxState>().notNull().default("queued"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    // Set when an attempt claims the row; a row `sending` long after this was interrupted.
    sendingSince: timestamp("sending_since", { withTimezone: true }),
    claimToken: text("claim_token"),
    reconcileAttempts: integer("reconcile_attempts").notNull().default(0),
    externalId: text("external_id"),
    // An i18n key ("outbox.reasons.*") and the network's code, never the network's own text
    // (which may quote content or tokens): that goes to the server log only.
    errorReason: text("error_reason"),
    errorCode: text("error_code"),
    createdBy: integer("created_by").references(() => users.id),
    retriedBy: integer("retried_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("outbox_idempotency_key_uq").on(t.idempotencyKey),
    index("outbox_due_idx")
      .on(t.nextAttemptAt)
      .where(sql`${t.state} = 'queued'`),
    index("outbox_sending_idx")
      .on(t.sendingSince)
      .where(sql`${t.state} = 'sending'`),
    index("outbox_conversation_idx").on(t.conversationId, t.createdAt),
    // A sent row has the network's id (SMTP gives a message id too); a confirmed send is final.
    check("outbox_sent_has_time", sql`${t.state} <> 'sent' or ${t.sentAt} is not null`),
  ],
);
export type OutboxRow = typeof outbox.$inferSelect;
