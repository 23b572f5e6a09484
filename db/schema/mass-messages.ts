import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { campaigns } from "./campaigns";

/**
 * A Facebook mass message («Envoyer un message», the fifth tab of a Facebook campaign).
 * `draft` → `running` ⇄ `paused` → `done` | `cancelled`. Only `running` is delivered; the
 * delivery job (lib/jobs/functions/deliver-mass-message.ts) stops at the next batch otherwise.
 */
export const massMessageStatuses = ["draft", "running", "paused", "cancelled", "done"] as const;
export type MassMessageStatus = (typeof massMessageStatuses)[number];

/** Messenger messages to contacts inside their 24-hour window, or one post on the page's feed. */
export const massMessageSendTypes = ["messenger", "page_post"] as const;
export type MassMessageSendType = (typeof massMessageSendTypes)[number];

/** "Links & logos": Messenger's generic template, one element. */
export interface MassMessageTemplate {
  imageUrl?: string;
  title: string;
  subtitle?: string;
  buttons: { title: string; url: string }[];
}

/** Who receives it (lib/mass-message/criteria.ts). Every field optional: none = every contact. */
export interface MassMessageCriteria {
  /** Last message from the person on or after / before this instant (ISO). */
  lastMessageFrom?: string;
  lastMessageTo?: string;
  languages?: string[];
  qualificationStatusIds?: number[];
  qualificationCategories?: string[];
  /** Customer-file column equals (case-insensitive) the value. */
  fields?: { column: string; value: string }[];
}

export const massMessages = pgTable(
  "mass_messages",
  {
    id: serial("id").primaryKey(),
    campaignId: integer("campaign_id")
      .notNull()
      .references(() => campaigns.id),
    sendType: text("send_type").$type<MassMessageSendType>().notNull().default("messenger"),
    text: text("text").notNull().default(""),
    template: jsonb("template").$type<MassMessageTemplate | null>(),
    criteria: jsonb("criteria").$type<MassMessageCriteria>().notNull().default({}),
    status: text("status").$type<MassMessageStatus>().notNull().default("draft"),
    // Send API calls per second this send keeps to (the page's allowed rate, set at start).
    ratePerSecond: integer("rate_per_second").notNull().default(300),
    // Counts, moved in the same statement as the recipient rows they count.
    totalCount: integer("total_count").notNull().default(0),
    notSendableCount: integer("not_sendable_count").notNull().default(0),
    sentCount: integer("sent_count").notNull().default(0),
    failedCount: integer("failed_count").notNull().default(0),
    // A page post: `pending` → `sending` → `sent` | `failed`, claimed like a recipient row.
    postState: text("post_state"),
    postId: text("post_id"),
    postSendingSince: timestamp("post_sending_since", { withTimezone: true }),
    errorReason: text("error_reason"),
    // The network said "throttled, come back at": the delivery sleeps until then.
    throttledUntil: timestamp("throttled_until", { withTimezone: true }),
    createdBy: integer("created_by").references(() => users.id),
    startedBy: integer("started_by").references(() => users.id),
    startedAt: timestamp("started_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("mass_messages_campaign_idx").on(t.campaignId, t.createdAt)],
);
export type MassMessage = typeof massMessages.$inferSelect;

/**
 * `pending` → `sending` (claimed by one delivery, `claim_token`) → `sent` | `failed`;
 * `not_sendable` from the start (outside the 24-hour window, no Messenger thread, opted out) or
 * when the window closed before the recipient's turn. A row left `sending` by a crash is read
 * back from the page's conversation before anything else happens to it.
 */
export const recipientStatuses = ["pending", "sending", "sent", "failed", "not_sendable"] as const;
export type RecipientStatus = (typeof recipientStatuses)[number];

export const notSendableReasons = ["window_closed", "no_thread", "opted_out", "window_expired"] as const;
export type NotSendableReason = (typeof notSendableReasons)[number];

export const massMessageRecipients = pgTable(
  "mass_message_recipients",
  {
    id: serial("id").primaryKey(),
    massMessageId: integer("mass_message_id")
      .notNull()
      .references(() => massMessages.id),
    // The person's page-scoped id (the Messenger author id).
    contactId: text("contact_id").notNull(),
    contactName: text("contact_name").notNull(),
    conversationId: integer("conversation_id"),
    language: text("language"),
    lastInboundAt: timestamp("last_inbound_at", { withTimezone: true }),
    // lastInboundAt + 24 h: a turn that comes later is not sent (`window_expired`).
    windowEndsAt: timestamp("window_ends_at", { withTimezone: true }),
    // The text with the recipient's $VARIABLES filled, as previewed.
    renderedText: text("rendered_text").notNull().default(""),
    status: text("status").$type<RecipientStatus>().notNull().default("pending"),
    // A NotSendableReason, or an i18n key of outbox.reasons.* for a failure; the network's code apart.
    reason: text("reason"),
    errorCode: text("error_code"),
    claimToken: text("claim_token"),
    attempts: integer("attempts").notNull().default(0),
    // The Send API's message ids: the text, then the generic template (links & logos) when there is one.
    networkMessageId: text("network_message_id"),
    templateMessageId: text("template_message_id"),
    attemptedAt: timestamp("attempted_at", { withTimezone: true }),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (t) => [
    // One row per person: nobody is on a send twice.
    uniqueIndex("mass_message_recipients_contact_uq").on(t.massMessageId, t.contactId),
    index("mass_message_recipients_pending_idx")
      .on(t.massMessageId, t.id)
      .where(sql`${t.status} = 'pending'`),
    index("mass_message_recipients_sending_idx")
      .on(t.massMessageId, t.attemptedAt)
      .where(sql`${t.status} = 'sending'`),
    index("mass_message_recipients_status_idx").on(t.massMessageId, t.status),
    check("mass_message_recipients_sent_has_id", sql`${t.status} <> 'sent' or ${t.sentAt} is not null`),
  ],
);
export type MassMessageRecipient = typeof massMessageRecipients.$inferSelect;
