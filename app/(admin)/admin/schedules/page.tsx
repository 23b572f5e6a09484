import { requirePage } from "@/lib/auth/session";
import { parseListParams } from "@/lib/admin/list";
import { listSchedules, scheduleSortable } from "@/lib/calendars/queries";
import { daySlots } from "@/lib/calendars/hours";
import { weekdays } from "@/lib/calendars/schedule.schema";
import { getTranslator } from "@/lib/i18n/server";
import { ListPage, RowLink } from "@/components/admin/list-page";
import { archiveScheduleAction } from "./actions";

export default async function SchedulesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePage("admin.access");
  const { t } = await getTranslator();
  const params = parseListParams(await searchParams, scheduleSortable);
  const page = await listSchedules(params);
  const openDays = (s: (typeof page.rows)[number]) => {
    const open = weekdays.filter((_, i) => daySlots(s.days[i]).length > 0);
    return open.length ? open.map((d) => t(`schedules.weekdaysShort.${d}`)).join(", ") : t("schedules.alwaysClosed");
  };
  return (
    <ListPage
      title={t("schedules.title")}
      description={t("schedules.description_")}
      params={params}
      page={page}
      empty={t("schedules.empty")}
      create={{ href: "/admin/schedules/new", label: t("schedules.new") }}
      columns={[
        {
          key: "name",
          header: t("schedules.name"),
          sort: "name",
          className: "font-medium",
          cell: (s) => <RowLink href={`/admin/schedules/${s.id}`}>{s.name}</RowLink>,
        },
        { key: "timeZone", header: t("schedules.timeZone"), sort: "timeZone", cell: (s) => s.timeZone },
        { key: "openDays", header: t("schedules.openDays"), cell: openDays },
      ]}
      archive={{ action: archiveScheduleAction, name: (s) => s.name }}
    />
  );
}
