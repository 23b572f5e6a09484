import { notFound } from "next/navigation";
import { requirePage } from "@/lib/auth/session";
import { campaignTabs, type CampaignTab } from "@/lib/campaigns/campaign.schema";
import { getCampaignForEdit, listEmailTemplates, listPredefinedResponses } from "@/lib/campaigns/queries";
import { holdMusicInfo } from "@/lib/campaigns/hold-music";
import { campaignOptions } from "@/lib/campaigns/options";
import { simulatorPlatformIds } from "@/lib/campaigns/demo-credentials";
import { getTranslator } from "@/lib/i18n/server";
import { TimeZoneScope } from "@/lib/i18n/client";
import { campaignTimeZone } from "@/lib/campaigns/time-zone";
import { PageHeader } from "@/components/ui/page-header";
import { LiveRefresh } from "@/components/live/live-refresh";
import { SummaryPanel } from "@/components/summary/summary-panel";
import { CampaignTabs } from "./campaign-tabs";
import { StateButtons } from "./state-buttons";
import { SourcesPanel } from "./sources-panel";
import { GateCard } from "./gate-card";
import { can } from "@/lib/auth/permissions";
import { listMassMessages } from "@/lib/mass-message/queries";

export default async function CampaignPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePage("admin.access");
  const { t } = await getTranslator();
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0) notFound();
  const campaign = await getCampaignForEdit(id);
  if (!campaign) notFound();
  const [options, responses, templates, music, simulatorPlatforms] = await Promise.all([
    campaignOptions(),
    listPredefinedResponses(id),
    listEmailTemplates(id),
    holdMusicInfo(id),
    simulatorPlatformIds(campaign.type),
  ]);
  const holdMusic = music ? { fileName: music.fileName, size: music.size, version: music.updatedAt.toISOString() } : null;
  // The fifth tab, «Envoyer un message», only for Facebook campaigns and users with the mass-message right.
  const massMessages = campaign.type === "facebook" && can(user, "massMessage.send") ? await listMassMessages(id) : null;
  const requested = (await searchParams).tab;
  const tab: CampaignTab | "message" =
    requested === "message" && massMessages
      ? "message"
      : campaignTabs.includes(requested as CampaignTab)
        ? (requested as CampaignTab)
        : "general";
  // The tabs show the campaign's times (search preview, script versions) in its time zone.
  const timeZone = await campaignTimeZone(id);
  return (
    <TimeZoneScope timeZone={timeZone}>
      <div className="space-y-4">
        {/* The summary and the state change in the background (other admins, the summary job). */}
        <LiveRefresh />
        <PageHeader
          title={campaign.name}
          description={t("campaigns.pageDescription", { type: t(`campaigns.types.${campaign.type}`) })}
          actions={<StateButtons id={campaign.id} name={campaign.name} state={campaign.state} />}
        />
        <div className="grid grid-cols-[minmax(0,1fr)] items-start gap-6 xl:grid-cols-[minmax(0,1fr)_24rem]">
          <CampaignTabs
            initialTab={tab}
            campaign={campaign}
            options={options}
            responses={responses}
            templates={templates}
            holdMusic={holdMusic}
            simulatorPlatformIds={simulatorPlatforms}
            massMessages={massMessages}
          />
          <aside aria-label={t("campaigns.summaryColumn")} className="space-y-6">
            <GateCard campaignId={campaign.id} />
            <SummaryPanel campaignId={campaign.id} />
            <SourcesPanel campaignId={campaign.id} />
          </aside>
        </div>
      </div>
    </TimeZoneScope>
  );
}
