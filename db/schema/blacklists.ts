import { relations } from "drizzle-orm";
import { pgTable, serial, text, timestamp, integer, uniqueIndex } from "drizzle-orm/pg-core";
import { customerDatabases } from "./databases";
import { campaignBlacklists } from "./campaigns";

/** A keyword blacklist («Liste noire»): terms blacklisted in the messages of the campaigns using it. */
export const blacklists = pgTable("blacklists", {
  id: serial("id").primaryKey(),
  name: text("name").notNull().unique(),
  databaseId: integer("database_id")
    .notNull()
    .references(() => customerDatabases.id),
  archivedAt: timestamp("archived_at", { withTimezone: true }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
export type Blacklist = typeof blacklists.$inferSelect;

/**
 * One keyword: `word` as the administrator typed it, `normalized` (lower case, no accents, single
 * spaces) for matching; a list holds a normalised form once.
 */
export const blacklistWords = pgTable(
  "blacklist_words",
  {
    id: serial("id").primaryKey(),
    blacklistId: integer("blacklist_id")
      .notNull()
      .references(() => blacklists.id, { onDelete: "cascade" }),
    word: text("word").notNull(),
    normalized: text("normalized").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("blacklist_words_list_normalized_uq").on(t.blacklistId, t.normalized)],
);
export type BlacklistWord = typeof blacklistWords.$inferSelect;

export const blacklistsRelations = relations(blacklists, ({ one, many }) => ({
  database: one(customerDatabases, { fields: [blacklists.databaseId], references: [customerDatabases.id] }),
  words: many(blacklistWords),
  campaigns: many(campaignBlacklists),
}));

export const blacklistWordsRelations = relations(blacklistWords, ({ one }) => ({
  blacklist: one(blacklists, { fields: [blacklistWords.blacklistId], references: [blacklists.id] }),
}));
