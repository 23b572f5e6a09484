import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePage } from "@/lib/auth/session";
import { getTranslator } from "@/lib/i18n/server";
import { composerOptions } from "@/lib/mass-message/queries";
import { PageHeader } from "@/components/ui/page-header";
import { Composer } from "./composer";

/** «Envoyer un message»: compose a Facebook campaign's mass message (mass-message right only). */
export default async function MassMessagePage({ params }: { params: Promise<{ id: string }> }) {
  await requirePage("massMessage.send");
  const { t } = await getTranslator();
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0) notFound();
  const options = await composerOptions(id);
  if (!options || options.campaign.type !== "facebook") notFound();
  return (
    <div className="space-y-4">
      <PageHeader
        title={`${t("massMessage.title")} — ${options.campaign.name}`}
        description={t("massMessage.description")}
        actions={
          <Link href={`/admin/campaigns/${id}?tab=message`} className="text-sm underline">
            {t("massMessage.backToCampaign")}
          </Link>
        }
      />
      <p className="max-w-prose rounded-control border border-border bg-surface-muted p-3 text-sm">{t("massMessage.rules")}</p>
      <Composer campaignId={id} pageName={options.campaign.name} columns={options.columns} statuses={options.statuses} />
    </div>
  );
}
