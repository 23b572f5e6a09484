import Link from "next/link";
import { Fragment, type Key, type ReactNode } from "react";
import type { ListParams } from "@/lib/admin/list";
import { getTranslator } from "@/lib/i18n/server";
import { Badge } from "@/components/ui/badge";
import { buttonClassName } from "@/components/ui/button-styles";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState, Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { ArchiveButton, type ArchiveAction } from "./archive-button";
import { ListToolbar, Pager, SortHeader, SortLink, sortState, type ListQuery } from "./list-toolbar";

/** One table column of a list. */
export type ListColumn<T> = {
  /** React key of the column, unique in the list. */
  key: string;
  /** The translated header text. */
  header: ReactNode;
  /** The sort name the page's query understands (one of its `*Sortable`); without it the column does not sort. */
  sort?: string;
  cell: (row: T) => ReactNode;
  /** Classes of the column's cells (e.g. "font-medium" for the name). */
  className?: string;
};

/** What a list query returns (lib/admin/list.ts `Page`); a short fixed list passes its rows only. */
export type ListResult<T> = { rows: readonly T[]; total?: number; pageCount?: number };

type Archivable = { id: number; archivedAt: Date | null };

type TableLayout<T> = {
  columns: ListColumn<T>[];
  /** The last column («Actions»): edit, delete… */
  rowActions?: (row: T) => ReactNode;
  /**
   * Rows archived through one action: the «Archivé» badge after the first cell and the archive/restore
   * button (with its confirmation) in the actions column. `name` names the row in the confirmation.
   */
  archive?: T extends Archivable ? { action: ArchiveAction; name: (row: T) => string } : never;
  card?: undefined;
  cardSorts?: undefined;
};

type CardLayout<T> = {
  /** One card per row instead of a table (e.g. a group with its own inner table). */
  card: (row: T) => ReactNode;
  /** The sort links shown above the cards, in place of the table's sortable headers. */
  cardSorts?: { sort: string; header: ReactNode }[];
  columns?: undefined;
  rowActions?: undefined;
  archive?: undefined;
};

export type ListViewProps<T> = (TableLayout<T> | CardLayout<T>) & {
  /** The URL state (parseListParams). Without it: no toolbar, sorting or pager (a short fixed list). */
  params?: ListParams;
  page: ListResult<T>;
  /** Defaults to the row's `id`. */
  rowKey?: (row: T) => Key;
  /** Marks archived rows with the «Archivé» badge after the first cell (implied by `archive`). */
  archived?: (row: T) => boolean;
  /** The empty state's title when nothing is searched. */
  empty: ReactNode;
  /** The empty state's title when a search finds nothing; defaults to adminCommon.noResults. */
  noResults?: ReactNode;
  /** The toolbar's «new» link: a primary button, after `actions`. */
  create?: { href: string; label: ReactNode };
  /** Other toolbar buttons, aligned right. */
  actions?: ReactNode;
  /** The «show archived» checkbox of the search form (default true). */
  archivedToggle?: boolean;
  /** Replaces the search toolbar (e.g. the audit log's filters). */
  toolbar?: ReactNode;
  /** Query parameters the pager's links keep besides the list's own (the filters of `toolbar`). */
  pagerQuery?: ListQuery;
};

export type ListPageProps<T> = ListViewProps<T> & {
  /** The page's h1. */
  title: ReactNode;
  description?: ReactNode;
  /** Shown between the header and the toolbar (a notice, a creation form…). */
  intro?: ReactNode;
};

const idOf = (row: unknown): Key => (row as { id: Key }).id;

/** A link to a row's own page, as the list's first cell usually has. */
export function RowLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Link href={href} className="hover:underline">
      {children}
    </Link>
  );
}

/**
 * An admin list page: header, toolbar (search, archived toggle, actions), sortable table or cards,
 * empty state and pager. Search and sort are a GET form and plain links: the URL is the state.
 */
export async function ListPage<T>({ title, description, intro, ...view }: ListPageProps<T>) {
  return (
    <div className="space-y-4">
      <PageHeader title={title} description={description} />
      {intro}
      <ListView {...view} />
    </div>
  );
}

