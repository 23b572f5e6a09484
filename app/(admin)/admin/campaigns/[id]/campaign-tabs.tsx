"use client";

import { useMemo, useState } from "react";
import { useSearchParams } from "next/navigation";
import { campaignTabs, type CampaignTab } from "@/lib/campaigns/campaign.schema";
import type { CampaignForEdit } from "@/lib/campaigns/queries";
import type { CampaignOptions } from "@/lib/campaigns/options";
import { useT } from "@/lib/i18n/client";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { GeneralTab } from "./general-tab";
import { ReceptionTab } from "./reception-tab";
import { PredefinedResponses, type ResponseRow } from "./predefined-responses";
import { RelationTab } from "./relation-tab";
import { EmailTemplates, type TemplateRow } from "./email-templates";
import { HoldMusic } from "./hold-music";
import { SkillsTab } from "./skills-tab";
import { MassMessageHistory } from "@/components/mass-message/history";
import { adminMassMessageBase } from "@/lib/mass-message/paths";
import type { MassMessageListItem } from "@/lib/mass-message/queries";

type Tab = CampaignTab | "message";
const isTab = (v: string | null): v is Tab => v === "message" || campaignTabs.includes(v as CampaignTab);

/**
 * The four tabs, each its own form. All stay mounted (only hidden) so that switching tabs keeps
 * what was typed; a dot marks a tab with unsaved changes. `?tab=` selects the tab (the summary's
 * «Corriger» links use it) and follows the user's choice without a server round trip.
 */
export function CampaignTabs({
  initialTab,
  campaign,
  options,
  responses,
  templates,
  holdMusic,
  simulatorPlatformIds,
  massMessages,
}: {
  initialTab: Tab;
  campaign: CampaignForEdit;
  options: CampaignOptions;
  responses: ResponseRow[];
  templates: TemplateRow[];
  holdMusic: { fileName: string; size: number; version: string } | null;
  /** Platforms pointing at the running simulator: the «Général» tab offers its demo credentials there. */
  simulatorPlatformIds: number[];
  /** Facebook campaigns, for users with the mass-message right: the fifth tab «Envoyer un message». */
  massMessages: MassMessageListItem[] | null;
}) {
  const t = useT();
  const searchParams = useSearchParams();
  const [tab, setTab] = useState<Tab>(initialTab);
  const [dirty, setDirty] = useState<Record<CampaignTab, boolean>>({ general: false, reception: false, relation: false, skills: false });
  const requested = searchParams.get("tab");

  // A «Corriger» link of the summary changes ?tab= on this same page: follow it.
  const [seen, setSeen] = useState(requested);
  if (requested !== seen) {
    setSeen(requested);
    if (isTab(requested) && (requested !== "message" || massMessages)) setTab(requested);
  }

  function change(value: string) {
    if (!isTab(value) || (value === "message" && !massMessages)) return;
    setTab(value);
    const url = new URL(window.location.href);
    url.searchParams.set("tab", value);
    window.history.replaceState(null, "", url);
  }

  // Stable per tab, so the forms' effects reporting their dirty state run only when it changes.
  const onDirty = useMemo(
    () =>
      Object.fromEntries(
        campaignTabs.map((name) => [name, (value: boolean) => setDirty((d) => (d[name] === value ? d : { ...d, [name]: value }))]),
      ) as Record<CampaignTab, (value: boolean) => void>,
    [],
  );

  return (
    <Tabs value={tab} onValueChange={change}>
      <TabsList aria-label={t("campaigns.tabs.label")}>
        {campaignTabs.map((name) => (
          <TabsTrigger key={name} value={name}>
            {t(`campaigns.tabs.${name}`)}
            {dirty[name] ? (
              <span className="ml-1 text-warning" title={t("campaigns.unsaved")}>
                ●<span className="sr-only">{t("campaigns.unsaved")}</span>
              </span>
            ) : null}
          </TabsTrigger>
        ))}
        {massMessages ? <TabsTrigger value="message">{t("massMessage.tab")}</TabsTrigger> : null}
      </TabsList>
      <TabsContent value="general" forceMount className="data-[state=inactive]:hidden">
        <GeneralTab
          campaign={campaign}
          platforms={options.platforms}
          simulatorPlatformIds={simulatorPlatformIds}
          onDirty={onDirty.general}
        />
      </TabsContent>
      <TabsContent value="reception" forceMount className="space-y-8 data-[state=inactive]:hidden">
        <ReceptionTab campaign={campaign} options={options} onDirty={onDirty.reception} />
        <PredefinedResponses campaignId={campaign.id} responses={responses} />
      </TabsContent>
      <TabsContent value="relation" forceMount className="space-y-8 data-[state=inactive]:hidden">
        <RelationTab campaign={campaign} options={options} onDirty={onDirty.relation} />
        <EmailTemplates campaignId={campaign.id} templates={templates} />
        <HoldMusic campaignId={campaign.id} current={holdMusic} />
      </TabsContent>
      <TabsContent value="skills" forceMount className="data-[state=inactive]:hidden">
        <SkillsTab campaign={campaign} groups={options.skillGroups} onDirty={onDirty.skills} />
      </TabsContent>
      {massMessages ? (
        <TabsContent value="message">
          <MassMessageHistory
            composeHref={adminMassMessageBase(campaign.id)}
            basePath={adminMassMessageBase(campaign.id)}
            items={massMessages}
          />
        </TabsContent>
      ) : null}
    </Tabs>
  );
}
