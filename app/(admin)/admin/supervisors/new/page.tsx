import { requirePage } from "@/lib/auth/session";
import { getTranslator } from "@/lib/i18n/server";
import { supervisionGroupOptions } from "@/lib/hr/agent-queries";
import { PageHeader } from "@/components/ui/page-header";
import { SupervisorForm } from "../supervisor-form";

export default async function NewSupervisorPage() {
  await requirePage("admin.access");
  const { t } = await getTranslator();
  const groups = await supervisionGroupOptions();
  return (
    <div className="space-y-4">
      <PageHeader title={t("hr.supervisors.new")} />
      <SupervisorForm groups={groups} />
    </div>
  );
}
