import { relations, sql } from "drizzle-orm";
import { pgTable, serial, text, timestamp, integer, numeric, boolean, jsonb, uniqueIndex, index } from "drizzle-orm/pg-core";
import { campaigns } from "./campaigns";
import { queues } from "./queues";
import { qualificationStatuses, type QualificationCategory } from "./qualifications";
import { users } from "./auth";
import { scriptVersions } from "./scripts";

/**
 * `held`: stored outside the campaign's service hours or on a holiday, queued at opening.
 * `filtered`: matched a blacklist term, never queued unless an administrator releases it.
 * `waiting`: in the queue since `waiting_since`. `assigned`: offered to or accepted by an agent
 * (the open `assignments` row says which). `scheduled`: a callback («rappel») is pending (db/schema/workspace.ts).
 */
export const conversationStatuses = ["waiting", "assigned", "closed", "held", "filtered", "scheduled"] as const;
export type ConversationStatus = (typeof conversationStatuses)[number];

/** How the first message reached the campaign (what answers the network allows depends on it). */
export const conversationChannels = ["keyword", "mention", "dm", "messenger", "comment"] as const;
export type ConversationChannel = (typeof conversationChannels)[number];

/** The skills (and minimum levels) a distribution rule asked for: `[{ skillId, minLevel }]`. */
export type RequestedSkill = { skillId: number; minLevel: number };

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
    channel: text("channel").$type<ConversationChannel>().notNull().default("keyword"),
    // Classification, done once on the first message (lib/ingestion/classify.ts).
    language: text("language"),
    authorFollowers: integer("author_followers"),
    filteredTerm: text("filtered_term"),
    filteredBlacklistId: integer("filtered_blacklist_id"),
    releasedBy: integer("released_by").references(() => users.id),
    releasedAt: timestamp("released_at", { withTimezone: true }),
    requestedSkills: jsonb("requested_skills").$type<RequestedSkill[]>().notNull().default([]),
    matchedRuleId: integer("matched_rule_id"),
    // When the conversation (last) entered the queue; a requeue after a timeout keeps it, so the
    // customer keeps his place. Null while held or filtered: those never count as waiting.
    waitingSince: timestamp("waiting_since", { withTimezone: true }),
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
    // When the first outbound message was stored: kept by a trigger on messages (migration
    // 0021), so the wallboard's "answered within target" reads one row, not a message probe.
    firstResponseAt: timestamp("first_response_at", { withTimezone: true }),
    // When it was first offered to an agent (the first assignment's offered_at): kept by a trigger
    // on assignments (migration 0022), so the report's handling time reads the row alone.
    firstOfferedAt: timestamp("first_offered_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("conversations_waiting_idx").on(t.status, t.queueId, t.priority, t.createdAt),
    // The queue order routing reads: priority first, then waiting time.
    index("conversations_queue_order_idx")
      .on(t.priority.desc(), t.waitingSince, t.id)
      .where(sql`${t.status} = 'waiting'`),
    index("conversations_held_idx")
      .on(t.campaignId, t.createdAt)
      .where(sql`${t.status} = 'held'`),
    index("conversations_filtered_idx")
      .on(t.campaignId, t.createdAt)
      .where(sql`${t.status} = 'filtered'`),
    index("conversations_agent_idx").on(t.assignedAgentId, t.status),
    index("conversations_thread_idx").on(t.campaignId, t.threadId),
    // Reporting (lib/reporting): arrivals and handled conversations of a campaign over a range,
    // and an agent's handled conversations (also the wallboard's "closed today").
    index("conversations_campaign_created_idx").on(t.campaignId, t.createdAt),
    index("conversations_campaign_closed_idx").on(t.campaignId, t.closedAt),
    index("conversations_qualifier_closed_idx").on(t.qualifiedBy, t.closedAt),
    // The wallboard's "today" over every campaign in one range scan (bench/pages.ts), index-only:
    // the columns it reads are keys of the index (drizzle has no INCLUDE).
    index("conversations_created_idx").on(t.createdAt, t.campaignId, t.status, t.waitingSince, t.firstResponseAt),
    // The wallboard's queues now (waiting count, oldest waiting, held), index-only.
    index("conversations_live_idx")
      .on(t.campaignId, t.status, t.waitingSince)
      .where(sql`${t.status} in ('waiting', 'held')`),
    // A report's per-agent figures and exact percentiles (first response, handling time) in one
    // index-only range scan of the campaign's handled conversations.
    index("conversations_report_idx")
      .on(
        t.campaignId,
        t.closedAt,
        t.qualifiedBy,
        t.qualificationCategory,
        t.qualificationBenefit,
        t.firstResponseAt,
        t.waitingSince,
        t.createdAt,
        t.firstOfferedAt,
        t.assignedAt,
      )
      .where(sql`${t.qualifiedBy} is not null`),
  ],
);
export type Conversation = typeof conversations.$inferSelect;

