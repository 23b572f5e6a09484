import { requirePage } from "@/lib/auth/session";
import { skillChoices } from "@/lib/distribution/queries";
import { getTranslator } from "@/lib/i18n/server";
import { PageHeader } from "@/components/ui/page-header";
import { DistributionGroupForm } from "../distribution-group-form";

export default async function NewDistributionGroupPage() {
  await requirePage("admin.access");
  const { t } = await getTranslator();
  return (
    <div className="space-y-4">
      <PageHeader title={t("distribution.new")} />
      <DistributionGroupForm skills={await skillChoices()} />
    </div>
  );
}
