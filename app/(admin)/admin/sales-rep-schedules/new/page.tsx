import { requirePage } from "@/lib/auth/session";
import { defaultGreyed } from "@/lib/agenda/slots";
import { holidayGroupOptions } from "@/lib/calendars/holiday-queries";
import { supportedTimeZones } from "@/lib/calendars/schedule.schema";
import { defaultTimeZone } from "@/lib/campaigns/time-zone";
import { getTranslator } from "@/lib/i18n/server";
import { PageHeader } from "@/components/ui/page-header";
import { SalesRepScheduleForm } from "../schedule-form";

export default async function NewSalesRepSchedulePage() {
  await requirePage("admin.access");
  const { t } = await getTranslator();
  const [groups, timeZone] = await Promise.all([holidayGroupOptions(), defaultTimeZone()]);
  return (
    <div className="space-y-4">
      <PageHeader title={t("agenda.schedules.new")} />
      <SalesRepScheduleForm
        timeZones={supportedTimeZones()}
        holidayGroups={groups.map((g) => ({ id: g.id, name: g.name }))}
        initial={{
          name: "",
          timeZone,
          holidayGroupId: null,
          greyed: defaultGreyed(),
          types: [{ name: "", durationMinutes: 60, spanStart: "08:00", spanEnd: "19:00" }],
          locations: [],
          agentsMayBook: true,
          agentsMayMove: false,
          agentsMayCancel: false,
          maxDaysAhead: 60,
          minNoticeMinutes: 60,
        }}
      />
    </div>
  );
}
