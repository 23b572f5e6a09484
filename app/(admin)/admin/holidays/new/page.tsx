import { requirePage } from "@/lib/auth/session";
import { getTranslator } from "@/lib/i18n/server";
import { PageHeader } from "@/components/ui/page-header";
import { HolidayGroupForm } from "../holiday-form";

export default async function NewHolidayGroupPage() {
  await requirePage("admin.access");
  const { t } = await getTranslator();
  return (
    <div className="space-y-4">
      <PageHeader title={t("schedules.holidays.new")} />
      <HolidayGroupForm />
    </div>
  );
}
