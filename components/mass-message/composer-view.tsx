import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslator } from "@/lib/i18n/server";
import { composerOptions } from "@/lib/mass-message/queries";
import { PageHeader } from "@/components/ui/page-header";
import { Composer } from "./composer";

/**
 * «Envoyer un message»: the composer of a Facebook campaign's mass message, shown by the
 * administrators' campaign tab and by the /mass-message section (`basePath` is the campaign's
 * mass-message page there, `backHref` where «back» goes). The caller checked the permission.
 */
export async function MassMessageComposerView({
  campaignId,
  basePath,
  backHref,
}: {
  campaignId: number;
  basePath: string;
  backHref: string;
}) {
  const { t } = await getTranslator();
  const options = await composerOptions(campaignId);
  if (!options || options.campaign.type !== "facebook") notFound();
  return (
    <div className="space-y-4">
      <PageHeader
        title={`${t("massMessage.title")} — ${options.campaign.name}`}
        description={t("massMessage.description")}
        actions={
          <Link href={backHref} className="text-sm underline">
            {t("massMessage.backToCampaign")}
          </Link>
        }
      />
      <p className="max-w-prose rounded-control border border-border bg-surface-muted p-3 text-sm">{t("massMessage.rules")}</p>
      <Composer
        campaignId={campaignId}
        basePath={basePath}
        pageName={options.campaign.name}
        columns={options.columns}
        statuses={options.statuses}
      />
    </div>
  );
}
