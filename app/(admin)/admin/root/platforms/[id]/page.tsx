import { notFound } from "next/navigation";
import { requirePage } from "@/lib/auth/session";
import { getPlatform } from "@/lib/campaigns/root";
import { getTranslator } from "@/lib/i18n/server";
import { PageHeader } from "@/components/ui/page-header";
import { PlatformForm } from "../../platform-form";

export default async function EditPlatformPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePage("admin.access");
  const { t } = await getTranslator();
  const id = Number((await params).id);
  const platform = Number.isInteger(id) && id > 0 ? await getPlatform(id) : null;
  if (!platform) notFound();
  return (
    <div className="space-y-4">
      <PageHeader title={t("campaigns.root.editPlatform", { name: platform.name })} />
      <PlatformForm
        platform={{
          id: platform.id,
          name: platform.name,
          twitterBaseUrl: platform.twitterBaseUrl,
          facebookBaseUrl: platform.facebookBaseUrl,
          version: platform.updatedAt.toISOString(),
        }}
      />
    </div>
  );
}
