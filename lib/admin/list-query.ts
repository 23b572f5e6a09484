import { and, asc, count, desc, ilike, isNotNull, isNull, or, sql, type AnyColumn, type SQL } from "drizzle-orm";
import type { PgSelect } from "drizzle-orm/pg-core";
import type { Db, Tx } from "@/db/client";
import { likePattern, PAGE_SIZE, toPage, type ListParams, type Page } from "./list";

type SortKey = AnyColumn | SQL;

/** What a list page's query needs from the URL; `archived` and the others default off. */
export type PageParams = Pick<ListParams, "page"> & Partial<Pick<ListParams, "q" | "sort" | "dir" | "archived">>;

export interface ListQuery<Q extends PgSelect> {
  /**
   * The rows' select with its joins, as a dynamic query (`.$dynamic()`) without where, order or
   * limit. Called twice: once for the page, once inside the count, so both see the same joins.
   */
  query: () => Q;
  /** A condition every row of the list meets (the role of the accounts listed, a parent id). */
  where?: SQL;
  /** Columns the search box matches (ILIKE %q%, the user's wildcards taken literally), or a condition built from the search. */
  search?: AnyColumn[] | ((q: string) => SQL | undefined);
  /**
   * Sort keys by their URL name; a missing or unknown `sort` uses the first. A key may be a list
   * of columns, sorted in the same direction.
   */
  sortable: Record<string, SortKey | SortKey[]>;
  /** Appended ascending after the sort, so rows with equal keys keep their place from page to page. */
  tiebreak?: AnyColumn;
  /** The archived toggle: the column set when a row is archived, or the condition for each state. */
  archived?: AnyColumn | ((showArchived: boolean) => SQL | undefined);
  /** Rows without a value (a campaign without a queue) last in both directions. */
  nullsLast?: boolean;
}

function searchCondition(search: ListQuery<PgSelect>["search"], q: string): SQL | undefined {
  if (!q || !search) return undefined;
  if (typeof search === "function") return search(q);
  const pattern = likePattern(q);
  return or(...search.map((column) => ilike(column, pattern)));
}

function archivedCondition(archived: ListQuery<PgSelect>["archived"], show: boolean): SQL | undefined {
  if (!archived) return undefined;
  if (typeof archived === "function") return archived(show);
  return show ? isNotNull(archived) : isNull(archived);
}

/**
 * One page of an admin list: search, whitelisted sort, archived toggle, page of PAGE_SIZE rows,
 * and the total count of rows matching (the same query counted, so joins and conditions cannot
 * drift apart).
 */
export async function pagedList<Q extends PgSelect>(
  db: Db | Tx,
  params: PageParams,
  spec: ListQuery<Q>,
): Promise<Page<Q["_"]["result"][number]>> {
  const where = and(spec.where, archivedCondition(spec.archived, params.archived === "1"), searchCondition(spec.search, params.q ?? ""));
  const sortKey =
    params.sort !== undefined && Object.hasOwn(spec.sortable, params.sort) ? spec.sortable[params.sort] : Object.values(spec.sortable)[0];
  const direction = params.dir === "desc" ? "desc" : "asc";
  const order: SQL[] = [sortKey ?? []].flat().map((key) => {
    if (spec.nullsLast) return sql`${key} ${sql.raw(direction)} nulls last`;
    return direction === "desc" ? desc(key) : asc(key);
  });
  if (spec.tiebreak) order.push(asc(spec.tiebreak));
  const [rows, [{ total }]] = await Promise.all([
    spec
      .query()
      .where(where)
      .orderBy(...order)
      .limit(PAGE_SIZE)
      .offset((params.page - 1) * PAGE_SIZE),
    // The cast: drizzle cannot tell that a generic query's selection is not empty.
    db.select({ total: count() }).from(spec.query().where(where).as("list") as never),
  ]);
  return toPage(rows as Q["_"]["result"], total, params.page);
}
