import { relations } from "drizzle-orm";
import { pgTable, serial, text, timestamp, integer, jsonb, index } from "drizzle-orm/pg-core";
import { users } from "./auth";

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
export type AuditLogEntry = typeof auditLog.$inferSelect;

export const auditLogRelations = relations(auditLog, ({ one }) => ({
  user: one(users, { fields: [auditLog.userId], references: [users.id] }),
}));
