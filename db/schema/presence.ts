import { relations, sql } from "drizzle-orm";
import { pgTable, text, timestamp, integer, index, check } from "drizzle-orm/pg-core";
import { users } from "./auth";

export const agentStates = ["offline", "ready", "paused"] as const;
export type AgentState = (typeof agentStates)[number];

// Live presence of an agent in the workspace; routing only offers work to `ready` agents.
export const agentPresence = pgTable(
  "agent_presence",
  {
    userId: integer("user_id")
      .primaryKey()
      .references(() => users.id),
    state: text("state").$type<AgentState>().notNull().default("offline"),
    since: timestamp("since", { withTimezone: true }).notNull().defaultNow(),
    // Why the agent is paused when Relais paused him (an offer timed out): null when he chose it.
    pauseReason: text("pause_reason"),
    // Conversations currently assigned (offered or accepted), kept by routing in the same
    // transaction as the assignment rows: the capacity check reads and locks this row.
    activeCount: integer("active_count").notNull().default(0),
    // Idle time is measured from here (the end of his last assignment), not from `since`.
    lastAssignmentEndedAt: timestamp("last_assignment_ended_at", { withTimezone: true }),
    // Last sign of a live connection (stream open / heartbeat); routing sets the agent Offline
    // once it is older than the grace period.
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }),
  },
  (t) => [index("agent_presence_state_idx").on(t.state), check("agent_presence_active_count_ck", sql`${t.activeCount} >= 0`)],
);
export type AgentPresence = typeof agentPresence.$inferSelect;

export const agentPresenceRelations = relations(agentPresence, ({ one }) => ({
  user: one(users, { fields: [agentPresence.userId], references: [users.id] }),
}));
