import { notFound } from "next/navigation";
import { requirePage } from "@/lib/auth/session";
import { getSalesRepSchedule } from "@/lib/agenda/queries";
import { holidayGroupOptions } from "@/lib/calendars/holiday-queries";
import { supportedTimeZones } from "@/lib/calendars/schedule.schema";
import { getTranslator } from "@/lib/i18n/server";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { SalesRepScheduleForm } from "../schedule-form";

export default async function SalesRepSchedulePage({ params }: { params: Promise<{ id: string }> }) {
  await requirePage("admin.access");
  const { t } = await getTranslator();
  const id = Number((await params).id);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  const [s, groups] = await Promise.all([getSalesRepSchedule(id), holidayGroupOptions()]);
  if (!s) notFound();
  return (
    <div className="space-y-4">
      <PageHeader
        title={
          <>
            {t("agenda.schedules.editTitle", { name: s.name })} {s.archivedAt ? <Badge>{t("adminCommon.archived")}</Badge> : null}
          </>
        }
      />
      <SalesRepScheduleForm
        schedule={{ id, version: s.updatedAt.toISOString() }}
        timeZones={supportedTimeZones()}
        holidayGroups={groups.map((g) => ({ id: g.id, name: g.name }))}
        initial={{
          name: s.name,
          timeZone: s.timeZone,
          holidayGroupId: s.holidayGroupId,
          greyed: s.greyed,
          types: s.types.map((x) => ({
            id: x.id,
            name: x.name,
            durationMinutes: x.durationMinutes,
            spanStart: x.spanStart,
            spanEnd: x.spanEnd,
          })),
          locations: s.locations.map((l) => ({ id: l.id, name: l.name })),
          agentsMayBook: s.agentsMayBook,
          agentsMayMove: s.agentsMayMove,
          agentsMayCancel: s.agentsMayCancel,
          maxDaysAhead: s.maxDaysAhead,
          minNoticeMinutes: s.minNoticeMinutes,
        }}
      />
    </div>
  );
}
