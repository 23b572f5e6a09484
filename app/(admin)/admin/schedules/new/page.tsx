import { requirePage } from "@/lib/auth/session";
import { holidayGroupsForCheck } from "@/lib/calendars/holiday-queries";
import { supportedTimeZones } from "@/lib/calendars/schedule.schema";
import { getTranslator } from "@/lib/i18n/server";
import { PageHeader } from "@/components/ui/page-header";
import { ScheduleForm } from "../schedule-form";

export default async function NewSchedulePage() {
  await requirePage("admin.access");
  const { t } = await getTranslator();
  return (
    <div className="space-y-4">
      <PageHeader title={t("schedules.new")} />
      <ScheduleForm timeZones={supportedTimeZones()} holidayGroups={await holidayGroupsForCheck()} />
    </div>
  );
}
