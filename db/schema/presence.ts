import { relations } from "drizzle-orm";
import { pgTable, text, timestamp, integer, index } from "drizzle-orm/pg-core";
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
  },
  (t) => [index("agent_presence_state_idx").on(t.state)],
);
export type AgentPresence = typeof agentPresence.$inferSelect;

export const agentPresenceRelations = relations(agentPresence, ({ one }) => ({
  user: one(users, { fields: [agentPresence.userId], references: [users.id] }),
}));
