import { requirePage } from "@/lib/auth/session";
import { getDefaults } from "@/lib/campaigns/defaults";
import { databaseOptions } from "@/lib/campaigns/options";
import { getTranslator } from "@/lib/i18n/server";
import { PageHeader } from "@/components/ui/page-header";
import { CreateCampaignForm } from "./create-campaign-form";

export default async function NewCampaignPage() {
  await requirePage("admin.access");
  const { t } = await getTranslator();
  const [databases, defaults] = await Promise.all([databaseOptions(), getDefaults()]);
  // The default parameters' database first, else the database marked as default.
  const preselected = databases.find((d) => d.id === defaults.databaseId) ?? databases.find((d) => d.isDefault) ?? null;
  return (
    <div className="space-y-4">
      <PageHeader title={t("campaigns.newTitle")} description={t("campaigns.newDescription")} />
      <CreateCampaignForm databases={databases.map(({ id, name }) => ({ id, name }))} defaultDatabaseId={preselected?.id ?? null} />
    </div>
  );
}
