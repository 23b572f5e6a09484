import { relations } from "drizzle-orm";
import { pgTable, serial, text, timestamp, integer, numeric, boolean, uniqueIndex, index } from "drizzle-orm/pg-core";
import { campaigns } from "./campaigns";
import { queues } from "./queues";
import { qualificationStatuses, type QualificationCategory } from "./qualifications";
import { users } from "./auth";
import { scriptVersions } from "./scripts";

export const conversationStatuses = ["waiting", "assigned", "closed"] as const;
export type ConversationStatus = (typeof conversationStatuses)[number];

export const conversations = pgTable(
  "conversations",
  {
    id: serial("id").primaryKey(),
    campaignId: integer("campaign_id")
      .notNull()
      .references(() => campaigns.id),
    queueId: integer("queue_id").references(() => queues.id),
    network: text("network").notNull(),
    // The network's thread key (tweet conversation id, Messenger thread id).
    threadId: text("thread_id").notNull(),
    authorId: text("author_id").notNull(),
    authorHandle: text("author_handle").notNull(),
    authorName: text("author_name").notNull(),
    isPrivate: boolean("is_private").notNull().default(false),
    status: text("status").$type<ConversationStatus>().notNull().default("waiting"),
    priority: integer("priority").notNull().default(0),
    assignedAgentId: integer("assigned_agent_id").references(() => users.id),
    assignedAt: timestamp("assigned_at", { withTimezone: true }),
    // Qualification as it was when given: later edits of the status never change it.
    qualificationStatusId: integer("qualification_status_id").references(() => qualificationStatuses.id),
    qualificationCode: text("qualification_code"),
    qualificationLabel: text("qualification_label"),
    qualificationCategory: text("qualification_category").$type<QualificationCategory>(),
    qualificationBenefit: numeric("qualification_benefit", { precision: 12, scale: 2 }),
    // The chosen detail («sous-statut»), copied likewise.
    qualificationSubCode: text("qualification_sub_code"),
    qualificationSubLabel: text("qualification_sub_label"),
    qualifiedBy: integer("qualified_by").references(() => users.id),
    // The campaign's production script version when the conversation started: the agent runs
    // that one even if the campaign picks a newer version meanwhile.
    scriptVersionId: integer("script_version_id").references(() => scriptVersions.id),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("conversations_waiting_idx").on(t.status, t.queueId, t.priority, t.createdAt),
    index("conversations_agent_idx").on(t.assignedAgentId, t.status),
    index("conversations_thread_idx").on(t.campaignId, t.threadId),
  ],
);
export type Conversation = typeof conversations.$inferSelect;

export const messageDirections = ["in", "out"] as const;
export type MessageDirection = (typeof messageDirections)[number];
export const outboundStates = ["sending", "sent", "failed"] as const;
export type OutboundState = (typeof outboundStates)[number];

export const messages = pgTable(
  "messages",
  {
    id: serial("id").primaryKey(),
    conversationId: integer("conversation_id")
      .notNull()
      .references(() => conversations.id),
    campaignId: integer("campaign_id")
      .notNull()
      .references(() => campaigns.id),
    direction: text("direction").$type<MessageDirection>().notNull(),
    // Inbound: the network's id (unique per campaign: ingestion is idempotent).
    // Outbound: null until the network confirms the post.
    externalId: text("external_id"),
    text: text("text").notNull(),
    authorId: text("author_id").notNull(),
    authorHandle: text("author_handle").notNull(),
    authorName: text("author_name").notNull(),
    lang: text("lang"),
    // Outbound only: the key the browser sent, so a double click or a retry never posts twice.
    requestKey: text("request_key"),
    sendState: text("send_state").$type<OutboundState>(),
    sendError: text("send_error"),
    sentBy: integer("sent_by").references(() => users.id),
    networkCreatedAt: timestamp("network_created_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("messages_campaign_external_uq").on(t.campaignId, t.direction, t.externalId),
    uniqueIndex("messages_request_key_uq").on(t.requestKey),
    index("messages_conversation_idx").on(t.conversationId, t.createdAt),
  ],
);
export type Message = typeof messages.$inferSelect;

// Two columns point at users, so each relation is named for the side that lists it.
export const conversationsRelations = relations(conversations, ({ one, many }) => ({
  campaign: one(campaigns, { fields: [conversations.campaignId], references: [campaigns.id] }),
  queue: one(queues, { fields: [conversations.queueId], references: [queues.id] }),
  assignedAgent: one(users, { fields: [conversations.assignedAgentId], references: [users.id], relationName: "assignedAgent" }),
  qualificationStatus: one(qualificationStatuses, {
    fields: [conversations.qualificationStatusId],
    references: [qualificationStatuses.id],
  }),
  qualifier: one(users, { fields: [conversations.qualifiedBy], references: [users.id], relationName: "qualifier" }),
  scriptVersion: one(scriptVersions, { fields: [conversations.scriptVersionId], references: [scriptVersions.id] }),
  messages: many(messages),
}));

export const messagesRelations = relations(messages, ({ one }) => ({
  conversation: one(conversations, { fields: [messages.conversationId], references: [conversations.id] }),
  campaign: one(campaigns, { fields: [messages.campaignId], references: [campaigns.id] }),
  sender: one(users, { fields: [messages.sentBy], references: [users.id] }),
}));
