import { pgTable, serial, text, timestamp, integer, jsonb } from "drizzle-orm/pg-core";
import { queues, qualificationGroups } from "./organisation";

// A publishing platform (root configuration): where the network clients send their requests.
export const platforms = pgTable("platforms", {
  id: serial("id").primaryKey(),
  name: text("name").notNull().unique(),
  twitterBaseUrl: text("twitter_base_url").notNull(),
  facebookBaseUrl: text("facebook_base_url").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const campaignTypes = ["twitter", "facebook"] as const;
export type CampaignType = (typeof campaignTypes)[number];
export const campaignStates = ["running", "stopped"] as const;
export type CampaignState = (typeof campaignStates)[number];

/** AES-256-GCM envelope; see lib/crypto. */
export type EncryptedSecret = { v: 1; iv: string; tag: string; data: string };

export const campaigns = pgTable("campaigns", {
  id: serial("id").primaryKey(),
  type: text("type").$type<CampaignType>().notNull(),
  name: text("name").notNull().unique(),
  state: text("state").$type<CampaignState>().notNull().default("stopped"),
  platformId: integer("platform_id").references(() => platforms.id),
  queueId: integer("queue_id").references(() => queues.id),
  qualificationGroupId: integer("qualification_group_id").references(() => qualificationGroups.id),
  pollIntervalSeconds: integer("poll_interval_seconds").notNull().default(60),
  searchQuery: text("search_query").notNull().default(""),
  // The campaign's own network account, so its posts found by search are not read as customers'.
  accountId: text("account_id"),
  // Network credentials, encrypted as one JSON document; never selected for the browser.
  credentials: jsonb("credentials").$type<EncryptedSecret>(),
  archivedAt: timestamp("archived_at", { withTimezone: true }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
export type Campaign = typeof campaigns.$inferSelect;

// Where each polling source of a campaign stopped; saved only after the messages are committed.
export const pollCursors = pgTable("poll_cursors", {
  campaignId: integer("campaign_id").primaryKey().references(() => campaigns.id),
  cursor: text("cursor"),
  lastPolledAt: timestamp("last_polled_at", { withTimezone: true }),
  lastError: text("last_error"),
  nextPollAt: timestamp("next_poll_at", { withTimezone: true }),
  messagesRead: integer("messages_read").notNull().default(0),
});
