import Link from "next/link";
import { requirePage } from "@/lib/auth/session";
import { parseListParams } from "@/lib/admin/list";
import { holidayGroupSortable, listHolidayGroups } from "@/lib/calendars/holiday-queries";
import { getTranslator } from "@/lib/i18n/server";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";
import { buttonClassName } from "@/components/ui/button-styles";
import { EmptyState, Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { ListToolbar, Pager, SortHeader } from "@/components/admin/list-toolbar";
import { ArchiveButton } from "@/components/admin/archive-button";
import { archiveHolidayGroupAction } from "./actions";

export default async function HolidayGroupsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePage("admin.access");
  const { t } = await getTranslator();
  const params = parseListParams(await searchParams, holidayGroupSortable);
  const page = await listHolidayGroups(params);
  return (
    <div className="space-y-4">
      <PageHeader title={t("schedules.holidays.title")} description={t("schedules.holidays.description_")} />
      <ListToolbar
        params={params}
        actions={
          <Link href="/admin/holidays/new" className={buttonClassName()}>
            {t("schedules.holidays.new")}
          </Link>
        }
      />
      {page.rows.length === 0 ? (
        <EmptyState title={params.q ? t("adminCommon.noResults") : t("schedules.holidays.empty")} />
      ) : (
        <Table>
          <THead>
            <Tr>
              <Th>
                <SortHeader params={params} column="name">
                  {t("schedules.holidays.name")}
                </SortHeader>
              </Th>
              <Th>{t("schedules.holidays.count")}</Th>
              <Th>{t("common.actions")}</Th>
            </Tr>
          </THead>
          <TBody>
            {page.rows.map((g) => (
              <Tr key={g.id}>
                <Td className="font-medium">
                  <Link href={`/admin/holidays/${g.id}`} className="hover:underline">
                    {g.name}
                  </Link>{" "}
                  {g.archivedAt ? <Badge>{t("adminCommon.archived")}</Badge> : null}
                </Td>
                <Td>{g.holidays}</Td>
                <Td>
                  <ArchiveButton id={g.id} name={g.name} archived={Boolean(g.archivedAt)} action={archiveHolidayGroupAction} />
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
      <Pager params={params} total={page.total} pageCount={page.pageCount} />
    </div>
  );
}
