import { relations } from "drizzle-orm";
import { pgTable, serial, text, timestamp, integer, index } from "drizzle-orm/pg-core";
import { skills } from "./hr";
import { campaigns } from "./campaigns";

// «Règles de distribution»: a named group of ordered rules; a campaign uses one group. Each rule
// ties an element of an incoming social message to a skill and a minimum level, so the message
// goes first to agents with that profile (lib/distribution/evaluate.ts).
export const distributionRuleGroups = pgTable("distribution_rule_groups", {
  id: serial("id").primaryKey(),
  name: text("name").notNull().unique(),
  description: text("description").notNull().default(""),
  archivedAt: timestamp("archived_at", { withTimezone: true }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
export type DistributionRuleGroup = typeof distributionRuleGroups.$inferSelect;

export const distributionRules = pgTable(
  "distribution_rules",
  {
    id: serial("id").primaryKey(),
    groupId: integer("group_id")
      .notNull()
      .references(() => distributionRuleGroups.id),
    position: integer("position").notNull().default(0),
    // See lib/distribution/elements.ts for the elements, their operators and value formats.
    element: text("element").notNull(),
    operator: text("operator").notNull(),
    value: text("value").notNull(),
    // The skill's group is the skill's own (skills.group_id).
    skillId: integer("skill_id")
      .notNull()
      .references(() => skills.id),
    minLevel: integer("min_level").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("distribution_rules_group_idx").on(t.groupId, t.position), index("distribution_rules_skill_idx").on(t.skillId)],
);
export type DistributionRule = typeof distributionRules.$inferSelect;

export const distributionRuleGroupsRelations = relations(distributionRuleGroups, ({ many }) => ({
  rules: many(distributionRules),
  campaigns: many(campaigns),
}));

export const distributionRulesRelations = relations(distributionRules, ({ one }) => ({
  group: one(distributionRuleGroups, { fields: [distributionRules.groupId], references: [distributionRuleGroups.id] }),
  skill: one(skills, { fields: [distributionRules.skillId], references: [skills.id] }),
}));
