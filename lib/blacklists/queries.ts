import { and, asc, count, desc, eq, ilike, isNotNull, isNull, like, or, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { blacklists, blacklistWords, customerDatabases } from "@/db/schema";
import { likePattern, PAGE_SIZE, toPage, type ListParams } from "@/lib/admin/list";
import { campaignsUsingBlacklist } from "@/lib/admin/usage";
import { normalizeWord } from "./normalize";

export const blacklistSortable = ["name", "database", "updatedAt"] as const;
export const wordSortable = ["word", "createdAt"] as const;

export async function listBlacklists(params: ListParams) {
  const db = await getDb();
  const where = and(
    params.archived === "1" ? isNotNull(blacklists.archivedAt) : isNull(blacklists.archivedAt),
    params.q ? or(ilike(blacklists.name, likePattern(params.q)), ilike(customerDatabases.name, likePattern(params.q))) : undefined,
  );
  const column = { name: blacklists.name, database: customerDatabases.name, updatedAt: blacklists.updatedAt }[params.sort as (typeof blacklistSortable)[number]] ?? blacklists.name;
  const [rows, [{ total }]] = await Promise.all([
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
      .where(where)
      .orderBy(params.dir === "desc" ? desc(column) : asc(column), asc(blacklists.id))
      .limit(PAGE_SIZE)
      .offset((params.page - 1) * PAGE_SIZE),
    db.select({ total: count() }).from(blacklists).innerJoin(customerDatabases, eq(customerDatabases.id, blacklists.databaseId)).where(where),
  ]);
  return toPage(rows, total, params.page);
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
  const q = normalizeWord(params.q);
  const where = and(eq(blacklistWords.blacklistId, blacklistId), q ? like(blacklistWords.normalized, likePattern(q)) : undefined);
  const byDate = params.sort === "createdAt";
  const dir = params.dir === "desc" ? desc : asc;
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({ id: blacklistWords.id, word: blacklistWords.word, createdAt: blacklistWords.createdAt })
      .from(blacklistWords)
      .where(where)
      .orderBy(...(byDate ? [dir(blacklistWords.createdAt), dir(blacklistWords.id)] : [dir(blacklistWords.normalized)]))
      .limit(PAGE_SIZE)
      .offset((params.page - 1) * PAGE_SIZE),
    db.select({ total: count() }).from(blacklistWords).where(where),
  ]);
  return toPage(rows, total, params.page);
}

/** Active blacklists for campaign choices. */
export async function blacklistOptions() {
  const db = await getDb();
  return db.select({ id: blacklists.id, name: blacklists.name }).from(blacklists).where(isNull(blacklists.archivedAt)).orderBy(asc(blacklists.name));
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
