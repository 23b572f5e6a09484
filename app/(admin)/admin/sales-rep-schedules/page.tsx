import { requirePage } from "@/lib/auth/session";
import { parseListParams } from "@/lib/admin/list";
import { listSalesRepSchedules, scheduleSortable } from "@/lib/agenda/queries";
import { availableQuarterCount } from "@/lib/agenda/slots";
import { getFormat, getTranslator } from "@/lib/i18n/server";
import { ListPage, RowLink } from "@/components/admin/list-page";
import { archiveSalesRepScheduleAction } from "./actions";

export default async function SalesRepSchedulesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requirePage("admin.access");
  const { t } = await getTranslator();
  const format = await getFormat();
  const params = parseListParams(await searchParams, scheduleSortable);
  const page = await listSalesRepSchedules(params);
  return (
    <ListPage
      title={t("agenda.schedules.title")}
      description={t("agenda.schedules.description_")}
      params={params}
      page={page}
      empty={t("agenda.schedules.empty")}
      create={{ href: "/admin/sales-rep-schedules/new", label: t("agenda.schedules.new") }}
      columns={[
        {
          key: "name",
          header: t("agenda.schedules.name"),
          sort: "name",
          className: "font-medium",
          cell: (s) => <RowLink href={`/admin/sales-rep-schedules/${s.id}`}>{s.name}</RowLink>,
        },
        { key: "tz", header: t("agenda.schedules.timeZone"), cell: (s) => s.timeZone },
        { key: "holidays", header: t("agenda.schedules.holidayGroup"), cell: (s) => s.holidayGroupName ?? "—" },
        {
          key: "available",
          header: t("agenda.schedules.available"),
          cell: (s) => t("agenda.schedules.availableHours", { hours: format.number(availableQuarterCount(s.greyed) / 4) }),
        },
        { key: "types", header: t("agenda.schedules.types"), cell: (s) => format.number(s.types) },
        { key: "reps", header: t("agenda.schedules.reps"), cell: (s) => format.number(s.reps) },
      ]}
      archive={{ action: archiveSalesRepScheduleAction, name: (s) => s.name }}
    />
  );
}
