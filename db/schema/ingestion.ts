import { relations } from "drizzle-orm";
import { pgTable, serial, text, timestamp, integer, uniqueIndex } from "drizzle-orm/pg-core";
import { campaigns } from "./campaigns";

// Where each polling source of a campaign stopped; saved only after the messages are committed.
export const pollCursors = pgTable("poll_cursors", {
  campaignId: integer("campaign_id")
    .primaryKey()
    .references(() => campaigns.id),
  cursor: text("cursor"),
  lastPolledAt: timestamp("last_polled_at", { withTimezone: true }),
  lastError: text("last_error"),
  nextPollAt: timestamp("next_poll_at", { withTimezone: true }),
  messagesRead: integer("messages_read").notNull().default(0),
});
export type PollCursor = typeof pollCursors.$inferSelect;

export const pollCursorsRelations = relations(pollCursors, ({ one }) => ({
  campaign: one(campaigns, { fields: [pollCursors.campaignId], references: [campaigns.id] }),
}));

/**
 * The places a campaign reads from. X: keyword search, mentions of the campaign account, direct
 * messages. Facebook: Messenger conversations and, when «Réception» asks for it, comments on the
 * page's posts. `x_search` is a keyword hit, `x_mentions` a public post naming the account.
 */
export const sourceKinds = ["x_search", "x_mentions", "x_dms", "fb_messenger", "fb_comments"] as const;
export type SourceKind = (typeof sourceKinds)[number];

export const sourceErrorKinds = ["rate_limited", "unauthorized", "forbidden", "server", "unreachable", "malformed", "budget"] as const;
export type SourceErrorKind = (typeof sourceErrorKinds)[number];

/**
 * One row per (campaign, source): its own cursor, its own last poll and last error, and what it
 * read this month (X bills reads per resource). `cursor` is the "newest seen" position (since_id,
 * a Graph timestamp); `pageToken` is set while a backlog larger than one poll's page cap is being
 * drained and cleared once caught up. Saved in the same transaction as the messages it read.
 */
export const campaignSources = pgTable(
  "campaign_sources",
  {
    id: serial("id").primaryKey(),
    campaignId: integer("campaign_id")
      .notNull()
      .references(() => campaigns.id),
    kind: text("kind").$type<SourceKind>().notNull(),
    cursor: text("cursor"),
    pageToken: text("page_token"),
    // While draining: the newest position of the burst, to become `cursor` once caught up.
    pendingCursor: text("pending_cursor"),
    lastPolledAt: timestamp("last_polled_at", { withTimezone: true }),
    lastSuccessAt: timestamp("last_success_at", { withTimezone: true }),
    lastError: text("last_error"),
    lastErrorKind: text("last_error_kind").$type<SourceErrorKind>(),
    nextPollAt: timestamp("next_poll_at", { withTimezone: true }),
    // Billing month (YYYY-MM, UTC) the read counters below belong to; reset when it changes.
    usageMonth: text("usage_month"),
    postsRead: integer("posts_read").notNull().default(0),
    usersRead: integer("users_read").notNull().default(0),
    dmEventsRead: integer("dm_events_read").notNull().default(0),
    messagesStored: integer("messages_stored").notNull().default(0),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("campaign_sources_campaign_kind_uq").on(t.campaignId, t.kind)],
);
export type CampaignSource = typeof campaignSources.$inferSelect;

export const campaignSourcesRelations = relations(campaignSources, ({ one }) => ({
  campaign: one(campaigns, { fields: [campaignSources.campaignId], references: [campaigns.id] }),
}));
