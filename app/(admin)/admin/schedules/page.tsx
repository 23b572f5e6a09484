import Link from "next/link";
import { requirePage } from "@/lib/auth/session";
import { parseListParams } from "@/lib/admin/list";
import { listSchedules, scheduleSortable } from "@/lib/calendars/queries";
import { daySlots } from "@/lib/calendars/hours";
import { weekdays } from "@/lib/calendars/schedule.schema";
import { getTranslator } from "@/lib/i18n/server";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";
import { buttonClassName } from "@/components/ui/button-styles";
import { EmptyState, Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { ListToolbar, Pager, SortHeader } from "@/components/admin/list-toolbar";
import { ArchiveButton } from "@/components/admin/archive-button";
import { archiveScheduleAction } from "./actions";

export default async function SchedulesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePage("admin.access");
  const { t } = await getTranslator();
  const params = parseListParams(await searchParams, scheduleSortable);
  const page = await listSchedules(params);
  return (
    <div className="space-y-4">
      <PageHeader title={t("schedules.title")} description={t("schedules.description_")} />
      <ListToolbar
        params={params}
        actions={
          <Link href="/admin/schedules/new" className={buttonClassName()}>
            {t("schedules.new")}
          </Link>
        }
      />
      {page.rows.length === 0 ? (
        <EmptyState title={params.q ? t("adminCommon.noResults") : t("schedules.empty")} />
      ) : (
        <Table>
          <THead>
            <Tr>
              <Th>
                <SortHeader params={params} column="name">
                  {t("schedules.name")}
                </SortHeader>
              </Th>
              <Th>
                <SortHeader params={params} column="timeZone">
                  {t("schedules.timeZone")}
                </SortHeader>
              </Th>
              <Th>{t("schedules.openDays")}</Th>
              <Th>{t("common.actions")}</Th>
            </Tr>
          </THead>
          <TBody>
            {page.rows.map((s) => {
              const open = weekdays.filter((_, i) => daySlots(s.days[i]).length > 0);
              return (
                <Tr key={s.id}>
                  <Td className="font-medium">
                    <Link href={`/admin/schedules/${s.id}`} className="hover:underline">
                      {s.name}
                    </Link>{" "}
                    {s.archivedAt ? <Badge>{t("adminCommon.archived")}</Badge> : null}
                  </Td>
                  <Td>{s.timeZone}</Td>
                  <Td>{open.length ? open.map((d) => t(`schedules.weekdaysShort.${d}`)).join(", ") : t("schedules.alwaysClosed")}</Td>
                  <Td>
                    <ArchiveButton id={s.id} name={s.name} archived={Boolean(s.archivedAt)} action={archiveScheduleAction} />
                  </Td>
                </Tr>
              );
            })}
          </TBody>
        </Table>
      )}
      <Pager params={params} total={page.total} pageCount={page.pageCount} />
    </div>
  );
}
