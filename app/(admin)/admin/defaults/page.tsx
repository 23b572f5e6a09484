import { requirePage } from "@/lib/auth/session";
import { defaultsOptions, getDefaults } from "@/lib/campaigns/defaults";
import { getTranslator } from "@/lib/i18n/server";
import { PageHeader } from "@/components/ui/page-header";
import { DefaultsForm } from "./defaults-form";

export default async function DefaultsPage() {
  await requirePage("admin.access");
  const { t } = await getTranslator();
  const [defaults, options] = await Promise.all([getDefaults(), defaultsOptions()]);
  return (
    <div className="space-y-4">
      <PageHeader title={t("defaults.title")} description={t("defaults.description")} />
      <DefaultsForm
        values={{
          databaseId: defaults.databaseId,
          qualificationGroupId: defaults.qualificationGroupId,
          scheduleId: defaults.scheduleId,
          holidayGroupId: defaults.holidayGroupId,
          addressBookId: defaults.addressBookId,
          salesRepScheduleId: defaults.salesRepScheduleId,
        }}
        version={defaults.updatedAt ? defaults.updatedAt.toISOString() : undefined}
        options={{
          databaseId: options.databases,
          qualificationGroupId: options.groups,
          scheduleId: options.schedules,
          holidayGroupId: options.holidays,
          addressBookId: options.addressBooks,
          salesRepScheduleId: options.salesRepSchedules,
        }}
      />
    </div>
  );
}
