import { requirePage } from "@/lib/auth/session";
import { parseListParams } from "@/lib/admin/list";
import { listSalesReps, repName, repSortable } from "@/lib/agenda/queries";
import { getTranslator } from "@/lib/i18n/server";
import { ListPage, RowLink } from "@/components/admin/list-page";
import { Badge } from "@/components/ui/badge";
import { archiveSalesRepAction } from "./actions";

export default async function SalesRepsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePage("admin.access");
  const { t } = await getTranslator();
  const params = parseListParams(await searchParams, repSortable);
  const page = await listSalesReps(params);
  return (
    <ListPage
      title={t("agenda.reps.title")}
      description={t("agenda.reps.description_")}
      params={params}
      page={page}
      empty={t("agenda.reps.empty")}
      create={{ href: "/admin/sales-reps/new", label: t("agenda.reps.new") }}
      columns={[
        {
          key: "name",
          header: t("agenda.reps.name"),
          sort: "name",
          className: "font-medium",
          cell: (r) => (
            <span className="inline-flex items-center gap-2">
              <span aria-hidden className="inline-block size-3 rounded-full" style={{ backgroundColor: r.colour }} />
              <RowLink href={`/admin/sales-reps/${r.id}`}>{repName(r)}</RowLink>
            </span>
          ),
        },
        {
          key: "state",
          header: t("agenda.reps.state"),
          cell: (r) => (r.active ? t("agenda.reps.stateActive") : <Badge>{t("agenda.reps.stateInactive")}</Badge>),
        },
        { key: "schedule", header: t("agenda.reps.schedule"), sort: "schedule", cell: (r) => r.scheduleName ?? "—" },
        { key: "zones", header: t("agenda.reps.zones"), cell: (r) => (r.zones.length ? r.zones.join(", ") : "—") },
        { key: "email", header: t("agenda.reps.email"), cell: (r) => r.email || "—" },
        { key: "login", header: t("agenda.reps.login"), cell: (r) => r.login ?? "—" },
      ]}
      archive={{ action: archiveSalesRepAction, name: (r) => repName(r) }}
    />
  );
}
