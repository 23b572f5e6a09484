import { pgTable, serial, text, timestamp, integer, uniqueIndex, primaryKey } from "drizzle-orm/pg-core";
import { users } from "./auth";

// Skills («compétences») are created in HR, grouped in skill groups; agents hold them at a level
// from 1 to 10; distribution rules and campaigns require a minimum level.
export const skillGroups = pgTable("skill_groups", {
  id: serial("id").primaryKey(),
  name: text("name").notNull().unique(),
  description: text("description").notNull().default(""),
  archivedAt: timestamp("archived_at", { withTimezone: true }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const skills = pgTable(
  "skills",
  {
    id: serial("id").primaryKey(),
    groupId: integer("group_id").notNull().references(() => skillGroups.id),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("skills_group_name_uq").on(t.groupId, t.name)],
);

/** An agent's level (1–10) in a skill. */
export const agentSkills = pgTable(
  "agent_skills",
  {
    userId: integer("user_id").notNull().references(() => users.id),
    skillId: integer("skill_id").notNull().references(() => skills.id),
    level: integer("level").notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.skillId] })],
);
