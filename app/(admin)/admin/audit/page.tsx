import Link from "next/link";
import { requirePage } from "@/lib/auth/session";
import { auditObjectTypes, changedFields, listAudit } from "@/lib/admin/audit-queries";
import { getFormat, getTranslator } from "@/lib/i18n/server";
import type { MessageKey } from "@/lib/i18n/translate";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";
import { EmptyState, Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";

const show = (v: unknown) => (v === undefined || v === null ? "∅" : typeof v === "string" ? v : JSON.stringify(v));

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  await requirePage("admin.access");
  const { t } = await getTranslator();
  const format = await getFormat();
  const sp = await searchParams;
  const page = Math.max(1, Number(sp.page) || 1);
  const filter = { type: sp.type || undefined, objectId: Number(sp.id) || undefined, q: (sp.q ?? "").slice(0, 100), page };
  const [list, types] = await Promise.all([listAudit(filter), auditObjectTypes()]);
  const link = (p: number) => `?${new URLSearchParams({ ...(filter.type ? { type: filter.type } : {}), ...(filter.objectId ? { id: String(filter.objectId) } : {}), ...(filter.q ? { q: filter.q } : {}), page: String(p) })}`;
  return (
    <div className="space-y-4">
      <PageHeader title={t("audit.title")} description={t("audit.description")} />
      <form method="get" className="flex flex-wrap items-end gap-2" role="search">
        <label className="flex flex-col text-sm">
          {t("audit.objectType")}
          <select name="type" defaultValue={filter.type ?? ""} className="h-9 rounded-control border border-border bg-surface px-2">
            <option value="">{t("audit.allTypes")}</option>
            {types.map((ty) => (
              <option key={ty} value={ty}>
                {ty}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col text-sm">
          {t("audit.objectId")}
          <input name="id" inputMode="numeric" defaultValue={filter.objectId ?? ""} className="h-9 w-24 rounded-control border border-border bg-surface px-2" />
        </label>
        <label className="flex flex-col text-sm">
          {t("common.search")}
          <input name="q" defaultValue={filter.q} className="h-9 w-56 rounded-control border border-border bg-surface px-2" />
        </label>
        <button type="submit" className="h-9 rounded-control border border-border-strong bg-surface px-3 text-sm hover:bg-surface-muted">
          {t("audit.filter")}
        </button>
      </form>
      {list.rows.length === 0 ? (
        <EmptyState title={t("audit.empty")} />
      ) : (
        <Table>
          <THead>
            <Tr>
              <Th>{t("audit.when")}</Th>
              <Th>{t("audit.who")}</Th>
              <Th>{t("audit.action")}</Th>
              <Th>{t("audit.object")}</Th>
              <Th>{t("audit.changes")}</Th>
            </Tr>
          </THead>
          <TBody>
            {list.rows.map((e) => (
              <Tr key={e.id}>
                <Td className="whitespace-nowrap">{format.dateTime(e.at, { style: "dateTimeSeconds" })}</Td>
                <Td>{e.userLogin}</Td>
                <Td>
                  <Badge>{t(`audit.actions.${e.action}` as MessageKey)}</Badge>
                </Td>
                <Td>
                  <Link className="hover:underline" href={`?type=${encodeURIComponent(e.objectType)}&id=${e.objectId ?? ""}`}>
                    {e.objectType} #{e.objectId} — {e.objectLabel}
                  </Link>
                </Td>
                <Td>
                  <ul className="space-y-0.5 text-xs">
                    {changedFields(e.before, e.after).slice(0, 12).map((c) => (
                      <li key={c.field} className="break-all">
                        <span className="font-medium">{c.field}</span>: {show(c.before)} → {show(c.after)}
                      </li>
                    ))}
                  </ul>
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
      <nav className="flex justify-between text-sm text-fg-muted" aria-label="pagination">
        <span>{t("adminCommon.results", { count: list.total })}</span>
        <span className="flex gap-3">
          {page > 1 ? <Link href={link(page - 1)}>{t("adminCommon.previous")}</Link> : null}
          <span>{t("adminCommon.page", { page, pages: list.pageCount })}</span>
          {page < list.pageCount ? <Link href={link(page + 1)}>{t("adminCommon.next")}</Link> : null}
        </span>
      </nav>
    </div>
  );
}
