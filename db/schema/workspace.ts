import { relations, sql } from "drizzle-orm";
import { pgTable, serial, text, timestamp, integer, boolean, uuid, uniqueIndex, index, primaryKey } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { campaigns } from "./campaigns";
import { conversations } from "./conversations";

/**
 * What an agent has seen of a conversation: the last inbound message shown to him. A newer
 * inbound message makes the conversation "unread" in his list.
 */
export const conversationReads = pgTable(
  "conversation_reads",
  {
    conversationId: integer("conversation_id")
      .notNull()
      .references(() => conversations.id),
    agentId: integer("agent_id")
      .notNull()
      .references(() => users.id),
    lastReadMessageId: integer("last_read_message_id").notNull().default(0),
    readAt: timestamp("read_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.conversationId, t.agentId] })],
);
export type ConversationRead = typeof conversationReads.$inferSelect;

/**
 * The customer-file row bound to a network author: created on the first «Enregistrer fiche» of
 * one of his conversations, found again on his next one. Keyed by the real table (schema +
 * table) rather than the campaign, so two campaigns sharing a customer file share the row.
 */
export const customerFileLinks = pgTable(
  "customer_file_links",
  {
    id: serial("id").primaryKey(),
    schemaName: text("schema_name").notNull(),
    tableName: text("table_name").notNull(),
    network: text("network").notNull(),
    authorId: text("author_id").notNull(),
    contactGuid: uuid("contact_guid").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("customer_file_links_author_uq").on(t.schemaName, t.tableName, t.network, t.authorId)],
);
export type CustomerFileLink = typeof customerFileLinks.$inferSelect;

/**
 * A callback («rappel»): the conversation leaves the agent (status `scheduled`) and comes back at
 * `due_at` — to `agent_id` when personal, else to the queue. `fired_at` is set by the delayed
 * run; `handled_at` once an agent acts on it again. Not handled some minutes after `due_at` =
 * overdue (shown to the supervisor).
 */
export const callbacks = pgTable(
  "callbacks",
  {
    id: serial("id").primaryKey(),
    conversationId: integer("conversation_id")
      .notNull()
      .references(() => conversations.id),
    campaignId: integer("campaign_id")
      .notNull()
      .references(() => campaigns.id),
    agentId: integer("agent_id")
      .notNull()
      .references(() => users.id),
    personal: boolean("personal").notNull(),
    dueAt: timestamp("due_at", { withTimezone: true }).notNull(),
    note: text("note").notNull().default(""),
    firedAt: timestamp("fired_at", { withTimezone: true }),
    handledAt: timestamp("handled_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // One pending callback per conversation.
    uniqueIndex("callbacks_pending_conversation_uq")
      .on(t.conversationId)
      .where(sql`${t.handledAt} is null`),
    index("callbacks_due_idx")
      .on(t.dueAt)
      .where(sql`${t.handledAt} is null`),
  ],
);
export type Callback = typeof callbacks.$inferSelect;

export const callbacksRelations = relations(callbacks, ({ one }) => ({
  conversation: one(conversations, { fields: [callbacks.conversationId], references: [conversations.id] }),
  campaign: one(campaigns, { fields: [callbacks.campaignId], references: [campaigns.id] }),
  agent: one(users, { fields: [callbacks.agentId], references: [users.id] }),
}));

export const conversationReadsRelations = relations(conversationReads, ({ one }) => ({
  conversation: one(conversations, { fields: [conversationReads.conversationId], references: [conversations.id] }),
  agent: one(users, { fields: [conversationReads.agentId], references: [users.id] }),
}));
