import { relations } from "drizzle-orm";
import { pgTable, serial, text, timestamp, integer, primaryKey, index } from "drizzle-orm/pg-core";
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
  // Carried in the session's JWT and compared on every request: bumping it (new password,
  // archive, a right removed) ends every session of the account at its next request.
  sessionVersion: integer("session_version").notNull().default(0),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
export type User = typeof users.$inferSelect;

/**
 * Failed sign-ins, counted per source address (login '') and per login + source address
 * (lib/auth/login.ts). Counts decay with time; a lock on one pair never blocks the same login from
 * another address. Rows idle for a day are purged by the `auth/purge-login-attempts` job.
 */
export const loginAttempts = pgTable(
  "login_attempts",
  {
    login: text("login").notNull(),
    address: text("address").notNull().default(""),
    failures: integer("failures").notNull().default(0),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    lastFailureAt: timestamp("last_failure_at", { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.login, t.address] }), index("login_attempts_last_failure_idx").on(t.lastFailureAt)],
);
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
