import { relations, sql } from "drizzle-orm";
import { pgTable, serial, text, timestamp, integer, numeric, boolean, uniqueIndex, index } from "drizzle-orm/pg-core";
import { campaigns } from "./campaigns";
import { conversations } from "./conversations";

export const qualificationCategories = ["positive", "argued", "not_argued"] as const;
export type QualificationCategory = (typeof qualificationCategories)[number];

export const qualificationGroups = pgTable("qualification_groups", {
  id: serial("id").primaryKey(),
  name: text("name").notNull().unique(),
  currency: text("currency").notNull().default("EUR"),
  archivedAt: timestamp("archived_at", { withTimezone: true }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
export type QualificationGroup = typeof qualificationGroups.$inferSelect;

export const qualificationStatuses = pgTable(
  "qualification_statuses",
  {
    id: serial("id").primaryKey(),
    groupId: integer("group_id")
      .notNull()
      .references(() => qualificationGroups.id),
    code: text("code").notNull(),
    label: text("label").notNull(),
    category: text("category").$type<QualificationCategory>().notNull(),
    benefit: numeric("benefit", { precision: 12, scale: 2 }).notNull().default("0"),
    // Counts towards the campaign's quota; `quota` is the optional target number.
    quotaValidation: boolean("quota_validation").notNull().default(false),
    quota: integer("quota"),
    position: integer("position").notNull().default(0),
    // A removed status is archived, never deleted: conversations still reference it.
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  // Unique among the group's active statuses, so a removed code can be created again.
  (t) => [
    uniqueIndex("qualification_statuses_group_code_uq")
      .on(t.groupId, t.code)
      .where(sql`archived_at is null`),
  ],
);
export type QualificationStatus = typeof qualificationStatuses.$inferSelect;

/** «Ajout détail»: details refining a status (e.g. under VENTE, which product was sold). */
export const qualificationSubStatuses = pgTable(
  "qualification_sub_statuses",
  {
    id: serial("id").primaryKey(),
    statusId: integer("status_id")
      .notNull()
      .references(() => qualificationStatuses.id),
    code: text("code").notNull(),
    label: text("label").notNull(),
    position: integer("position").notNull().default(0),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("qualification_sub_statuses_status_code_uq")
      .on(t.statusId, t.code)
      .where(sql`archived_at is null`),
    index("qualification_sub_statuses_status_idx").on(t.statusId, t.position),
  ],
);
export type QualificationSubStatus = typeof qualificationSubStatuses.$inferSelect;

export const qualificationGroupsRelations = relations(qualificationGroups, ({ many }) => ({
  statuses: many(qualificationStatuses),
  campaigns: many(campaigns),
}));

export const qualificationStatusesRelations = relations(qualificationStatuses, ({ one, many }) => ({
  group: one(qualificationGroups, { fields: [qualificationStatuses.groupId], references: [qualificationGroups.id] }),
  subStatuses: many(qualificationSubStatuses),
  conversations: many(conversations),
}));

export const qualificationSubStatusesRelations = relations(qualificationSubStatuses, ({ one }) => ({
  status: one(qualificationStatuses, { fields: [qualificationSubStatuses.statusId], references: [qualificationStatuses.id] }),
}));
