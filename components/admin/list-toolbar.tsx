import Link from "next/link";
import type { ReactNode } from "react";
import type { ListParams } from "@/lib/admin/list";
import { getTranslator } from "@/lib/i18n/server";

/** Search box (a plain GET form: works without JavaScript, keeps the URL shareable) and actions. */
export async function ListToolbar({ params, actions, showArchivedToggle = true }: { params: ListParams; actions?: ReactNode; showArchivedToggle?: boolean }) {
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

function hrefWith(params: ListParams, patch: Partial<Record<keyof ListParams, string | number>>): string {
  const merged: Record<string, string> = {
    q: params.q,
    sort: params.sort ?? "",
    dir: params.dir,
    page: String(params.page),
    archived: params.archived,
  };
  for (const [k, v] of Object.entries(patch)) merged[k] = String(v);
  const search = new URLSearchParams(Object.entries(merged).filter(([, v]) => v !== "" && v !== "0" && !(v === "1" && false)));
  return `?${search.toString()}`;
}

/** A column header that sorts the list by this column (toggling direction). */
export function SortHeader({ params, column, children }: { params: ListParams; column: string; children: ReactNode }) {
  const active = params.sort === column;
  const dir = active && params.dir === "asc" ? "desc" : "asc";
  return (
    <Link href={hrefWith(params, { sort: column, dir, page: 1 })} className="inline-flex items-center gap-1 hover:underline" aria-sort={active ? (params.dir === "asc" ? "ascending" : "descending") : undefined}>
      {children}
      <span aria-hidden className="text-fg-muted">
        {active ? (params.dir === "asc" ? "▲" : "▼") : "↕"}
      </span>
    </Link>
  );
}

export async function Pager({ params, total, pageCount }: { params: ListParams; total: number; pageCount: number }) {
  const { t } = await getTranslator();
  return (
    <nav className="flex items-center justify-between text-sm text-fg-muted" aria-label="pagination">
      <span>{t("adminCommon.results", { count: total })}</span>
      <span className="flex items-center gap-3">
        {params.page > 1 ? <Link href={hrefWith(params, { page: params.page - 1 })}>{t("adminCommon.previous")}</Link> : null}
        <span>{t("adminCommon.page", { page: params.page, pages: pageCount })}</span>
        {params.page < pageCount ? <Link href={hrefWith(params, { page: params.page + 1 })}>{t("adminCommon.next")}</Link> : null}
      </span>
    </nav>
  );
}
