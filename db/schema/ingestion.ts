import { relations } from "drizzle-orm";
import { pgTable, text, timestamp, integer } from "drizzle-orm/pg-core";
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