export const messageDirections = ["in", "out"] as const;
export type MessageDirection = (typeof messageDirections)[number];
// Mirrors the outbox row of the send (db/schema/outbox.ts).
export const outboundStates = ["queued", "sending", "sent", "failed", "unknown"] as const;
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
    // Inbound: the source that read it (lib/ingestion); null for outbound.
    sourceKind: text("source_kind"),
    // Inbound X posts: whether the post mentions or quotes the campaign account (2026 reply rule).
    mentionsAccount: boolean("mentions_account"),
    // Outbound only: the key the browser sent, so a double click or a retry never posts twice.
    requestKey: text("request_key"),
    sendState: text("send_state").$type<OutboundState>(),
    // An i18n key (outbox.reasons.*), never the network's own error text.
    sendError: text("send_error"),
    // Outbound only: which answer it is (x_reply, x_dm, fb_comment_reply, fb_private_reply, messenger, email).
    replyKind: text("reply_kind"),
    sentBy: integer("sent_by").references(() => users.id),
    networkCreatedAt: timestamp("network_created_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("messages_campaign_external_uq").on(t.campaignId, t.direction, t.externalId),
    uniqueIndex("messages_request_key_uq").on(t.requestKey),
    index("messages_conversation_idx").on(t.conversationId, t.createdAt),
    // Reporting: a conversation's first answer (first response time) in one index probe.
    index("messages_first_out_idx")
      .on(t.conversationId, t.createdAt)
      .where(sql`${t.direction} = 'out'`),
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
  assignments: many(assignments),
}));

export const messagesRelations = relations(messages, ({ one }) => ({
  conversation: one(conversations, { fields: [messages.conversationId], references: [conversations.id] }),
  campaign: one(campaigns, { fields: [messages.campaignId], references: [campaigns.id] }),
  sender: one(users, { fields: [messages.sentBy], references: [users.id] }),
}));

export const assignmentStates = ["offered", "accepted", "ended"] as const;
export type AssignmentState = (typeof assignmentStates)[number];
export const assignmentEndReasons = ["qualified", "timed_out", "released", "reassigned", "agent_left", "callback"] as const;
export type AssignmentEndReason = (typeof assignmentEndReasons)[number];
/** Why routing chose this agent: a distribution rule's skill, the overflow after the wait, or no rule. */
export const assignmentWhys = ["rule", "overflow", "any", "reassigned", "callback"] as const;
export type AssignmentWhy = (typeof assignmentWhys)[number];

/**
 * Every offer of a conversation to an agent. At most one open row (ended_at null) per
 * conversation, enforced by a unique partial index, so no conversation is ever with two agents.
 */
export const assignments = pgTable(
  "assignments",
  {
    id: serial("id").primaryKey(),
    conversationId: integer("conversation_id")
      .notNull()
      .references(() => conversations.id),
    agentId: integer("agent_id")
      .notNull()
      .references(() => users.id),
    state: text("state").$type<AssignmentState>().notNull().default("offered"),
    why: text("why").$type<AssignmentWhy>().notNull(),
    ruleId: integer("rule_id"),
    skillId: integer("skill_id"),
    level: integer("level"),
    offeredAt: timestamp("offered_at", { withTimezone: true }).notNull().defaultNow(),
    // An offer not acted on by then goes back to the queue (campaign's assignment removal timeout).
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    endReason: text("end_reason").$type<AssignmentEndReason>(),
    endedBy: integer("ended_by").references(() => users.id),
  },
  (t) => [
    uniqueIndex("assignments_open_conversation_uq")
      .on(t.conversationId)
      .where(sql`${t.endedAt} is null`),
    index("assignments_agent_open_idx")
      .on(t.agentId)
      .where(sql`${t.endedAt} is null`),
    index("assignments_expiry_idx")
      .on(t.expiresAt)
      .where(sql`${t.state} = 'offered' and ${t.endedAt} is null`),
    index("assignments_conversation_idx").on(t.conversationId, t.offeredAt),
    // Reporting: what a supervisor's agents were offered (his scope of a campaign's arrivals).
    index("assignments_agent_offered_idx").on(t.agentId, t.offeredAt),
  ],
);
export type Assignment = typeof assignments.$inferSelect;

export const assignmentsRelations = relations(assignments, ({ one }) => ({
  conversation: one(conversations, { fields: [assignments.conversationId], references: [conversations.id] }),
  agent: one(users, { fields: [assignments.agentId], references: [users.id] }),
}));
