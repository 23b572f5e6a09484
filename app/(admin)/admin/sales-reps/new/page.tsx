import { requirePage } from "@/lib/auth/session";
import { salesRepScheduleOptions } from "@/lib/agenda/queries";
import { getTranslator } from "@/lib/i18n/server";
import { PageHeader } from "@/components/ui/page-header";
import { SalesRepForm } from "../rep-form";

export default async function NewSalesRepPage() {
  await requirePage("admin.access");
  const { t } = await getTranslator();
  const schedules = await salesRepScheduleOptions();
  return (
    <div className="space-y-4">
      <PageHeader title={t("agenda.reps.new")} />
      <SalesRepForm
        schedules={schedules}
        initial={{
          civility: "",
          lastName: "",
          firstName: "",
          email: "",
          phone: "",
          colour: "#2563eb",
          active: true,
          login: "",
          password: "",
          scheduleId: schedules.length === 1 ? schedules[0].id : null,
          zones: [],
          quotaPerDay: null,
          quotaPerWeek: null,
        }}
      />
    </div>
  );
}
