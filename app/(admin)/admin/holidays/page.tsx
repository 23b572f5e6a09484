import { requirePage } from "@/lib/auth/session";
import { parseListParams } from "@/lib/admin/list";
import { holidayGroupSortable, listHolidayGroups } from "@/lib/calendars/holiday-queries";
import { getTranslator } from "@/lib/i18n/server";
import { ListPage, RowLink } from "@/components/admin/list-page";
import { archiveHolidayGroupAction } from "./actions";

export default async function HolidayGroupsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requirePage("admin.access");
  const { t } = await getTranslator();
  const params = parseListParams(await searchParams, holidayGroupSortable);
  const page = await listHolidayGroups(params);
  return (
    <ListPage
      title={t("schedules.holidays.title")}
      description={t("schedules.holidays.description_")}
      params={params}
      page={page}
      empty={t("schedules.holidays.empty")}
      create={{ href: "/admin/holidays/new", label: t("schedules.holidays.new") }}
      columns={[
        {
          key: "name",
          header: t("schedules.holidays.name"),
          sort: "name",
          className: "font-medium",
          cell: (g) => <RowLink href={`/admin/holidays/${g.id}`}>{g.name}</RowLink>,
        },
        { key: "count", header: t("schedules.holidays.count"), cell: (g) => g.holidays },
      ]}
      archive={{ action: archiveHolidayGroupAction, name: (g) => g.name }}
    />
  );
}
