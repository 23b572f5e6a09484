import { pgTable, serial, text, timestamp, integer, index } from "drizzle-orm/pg-core";

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

export const agentStates = ["offline", "ready", "paused"] as const;
export type AgentState = (typeof agentStates)[number];

// Live presence of an agent in the workspace; routing only offers work to `ready` agents.
export const agentPresence = pgTable(
  "agent_presence",
  {
    userId: integer("user_id").primaryKey().references(() => users.id),
    state: text("state").$type<AgentState>().notNull().default("offline"),
    since: timestamp("since", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("agent_presence_state_idx").on(t.state)],
);
