import { relations, sql } from "drizzle-orm";
import { pgTable, serial, text, timestamp, integer, boolean, uniqueIndex, primaryKey, check, index } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { campaignSkills } from "./campaigns";
import { distributionRules } from "./distribution";
// Type-only: the option lists live beside the forms that offer them (see lib/hr/options.ts).
import type {
  DisplayOption,
  MediaChannel,
  MiscRight,
  SupervisionMemberRole,
  SupervisionRight,
  TelephonyRight,
  WorkspaceApp,
} from "@/lib/hr/options";

// Skills («compétences») are created in HR, grouped in skill groups; agents hold them at a level
// from 1 to 10; distribution rules and campaigns require a minimum level.
export const skillGroups = pgTable(
  "skill_groups",
  {
    id: serial("id").primaryKey(),
    name: text("name").notNull().unique(),
    description: text("description").notNull().default(""),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  // "Langues" and "langues" would read as the same group in every choice list.
  (t) => [uniqueIndex("skill_groups_name_ci_uq").on(sql`lower(${t.name})`)],
);
export type SkillGroup = typeof skillGroups.$inferSelect;

export const skills = pgTable(
  "skills",
  {
    id: serial("id").primaryKey(),
    groupId: integer("group_id")
      .notNull()
      .references(() => skillGroups.id),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("skills_group_name_uq").on(t.groupId, t.name),
    uniqueIndex("skills_group_name_ci_uq").on(t.groupId, sql`lower(${t.name})`),
  ],
);
export type Skill = typeof skills.$inferSelect;

/** An agent's level (1–10) in a skill. */
export const agentSkills = pgTable(
  "agent_skills",
  {
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    skillId: integer("skill_id")
      .notNull()
      .references(() => skills.id),
    level: integer("level").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.skillId] }),
    check("agent_skills_level_ck", sql`${t.level} between 1 and 10`),
    index("agent_skills_skill_idx").on(t.skillId),
  ],
);
export type AgentSkill = typeof agentSkills.$inferSelect;

/**
 * Agent-specific settings, one row per agent user (the `users` row holds login, name, role and
 * the supervision/reporting rights). Tabs General, Applications and Rights of the agent page.
 */
export const agentProfiles = pgTable(
  "agent_profiles",
  {
    userId: integer("user_id")
      .primaryKey()
      .references(() => users.id),
    hangUpAfterCall: boolean("hang_up_after_call").notNull().default(false),
    directlyReady: boolean("directly_ready").notNull().default(false),
    autoAnswer: boolean("auto_answer").notNull().default(false),
    // Media blending: which networks the agent receives and how many conversations at once.
    mediaChannels: text("media_channels")
      .array()
      .$type<MediaChannel[]>()
      .notNull()
      .default(sql`'{twitter,facebook}'::text[]`),
    maxConversations: integer("max_conversations").notNull().default(1),
    personalCallbacks: boolean("personal_callbacks").notNull().default(true),
    workspace: text("workspace").$type<WorkspaceApp>().notNull().default("social"),
    displayOptions: text("display_options")
      .array()
      .$type<DisplayOption[]>()
      .notNull()
      .default(sql`'{}'::text[]`),
    telephonyRights: text("telephony_rights")
      .array()
      .$type<TelephonyRight[]>()
      .notNull()
      .default(sql`'{}'::text[]`),
    supervisionRights: text("supervision_rights")
      .array()
      .$type<SupervisionRight[]>()
      .notNull()
      .default(sql`'{}'::text[]`),
    miscRights: text("misc_rights")
      .array()
      .$type<MiscRight[]>()
      .notNull()
      .default(sql`'{}'::text[]`),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("agent_profiles_max_conversations_ck", sql`${t.maxConversations} between 1 and 10`)],
);
export type AgentProfile = typeof agentProfiles.$inferSelect;

/** A team («groupe de supervision»): its supervisors see only its agents on the supervision page. */
export const supervisionGroups = pgTable(
  "supervision_groups",
  {
    id: serial("id").primaryKey(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("supervision_groups_name_ci_uq").on(sql`lower(${t.name})`)],
);
export type SupervisionGroup = typeof supervisionGroups.$inferSelect;

export const supervisionGroupMembers = pgTable(
  "supervision_group_members",
  {
    groupId: integer("group_id")
      .notNull()
      .references(() => supervisionGroups.id),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    role: text("role").$type<SupervisionMemberRole>().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.groupId, t.userId] }),
    index("supervision_group_members_user_idx").on(t.userId, t.role),
    check("supervision_group_members_role_ck", sql`${t.role} in ('supervisor', 'agent')`),
  ],
);
export type SupervisionGroupMember = typeof supervisionGroupMembers.$inferSelect;

export const skillGroupsRelations = relations(skillGroups, ({ many }) => ({
  skills: many(skills),
}));

export const skillsRelations = relations(skills, ({ one, many }) => ({
  group: one(skillGroups, { fields: [skills.groupId], references: [skillGroups.id] }),
  agents: many(agentSkills),
  campaigns: many(campaignSkills),
  distributionRules: many(distributionRules),
}));

export const agentSkillsRelations = relations(agentSkills, ({ one }) => ({
  user: one(users, { fields: [agentSkills.userId], references: [users.id] }),
  skill: one(skills, { fields: [agentSkills.skillId], references: [skills.id] }),
}));

export const agentProfilesRelations = relations(agentProfiles, ({ one }) => ({
  user: one(users, { fields: [agentProfiles.userId], references: [users.id] }),
}));

export const supervisionGroupsRelations = relations(supervisionGroups, ({ many }) => ({
  members: many(supervisionGroupMembers),
}));

export const supervisionGroupMembersRelations = relations(supervisionGroupMembers, ({ one }) => ({
  group: one(supervisionGroups, { fields: [supervisionGroupMembers.groupId], references: [supervisionGroups.id] }),
  user: one(users, { fields: [supervisionGroupMembers.userId], references: [users.id] }),
}));
