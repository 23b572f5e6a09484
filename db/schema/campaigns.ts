import { relations } from "drizzle-orm";
import { pgTable, serial, text, timestamp, integer, jsonb, boolean, primaryKey, index, type AnyPgColumn } from "drizzle-orm/pg-core";
import { bytea } from "./columns";
import { queues } from "./queues";
import { qualificationGroups } from "./qualifications";
import { customerDatabases } from "./databases";
import { holidayGroups, workSchedules } from "./calendars";
import { distributionRuleGroups } from "./distribution";
import { blacklists } from "./blacklists";
import { scripts, scriptVersions } from "./scripts";
import { skills } from "./hr";
import { conversations } from "./conversations";
import { campaignSources, pollCursors } from "./ingestion";
import { adminNotifications, campaignSummaries } from "./summary";
import { addressBooks, salesRepSchedules } from "./agenda";

// A publishing platform (root configuration): where the network clients send their requests.
export const platforms = pgTable("platforms", {
  id: serial("id").primaryKey(),
  name: text("name").notNull().unique(),
  twitterBaseUrl: text("twitter_base_url").notNull(),
  facebookBaseUrl: text("facebook_base_url").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
export type Platform = typeof platforms.$inferSelect;

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
  accountHandle: text("account_handle").notNull().default(""),
  // Network credentials, encrypted as one JSON document; never selected for the browser.
  credentials: jsonb("credentials").$type<EncryptedSecret>(),
  // «Général» (Facebook): canvas page, canvas URL, page shown after acceptance.
  canvasPage: text("canvas_page").notNull().default(""),
  canvasUrl: text("canvas_url").notNull().default(""),
  acceptancePage: text("acceptance_page").notNull().default(""),
  databaseId: integer("database_id").references(() => customerDatabases.id),
  // «Réception»
  queuePriority: integer("queue_priority").notNull().default(5),
  checkComments: boolean("check_comments").notNull().default(false),
  assignmentTimeoutSeconds: integer("assignment_timeout_seconds").notNull().default(300),
  scheduleId: integer("schedule_id").references(() => workSchedules.id),
  holidayGroupId: integer("holiday_group_id").references(() => holidayGroups.id),
  distributionGroupId: integer("distribution_group_id").references(() => distributionRuleGroups.id),
  callbackDeadlineMinutes: integer("callback_deadline_minutes").notNull().default(1440),
  // Routing: how long a conversation waits for an agent holding the skills its distribution
  // rule asked for before it is offered to every eligible agent (overflow).
  preferredWaitSeconds: integer("preferred_wait_seconds").notNull().default(60),
  // Wallboard (/supervision): a conversation answered within this many seconds of entering the
  // queue counts as "answered within target"; a queue whose longest wait passes the alert
  // threshold is highlighted.
  answerTargetSeconds: integer("answer_target_seconds").notNull().default(900),
  waitingAlertSeconds: integer("waiting_alert_seconds").notNull().default(600),
  // Read cost: optional monthly budget of network reads (US cents, 2026 X prices); polling of a
  // source stops before the campaign would exceed it.
  monthlyReadBudgetCents: integer("monthly_read_budget_cents"),
  // «Relation Client»
  scriptId: integer("script_id").references(() => scripts.id),
  scriptVersionId: integer("script_version_id").references(() => scriptVersions.id),
  numberDisplay: text("number_display").notNull().default(""),
  // Agenda (steps 13–15): the address book and the sales-rep schedule («Planning pour l'agenda»).
  addressBookId: integer("address_book_id").references((): AnyPgColumn => addressBooks.id),
  salesRepScheduleId: integer("sales_rep_schedule_id").references((): AnyPgColumn => salesRepSchedules.id),
  // One optimistic-lock counter per tab: two admins saving the same tab conflict, not two tabs.
  versions: jsonb("versions").$type<Record<string, number>>().notNull().default({}),
  archivedAt: timestamp("archived_at", { withTimezone: true }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
export type Campaign = typeof campaigns.$inferSelect;

/**
 * Default parameters («Paramètres par défaut», step 5): one row, applied to every new campaign.
 * `version` is the optimistic lock of the form.
 */
export const campaignDefaults = pgTable("campaign_defaults", {
  id: integer("id").primaryKey().default(1),
  databaseId: integer("database_id").references(() => customerDatabases.id),
  qualificationGroupId: integer("qualification_group_id").references(() => qualificationGroups.id),
  scheduleId: integer("schedule_id").references(() => workSchedules.id),
  holidayGroupId: integer("holiday_group_id").references(() => holidayGroups.id),
  addressBookId: integer("address_book_id").references((): AnyPgColumn => addressBooks.id),
  salesRepScheduleId: integer("sales_rep_schedule_id").references((): AnyPgColumn => salesRepSchedules.id),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
export type CampaignDefaults = typeof campaignDefaults.$inferSelect;

/** Predefined responses of a campaign («Réponses prédéfinies», tab «Réception»). */
export const predefinedResponses = pgTable(
  "predefined_responses",
  {
    id: serial("id").primaryKey(),
    campaignId: integer("campaign_id")
      .notNull()
      .references(() => campaigns.id),
    title: text("title").notNull(),
    text: text("text").notNull(),
    language: text("language").notNull().default("fr"),
    position: integer("position").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("predefined_responses_campaign_idx").on(t.campaignId, t.position)],
);
export type PredefinedResponse = typeof predefinedResponses.$inferSelect;

export const campaignBlacklists = pgTable(
  "campaign_blacklists",
  {
    campaignId: integer("campaign_id")
      .notNull()
      .references(() => campaigns.id),
    blacklistId: integer("blacklist_id")
      .notNull()
      .references(() => blacklists.id),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.blacklistId] })],
);
export type CampaignBlacklist = typeof campaignBlacklists.$inferSelect;

/** Email templates («modèles de mail», tab «Relation Client»): subject and body with $VARIABLES. */
export const emailTemplates = pgTable("email_templates", {
  id: serial("id").primaryKey(),
  campaignId: integer("campaign_id")
    .notNull()
    .references(() => campaigns.id),
  name: text("name").notNull(),
  subject: text("subject").notNull(),
  body: text("body").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
export type EmailTemplate = typeof emailTemplates.$inferSelect;

/** Minimum skills an agent needs to work the campaign (tab «Compétences»). */
export const campaignSkills = pgTable(
  "campaign_skills",
  {
    campaignId: integer("campaign_id")
      .notNull()
      .references(() => campaigns.id),
    skillId: integer("skill_id")
      .notNull()
      .references(() => skills.id),
    minLevel: integer("min_level").notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.skillId] })],
);
export type CampaignSkill = typeof campaignSkills.$inferSelect;

/** Root settings: outgoing mail and default time zone (one row). */
export const rootSettings = pgTable("root_settings", {
  id: integer("id").primaryKey().default(1),
  smtpHost: text("smtp_host").notNull().default(""),
  smtpPort: integer("smtp_port").notNull().default(587),
  smtpUser: text("smtp_user").notNull().default(""),
  smtpPassword: jsonb("smtp_password").$type<EncryptedSecret>(),
  smtpFrom: text("smtp_from").notNull().default(""),
  smtpTls: boolean("smtp_tls").notNull().default(true),
  defaultTimeZone: text("default_time_zone").notNull().default("Europe/Paris"),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
export type RootSettings = typeof rootSettings.$inferSelect;

/** The hold music of a campaign (tab «Relation Client»), kept in the database like holiday sounds. */
export const campaignHoldMusic = pgTable("campaign_hold_music", {
  campaignId: integer("campaign_id")
    .primaryKey()
    .references(() => campaigns.id),
  fileName: text("file_name").notNull(),
  mimeType: text("mime_type").notNull(),
  size: integer("size").notNull(),
  data: bytea("data").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
export type CampaignHoldMusic = typeof campaignHoldMusic.$inferSelect;

export const platformsRelations = relations(platforms, ({ many }) => ({
  campaigns: many(campaigns),
}));

export const campaignsRelations = relations(campaigns, ({ one, many }) => ({
  platform: one(platforms, { fields: [campaigns.platformId], references: [platforms.id] }),
  queue: one(queues, { fields: [campaigns.queueId], references: [queues.id] }),
  qualificationGroup: one(qualificationGroups, { fields: [campaigns.qualificationGroupId], references: [qualificationGroups.id] }),
  database: one(customerDatabases, { fields: [campaigns.databaseId], references: [customerDatabases.id] }),
  schedule: one(workSchedules, { fields: [campaigns.scheduleId], references: [workSchedules.id] }),
  holidayGroup: one(holidayGroups, { fields: [campaigns.holidayGroupId], references: [holidayGroups.id] }),
  distributionGroup: one(distributionRuleGroups, { fields: [campaigns.distributionGroupId], references: [distributionRuleGroups.id] }),
  script: one(scripts, { fields: [campaigns.scriptId], references: [scripts.id] }),
  scriptVersion: one(scriptVersions, { fields: [campaigns.scriptVersionId], references: [scriptVersions.id] }),
  pollCursor: one(pollCursors),
  sources: many(campaignSources),
  summary: one(campaignSummaries),
  holdMusic: one(campaignHoldMusic),
  predefinedResponses: many(predefinedResponses),
  emailTemplates: many(emailTemplates),
  blacklists: many(campaignBlacklists),
  skills: many(campaignSkills),
  conversations: many(conversations),
  notifications: many(adminNotifications),
}));

// The one row of default parameters points at its choices; nothing lists it from their side.
export const campaignDefaultsRelations = relations(campaignDefaults, ({ one }) => ({
  database: one(customerDatabases, { fields: [campaignDefaults.databaseId], references: [customerDatabases.id] }),
  qualificationGroup: one(qualificationGroups, { fields: [campaignDefaults.qualificationGroupId], references: [qualificationGroups.id] }),
  schedule: one(workSchedules, { fields: [campaignDefaults.scheduleId], references: [workSchedules.id] }),
  holidayGroup: one(holidayGroups, { fields: [campaignDefaults.holidayGroupId], references: [holidayGroups.id] }),
}));

export const predefinedResponsesRelations = relations(predefinedResponses, ({ one }) => ({
  campaign: one(campaigns, { fields: [predefinedResponses.campaignId], references: [campaigns.id] }),
}));

export const campaignBlacklistsRelations = relations(campaignBlacklists, ({ one }) => ({
  campaign: one(campaigns, { fields: [campaignBlacklists.campaignId], references: [campaigns.id] }),
  blacklist: one(blacklists, { fields: [campaignBlacklists.blacklistId], references: [blacklists.id] }),
}));

export const emailTemplatesRelations = relations(emailTemplates, ({ one }) => ({
  campaign: one(campaigns, { fields: [emailTemplates.campaignId], references: [campaigns.id] }),
}));

export const campaignSkillsRelations = relations(campaignSkills, ({ one }) => ({
  campaign: one(campaigns, { fields: [campaignSkills.campaignId], references: [campaigns.id] }),
  skill: one(skills, { fields: [campaignSkills.skillId], references: [skills.id] }),
}));

export const campaignHoldMusicRelations = relations(campaignHoldMusic, ({ one }) => ({
  campaign: one(campaigns, { fields: [campaignHoldMusic.campaignId], references: [campaigns.id] }),
}));
