import { notFound } from "next/navigation";
import { requirePage } from "@/lib/auth/session";
import { getSchedule } from "@/lib/calendars/queries";
import { holidayGroupsForCheck } from "@/lib/calendars/holiday-queries";
import { supportedTimeZones } from "@/lib/calendars/schedule.schema";
import { getTranslator } from "@/lib/i18n/server";
import { PageHeader } from "@/components/ui/page-header";
import { ScheduleForm } from "../schedule-form";

export default async function EditSchedulePage({ params }: { params: Promise<{ id: string }> }) {
  await requirePage("admin.access");
  const { t } = await getTranslator();
  const id = Number((await params).id);
  const schedule = Number.isSafeInteger(id) && id > 0 ? await getSchedule(id) : null;
  if (!schedule) notFound();
  // A zone this server no longer lists stays choosable for the schedule that has it.
  const zones = supportedTimeZones();
  if (!zones.includes(schedule.timeZone)) zones.unshift(schedule.timeZone);
  return (
    <div className="space-y-4">
      <PageHeader title={t("schedules.editTitle", { name: schedule.name })} />
      <ScheduleForm
        schedule={{
          id: schedule.id,
          name: schedule.name,
          timeZone: schedule.timeZone,
          days: schedule.days,
          version: schedule.updatedAt.toISOString(),
        }}
        timeZones={zones}
        holidayGroups={await holidayGroupsForCheck()}
      />
    </div>
  );
}
