import { relations } from "drizzle-orm";
import { pgTable, serial, text, timestamp, boolean } from "drizzle-orm/pg-core";
import { campaigns } from "./campaigns";
import { blacklists } from "./blacklists";
import { customerFiles } from "./scripts";

/**
 * A named database («Base de données»): a PostgreSQL schema that Relais manages inside its own
 * database. Customer files, address books and blacklists live in one.
 */
export const customerDatabases = pgTable("customer_databases", {
  id: serial("id").primaryKey(),
  name: text("name").notNull().unique(),
  schemaName: text("schema_name").notNull().unique(),
  isDefault: boolean("is_default").notNull().default(false),
  archivedAt: timestamp("archived_at", { withTimezone: true }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
export type CustomerDatabase = typeof customerDatabases.$inferSelect;

export const customerDatabasesRelations = relations(customerDatabases, ({ many }) => ({
  campaigns: many(campaigns),
  blacklists: many(blacklists),
  customerFiles: many(customerFiles),
}));
