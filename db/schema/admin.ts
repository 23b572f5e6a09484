import { pgTable, serial, text, timestamp, integer, jsonb, boolean, index } from "drizzle-orm/pg-core";
import { users } from "./auth";

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

export const auditActions = ["create", "update", "archive", "restore", "delete"] as const;
export type AuditAction = (typeof auditActions)[number];

/** Who changed what configuration, when, with the object before and after. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: serial("id").primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    userId: integer("user_id").references(() => users.id),
    userLogin: text("user_login").notNull(),
    action: text("action").$type<AuditAction>().notNull(),
    objectType: text("object_type").notNull(),
    objectId: integer("object_id"),
    objectLabel: text("object_label").notNull(),
    before: jsonb("before"),
    after: jsonb("after"),
  },
  (t) => [index("audit_log_object_idx").on(t.objectType, t.objectId), index("audit_log_at_idx").on(t.at)],
);
