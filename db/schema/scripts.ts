import { relations } from "drizzle-orm";
import { pgTable, serial, text, timestamp, integer, jsonb, uniqueIndex, index } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { customerDatabases } from "./databases";
import { campaigns } from "./campaigns";
import { conversations } from "./conversations";

// Shapes are validated by lib/scripts (zod) on every read; the database keeps them as JSON.
export type StoredScriptModel = { version: number } & Record<string, unknown>;

/** One customer-file column: the object it comes from and its PostgreSQL type. */
export type CustomerFileColumn = {
  objectId: string;
  objectName: string;
  column: string;
  type: "text" | "boolean" | "date" | "text[]" | "timestamptz";
};
export type CustomerFileMapping = { columns: CustomerFileColumn[]; excluded: string[] };

/**
 * A script («script écran»). `draft` is the model being edited; `draft_version` increases at each
 * save, so two admins editing at once get a conflict instead of a silent overwrite.
 * Global variables live in the draft (`variables`), so a generated version carries them.
 */
export const scripts = pgTable("scripts", {
  id: serial("id").primaryKey(),
  name: text("name").notNull().unique(),
  draft: jsonb("draft").$type<StoredScriptModel>().notNull(),
  draftVersion: integer("draft_version").notNull().default(1),
  archivedAt: timestamp("archived_at", { withTimezone: true }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
export type Script = typeof scripts.$inferSelect;

export const scriptVersionKinds = ["production", "development"] as const;
export type ScriptVersionKind = (typeof scriptVersionKinds)[number];

/**
 * A generated script («Générer le script»): immutable (a trigger refuses updates and deletes),
 * numbered 1, 2, 3… per script and kind. Campaigns pick production versions; conversations keep
 * the one that was current when they started.
 */
export const scriptVersions = pgTable(
  "script_versions",
  {
    id: serial("id").primaryKey(),
    scriptId: integer("script_id")
      .notNull()
      .references(() => scripts.id),
    number: integer("number").notNull(),
    kind: text("kind").$type<ScriptVersionKind>().notNull(),
    model: jsonb("model").$type<StoredScriptModel>().notNull(),
    /** Where «Enregistrer fiche» writes, as it was when generated (null: no customer file). */
    customerFile: jsonb("customer_file").$type<{
      databaseId: number;
      schemaName: string;
      tableName: string;
      mapping: CustomerFileMapping;
    } | null>(),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("script_versions_number_uq").on(t.scriptId, t.kind, t.number), index("script_versions_script_idx").on(t.scriptId)],
);
export type ScriptVersion = typeof scriptVersions.$inferSelect;

/** The customer file («fichier clients») of a script: a real table in a named database. */
export const customerFiles = pgTable("customer_files", {
  id: serial("id").primaryKey(),
  scriptId: integer("script_id")
    .notNull()
    .unique()
    .references(() => scripts.id),
  databaseId: integer("database_id")
    .notNull()
    .references(() => customerDatabases.id),
  tableName: text("table_name").notNull(),
  mapping: jsonb("mapping").$type<CustomerFileMapping>().notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
export type CustomerFile = typeof customerFiles.$inferSelect;

export const scriptsRelations = relations(scripts, ({ one, many }) => ({
  versions: many(scriptVersions),
  customerFile: one(customerFiles),
  campaigns: many(campaigns),
}));

export const scriptVersionsRelations = relations(scriptVersions, ({ one, many }) => ({
  script: one(scripts, { fields: [scriptVersions.scriptId], references: [scripts.id] }),
  author: one(users, { fields: [scriptVersions.createdBy], references: [users.id] }),
  campaigns: many(campaigns),
  conversations: many(conversations),
}));

export const customerFilesRelations = relations(customerFiles, ({ one }) => ({
  script: one(scripts, { fields: [customerFiles.scriptId], references: [scripts.id] }),
  database: one(customerDatabases, { fields: [customerFiles.databaseId], references: [customerDatabases.id] }),
}));
