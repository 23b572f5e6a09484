import { requirePage } from "@/lib/auth/session";
import { getTranslator } from "@/lib/i18n/server";
import { PageHeader } from "@/components/ui/page-header";
import { X_API_BASE_URL } from "@/lib/networks/twitter/client";
import { GRAPH_API_BASE_URL } from "@/lib/networks/facebook/client";
import { PlatformForm } from "../../platform-form";

export default async function NewPlatformPage() {
  await requirePage("admin.access");
  const { t } = await getTranslator();
  return (
    <div className="space-y-4">
      <PageHeader title={t("campaigns.root.newPlatform")} />
      {/* A new platform starts on the real networks; the demo one points at the simulator. */}
      <PlatformForm defaults={{ twitterBaseUrl: X_API_BASE_URL, facebookBaseUrl: GRAPH_API_BASE_URL }} />
    </div>
  );
}
