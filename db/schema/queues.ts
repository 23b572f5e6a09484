import { relations } from "drizzle-orm";
import { pgTable, serial, text, timestamp } from "drizzle-orm/pg-core";
import { campaigns } from "./campaigns";
import { conversations } from "./conversations";

export const queues = pgTable("queues", {
  id: serial("id").primaryKey(),
  code: text("code").notNull().unique(),
  description: text("description").notNull().default(""),
  archivedAt: timestamp("archived_at", { withTimezone: true }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
export type Queue = typeof queues.$inferSelect;

export const queuesRelations = relations(queues, ({ many }) => ({
  campaigns: many(campaigns),
  conversations: many(conversations),
}));
