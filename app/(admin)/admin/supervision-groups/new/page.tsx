import { requirePage } from "@/lib/auth/session";
import { getTranslator } from "@/lib/i18n/server";
import { memberCandidates } from "@/lib/hr/supervision-queries";
import { PageHeader } from "@/components/ui/page-header";
import { SupervisionGroupForm } from "../group-form";

export default async function NewSupervisionGroupPage() {
  await requirePage("admin.access");
  const { t } = await getTranslator();
  const candidates = await memberCandidates();
  return (
    <div className="space-y-4">
      <PageHeader title={t("hr.groups.new")} description={t("hr.groups.description_")} />
      <SupervisionGroupForm candidates={candidates} />
    </div>
  );
}
