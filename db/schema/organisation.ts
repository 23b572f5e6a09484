import { pgTable, serial, text, timestamp, integer, numeric, uniqueIndex } from "drizzle-orm/pg-core";

export const queues = pgTable("queues", {
  id: serial("id").primaryKey(),
  code: text("code").notNull().unique(),
  description: text("description").notNull().default(""),
  archivedAt: timestamp("archived_at", { withTimezone: true }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
export type Queue = typeof queues.$inferSelect;

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

export const qualificationStatuses = pgTable(
  "qualification_statuses",
  {
    id: serial("id").primaryKey(),
    groupId: integer("group_id").notNull().references(() => qualificationGroups.id),
    code: text("code").notNull(),
    label: text("label").notNull(),
    category: text("category").$type<QualificationCategory>().notNull(),
    benefit: numeric("benefit", { precision: 12, scale: 2 }).notNull().default("0"),
    position: integer("position").notNull().default(0),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("qualification_statuses_group_code_uq").on(t.groupId, t.code)],
);
export type QualificationStatus = typeof qualificationStatuses.$inferSelect;
