import Link from "next/link";
import { requirePage } from "@/lib/auth/session";
import { listParamsSchema } from "@/lib/admin/list";
import { auditObjectTypes, changedFields, listAudit } from "@/lib/admin/audit-queries";
import { objectTypeName } from "@/lib/admin/audit-labels";
import { getFormat, getTranslator } from "@/lib/i18n/server";
import type { MessageKey } from "@/lib/i18n/translate";
import { Badge } from "@/components/ui/badge";
import { ListPage } from "@/components/admin/list-page";

const show = (v: unknown) => (v === undefined || v === null ? "∅" : typeof v === "string" ? v : JSON.stringify(v));

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  await requirePage("admin.access");
  const { t, locale } = await getTranslator();
  const format = await getFormat();
  const sp = await searchParams;
  const page = Math.max(1, Number(sp.page) || 1);
  const filter = { type: sp.type || undefined, objectId: Number(sp.id) || undefined, q: (sp.q ?? "").slice(0, 100), page };
  const [list, codes] = await Promise.all([listAudit(filter), auditObjectTypes()]);
  const types = codes.map((code) => ({ code, name: objectTypeName(t, code) })).sort((a, b) => a.name.localeCompare(b.name, locale));
  // The log is newest first, not sortable; its filters go beyond the common search.
  const params = { ...listParamsSchema.parse({}), q: filter.q, page, sort: undefined };
  const pagerQuery = { ...(filter.type ? { type: filter.type } : {}), ...(filter.objectId ? { id: String(filter.objectId) } : {}) };
  return (
    <ListPage
      title={t("audit.title")}
      description={t("audit.description")}
      params={params}
      page={list}
      empty={t("audit.empty")}
      noResults={t("audit.empty")}
      pagerQuery={pagerQuery}
      toolbar={
        <form method="get" className="flex flex-wrap items-end gap-2" role="search">
          <label className="flex flex-col text-sm">
            {t("audit.objectType")}
            <select name="type" defaultValue={filter.type ?? ""} className="h-9 rounded-control border border-border bg-surface px-2">
              <option value="">{t("audit.allTypes")}</option>
              {types.map((ty) => (
                <option key={ty.code} value={ty.code}>
                  {ty.name}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col text-sm">
            {t("audit.objectId")}
            <input
              name="id"
              inputMode="numeric"
              defaultValue={filter.objectId ?? ""}
              className="h-9 w-24 rounded-control border border-border bg-surface px-2"
            />
          </label>
          <label className="flex flex-col text-sm">
            {t("common.search")}
            <input name="q" defaultValue={filter.q} className="h-9 w-56 rounded-control border border-border bg-surface px-2" />
          </label>
          <button type="submit" className="h-9 rounded-control border border-border-strong bg-surface px-3 text-sm hover:bg-surface-muted">
            {t("audit.filter")}
          </button>
        </form>
      }
      columns={[
        {
          key: "at",
          header: t("audit.when"),
          className: "whitespace-nowrap",
          cell: (e) => format.dateTime(e.at, { style: "dateTimeSeconds" }),
        },
        { key: "who", header: t("audit.who"), cell: (e) => e.userLogin },
        { key: "action", header: t("audit.action"), cell: (e) => <Badge>{t(`audit.actions.${e.action}` as MessageKey)}</Badge> },
        {
          key: "object",
          header: t("audit.object"),
          cell: (e) => (
            <Link className="hover:underline" href={`?type=${encodeURIComponent(e.objectType)}&id=${e.objectId ?? ""}`}>
              {objectTypeName(t, e.objectType)} #{e.objectId} — {e.objectLabel}
            </Link>
          ),
        },
        {
          key: "changes",
          header: t("audit.changes"),
          cell: (e) => (
            <ul className="space-y-0.5 text-xs">
              {changedFields(e.before, e.after)
                .slice(0, 12)
                .map((c) => (
                  <li key={c.field} className="break-all">
                    <span className="font-medium">{c.field}</span>: {show(c.before)} → {show(c.after)}
                  </li>
                ))}
            </ul>
          ),
        },
      ]}
    />
  );
}