/** A list without its page header, e.g. in a card of a detail page. */
export async function ListView<T>(props: ListViewProps<T>) {
  const { params, page, create, archivedToggle = true, toolbar, pagerQuery } = props;
  const { t } = await getTranslator();
  const rowKey = props.rowKey ?? idOf;
  const actions =
    props.actions || create ? (
      <>
        {props.actions}
        {create ? (
          <Link href={create.href} className={buttonClassName()}>
            {create.label}
          </Link>
        ) : null}
      </>
    ) : undefined;

  let body: ReactNode;
  if (page.rows.length === 0) {
    body = <EmptyState title={params?.q ? (props.noResults ?? t("adminCommon.noResults")) : props.empty} />;
  } else if (props.card) {
    const { card } = props;
    body = page.rows.map((row) => <Fragment key={rowKey(row)}>{card(row)}</Fragment>);
  } else {
    const { archive, rowActions } = props;
    const archived = archive ? (row: T) => Boolean((row as Archivable).archivedAt) : props.archived;
    const archiveButton = (row: T) =>
      archive ? (
        <ArchiveButton
          id={(row as Archivable).id}
          name={archive.name(row)}
          archived={Boolean((row as Archivable).archivedAt)}
          action={archive.action}
        />
      ) : null;
    body = (
      <ListTable
        params={params}
        rows={page.rows}
        rowKey={rowKey}
        columns={props.columns}
        archived={archived}
        archivedLabel={t("adminCommon.archived")}
        actionsHeader={t("common.actions")}
        rowActions={
          archive && rowActions
            ? (row) => (
                <div className="flex gap-1">
                  {rowActions(row)}
                  {archiveButton(row)}
                </div>
              )
            : (rowActions ?? (archive ? archiveButton : undefined))
        }
      />
    );
  }

  return (
    <>
      {toolbar ?? (params ? <ListToolbar params={params} actions={actions} showArchivedToggle={archivedToggle} /> : null)}
      {params && props.cardSorts?.length ? (
        <p className="flex gap-4 text-sm">
          {props.cardSorts.map((s) => (
            <SortHeader key={s.sort} params={params} column={s.sort}>
              {s.header}
            </SortHeader>
          ))}
        </p>
      ) : null}
      {body}
      {params && page.total !== undefined && page.pageCount !== undefined ? (
        <Pager params={params} total={page.total} pageCount={page.pageCount} query={pagerQuery} />
      ) : null}
    </>
  );
}

function ListTable<T>({
  params,
  rows,
  rowKey,
  columns,
  archived,
  archivedLabel,
  actionsHeader,
  rowActions,
}: {
  params?: ListParams;
  rows: readonly T[];
  rowKey: (row: T) => Key;
  columns: ListColumn<T>[];
  archived?: (row: T) => boolean;
  archivedLabel: string;
  actionsHeader: string;
  rowActions?: (row: T) => ReactNode;
}) {
  return (
    <Table>
      <THead>
        <Tr>
          {columns.map((c) =>
            params && c.sort ? (
              // aria-sort belongs to the column header; the link inside toggles the direction.
              <Th key={c.key} aria-sort={sortState(params, c.sort)}>
                <SortLink params={params} column={c.sort}>
                  {c.header}
                </SortLink>
              </Th>
            ) : (
              <Th key={c.key}>{c.header}</Th>
            ),
          )}
          {rowActions ? <Th>{actionsHeader}</Th> : null}
        </Tr>
      </THead>
      <TBody>
        {rows.map((row) => (
          <Tr key={rowKey(row)}>
            {columns.map((c, i) => (
              <Td key={c.key} className={c.className}>
                {c.cell(row)}
                {i === 0 && archived?.(row) ? (
                  <>
                    {" "}
                    <Badge>{archivedLabel}</Badge>
                  </>
                ) : null}
              </Td>
            ))}
            {rowActions ? <Td>{rowActions(row)}</Td> : null}
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
