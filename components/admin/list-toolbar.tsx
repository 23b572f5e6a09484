import Link from "next/link";
import type { ReactNode } from "react";
import type { ListParams } from "@/lib/admin/list";
import { getTranslator } from "@/lib/i18n/server";

/** Search box (a plain GET form: works without JavaScript, keeps the URL shareable) and actions. */
export async function ListToolbar({
  params,
  actions,
  showArchivedToggle = true,
}: {
  params: ListParams;
  actions?: ReactNode;
  showArchivedToggle?: boolean;
}) {
  const { t } = await getTranslator();
  return (
    <div className="flex flex-wrap items-center gap-3">
      <form method="get" className="flex items-center gap-2" role="search">
        <label className="sr-only" htmlFor="list-q">
          {t("common.search")}
        </label>
        <input
          id="list-q"
          name="q"
          defaultValue={params.q}
          placeholder={t("adminCommon.searchPlaceholder")}
          className="h-9 w-64 rounded-control border border-border bg-surface px-3 text-sm"
        />
        {params.sort ? <input type="hidden" name="sort" value={params.sort} /> : null}
        <input type="hidden" name="dir" value={params.dir} />
        {showArchivedToggle ? (
          <label className="flex items-center gap-1 text-sm">
            <input type="checkbox" name="archived" value="1" defaultChecked={params.archived === "1"} />
            {t("adminCommon.showArchived")}
          </label>
        ) : null}
        <button type="submit" className="h-9 rounded-control border border-border-strong bg-surface px-3 text-sm hover:bg-surface-muted">
          {t("common.search")}
        </button>
      </form>
      <div className="ml-auto flex gap-2">{actions}</div>
    </div>
  );
}

/** Query parameters a list keeps in its links besides its own (e.g. the audit log's filters). */
export type ListQuery = Record<string, string>;

function hrefWith(params: ListParams, patch: Partial<Record<keyof ListParams, string | number>>, query: ListQuery = {}): string {
  const merged: Record<string, string> = {
    q: params.q,
    sort: params.sort ?? "",
    // A direction without a sort column says nothing.
    dir: params.sort ? params.dir : "",
    page: String(params.page),
    archived: params.archived,
  };
  for (const [k, v] of Object.entries(patch)) merged[k] = String(v);
  const search = new URLSearchParams([...Object.entries(merged), ...Object.entries(query)].filter(([, v]) => v !== "" && v !== "0"));
  return `?${search.toString()}`;
}

type AriaSort = "ascending" | "descending";

export function sortState(params: ListParams, column: string): AriaSort | undefined {
  if (params.sort !== column) return undefined;
  return params.dir === "asc" ? "ascending" : "descending";
}

/** A link that sorts the list by this column (toggling direction); put aria-sort on its column header. */
export function SortLink({
  params,
  column,
  children,
  ...aria
}: {
  params: ListParams;
  column: string;
  children: ReactNode;
  "aria-sort"?: AriaSort;
}) {
  const state = sortState(params, column);
  return (
    <Link
      href={hrefWith(params, { sort: column, dir: state === "ascending" ? "desc" : "asc", page: 1 })}
      className="inline-flex items-center gap-1 hover:underline"
      {...aria}
    >
      {children}
      <span aria-hidden className="text-fg-muted">
        {state === "ascending" ? "▲" : state === "descending" ? "▼" : "↕"}
      </span>
    </Link>
  );
}

/** A sort link that carries its own sort state, where no table column header does (e.g. above cards). */
export function SortHeader({ params, column, children }: { params: ListParams; column: string; children: ReactNode }) {
  return (
    <SortLink params={params} column={column} aria-sort={sortState(params, column)}>
      {children}
    </SortLink>
  );
}

export async function Pager({
  params,
  total,
  pageCount,
  query,
}: {
  params: ListParams;
  total: number;
  pageCount: number;
  query?: ListQuery;
}) {
  const { t } = await getTranslator();
  return (
    <nav className="flex items-center justify-between text-sm text-fg-muted" aria-label={t("adminCommon.pagination")}>
      <span>{t("adminCommon.results", { count: total })}</span>
      <span className="flex items-center gap-3">
        {params.page > 1 ? <Link href={hrefWith(params, { page: params.page - 1 }, query)}>{t("adminCommon.previous")}</Link> : null}
        <span>{t("adminCommon.page", { page: params.page, pages: pageCount })}</span>
        {params.page < pageCount ? <Link href={hrefWith(params, { page: params.page + 1 }, query)}>{t("adminCommon.next")}</Link> : null}
      </span>
    </nav>
  );
}
