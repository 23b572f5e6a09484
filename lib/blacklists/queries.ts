import { asc, eq, isNull, like, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { blacklists, blacklistWords, customerDatabases } from "@/db/schema";
import { likePattern, type ListParams } from "@/lib/admin/list";
import { pagedList } from "@/lib/admin/list-query";
import { campaignsUsingBlacklist } from "@/lib/admin/usage";
import { normalizeWord } from "./normalize";

export const blacklistSortable = ["name", "database", "updatedAt"] as const;
export const wordSortable = ["word", "createdAt"] as const;

export async function listBlacklists(params: ListParams) {
  const db = await getDb();
  return pagedList(db, params, {
    query: () =>
      db
        .select({
          id: blacklists.id,
          name: blacklists.name,
          databaseName: customerDatabases.name,
          archivedAt: blacklists.archivedAt,
          updatedAt: blacklists.updatedAt,
          words: sql<number>`(select count(*)::int from blacklist_words w where w.blacklist_id = ${blacklists.id})`,
        })
        .from(blacklists)
        .innerJoin(customerDatabases, eq(customerDatabases.id, blacklists.databaseId))
        .$dynamic(),
    search: [blacklists.name, customerDatabases.name],
    sortable: { name: blacklists.name, database: customerDatabases.name, updatedAt: blacklists.updatedAt },
    tiebreak: blacklists.id,
    archived: blacklists.archivedAt,
  });
}

export async function getBlacklist(id: number) {
  const db = await getDb();
  const [row] = await db
    .select({
      id: blacklists.id,
      name: blacklists.name,
      databaseId: blacklists.databaseId,
      databaseName: customerDatabases.name,
      archivedAt: blacklists.archivedAt,
      updatedAt: blacklists.updatedAt,
    })
    .from(blacklists)
    .innerJoin(customerDatabases, eq(customerDatabases.id, blacklists.databaseId))
    .where(eq(blacklists.id, id));
  return row ?? null;
}

/** One page of a list's keywords; the search ignores case and accents like the matching does. */
export async function listBlacklistWords(blacklistId: number, params: ListParams) {
  const db = await getDb();
  return pagedList(db, params, {
    query: () =>
      db.select({ id: blacklistWords.id, word: blacklistWords.word, createdAt: blacklistWords.createdAt }).from(blacklistWords).$dynamic(),
    where: eq(blacklistWords.blacklistId, blacklistId),
    search: (q) => {
      const normalized = normalizeWord(q);
      return normalized ? like(blacklistWords.normalized, likePattern(normalized)) : undefined;
    },
    sortable: { word: blacklistWords.normalized, createdAt: [blacklistWords.createdAt, blacklistWords.id] },
  });
}

/** Active blacklists for campaign choices. */
export async function blacklistOptions() {
  const db = await getDb();
  return db
    .select({ id: blacklists.id, name: blacklists.name })
    .from(blacklists)
    .where(isNull(blacklists.archivedAt))
    .orderBy(asc(blacklists.name));
}

/** Every keyword of a list, as typed: what ingestion compiles with `compileBlacklist`. */
export async function blacklistWordList(blacklistId: number): Promise<string[]> {
  const db = await getDb();
  const rows = await db.select({ word: blacklistWords.word }).from(blacklistWords).where(eq(blacklistWords.blacklistId, blacklistId));
  return rows.map((r) => r.word);
}

/** Names of what uses a blacklist (refuses archiving while not empty): campaigns' «Réception» tab. */
export async function blacklistUsers(id: number): Promise<string[]> {
  return campaignsUsingBlacklist(id);
}
