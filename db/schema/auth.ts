import { relations } from "drizzle-orm";
import { pgTable, serial, text, timestamp, integer } from "drizzle-orm/pg-core";
import { agentPresence } from "./presence";
import { agentProfiles, agentSkills, supervisionGroupMembers } from "./hr";
import { conversations } from "./conversations";

export const roles = ["admin", "supervisor", "agent", "sales_rep"] as const;
export type Role = (typeof roles)[number];
export const rights = ["supervision", "reporting"] as const;
export type Right = (typeof rights)[number];

export const users = pgTable("users", {
  id: serial("id").primaryKey(),
  // An agent's login is its 4-digit agent code; other roles use a name such as `admin`.
  login: text("login").notNull().unique(),
  name: text("name").notNull(),
  passwordHash: text("password_hash").notNull(),
  role: text("role").$type<Role>().notNull(),
  rights: text("rights").array().$type<Right[]>().notNull().default([]),
  locale: text("locale").notNull().default("fr"),
  archivedAt: timestamp("archived_at", { withTimezone: true }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
export type User = typeof users.$inferSelect;

// Failed sign-ins per login: slows down and then refuses guessing for a while.
export const loginAttempts = pgTable("login_attempts", {
  login: text("login").primaryKey(),
  failures: integer("failures").notNull().default(0),
  lockedUntil: timestamp("locked_until", { withTimezone: true }),
  lastFailureAt: timestamp("last_failure_at", { withTimezone: true }),
});
export type LoginAttempt = typeof loginAttempts.$inferSelect;

// Authorship columns (messages sent, script versions generated, audit entries) only point back
// to their user; a user's side lists what belongs to the person: profile, presence, skills,
// teams and the conversations assigned to them.
export const usersRelations = relations(users, ({ one, many }) => ({
  profile: one(agentProfiles),
  presence: one(agentPresence),
  skills: many(agentSkills),
  supervisionGroups: many(supervisionGroupMembers),
  assignedConversations: many(conversations, { relationName: "assignedAgent" }),
}));
