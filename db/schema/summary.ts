import { relations } from "drizzle-orm";
import { pgTable, serial, text, timestamp, integer, jsonb } from "drizzle-orm/pg-core";
import { campaigns } from "./campaigns";

export const lights = ["green", "orange", "red"] as const;
export type Light = (typeof lights)[number];
export interface SummaryElement {
  element: string;
  light: Light;
  reason: string; // i18n key
  params?: Record<string, string | number>;
  fix: string; // where to fix it
}

/** The campaign summary («Résumé de la Campagne»), recomputed whenever something it reads changes. */
export const campaignSummaries = pgTable("campaign_summaries", {
  campaignId: integer("campaign_id")
    .primaryKey()
    .references(() => campaigns.id),
  overall: text("overall").$type<Light>().notNull(),
  elements: jsonb("elements").$type<SummaryElement[]>().notNull(),
  computedAt: timestamp("computed_at", { withTimezone: true }).notNull().defaultNow(),
});
// The row as stored; lib/summary/types.ts has the `CampaignSummary` the rules compute.
export type StoredCampaignSummary = typeof campaignSummaries.$inferSelect;

/** Things administrators must know (a running campaign stopped because it turned red…). */
export const adminNotifications = pgTable("admin_notifications", {
  id: serial("id").primaryKey(),
  campaignId: integer("campaign_id").references(() => campaigns.id),
  kind: text("kind").notNull(),
  message: text("message").notNull(), // i18n key
  params: jsonb("params").$type<Record<string, string | number>>().notNull().default({}),
  readAt: timestamp("read_at", { withTimezone: true }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
export type AdminNotification = typeof adminNotifications.$inferSelect;

export const campaignSummariesRelations = relations(campaignSummaries, ({ one }) => ({
  campaign: one(campaigns, { fields: [campaignSummaries.campaignId], references: [campaigns.id] }),
}));

export const adminNotificationsRelations = relations(adminNotifications, ({ one }) => ({
  campaign: one(campaigns, { fields: [adminNotifications.campaignId], references: [campaigns.id] }),
}));
