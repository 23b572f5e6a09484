import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePage } from "@/lib/auth/session";
import { getTranslator } from "@/lib/i18n/server";
import { listMassMessages, massMessageCampaign } from "@/lib/mass-message/queries";
import { sectionMassMessageBase } from "@/lib/mass-message/paths";
import { LiveRefresh } from "@/components/live/live-refresh";
import { MassMessageHistory } from "@/components/mass-message/history";
import { PageHeader } from "@/components/ui/page-header";

/** A Facebook campaign's sends, and the way to a new one (the same list as the admins' tab). */
export default async function CampaignMassMessagesPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePage("massMessage.send");
  const { t } = await getTranslator();
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0) notFound();
  const campaign = await massMessageCampaign(id);
  if (!campaign) notFound();
  const base = sectionMassMessageBase(id);
  return (
    <div className="space-y-2">
      <LiveRefresh />
      <PageHeader
        title={t("massMessage.section.sendsOf", { name: campaign.name })}
        actions={
          <Link href="/mass-message" className="text-sm underline">
            {t("massMessage.section.backToList")}
          </Link>
        }
      />
      <MassMessageHistory composeHref={`${base}/new`} basePath={base} items={await listMassMessages(id)} />
    </div>
  );
}
