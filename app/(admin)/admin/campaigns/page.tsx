import { requirePage } from "@/lib/auth/session";
import { parseListParams } from "@/lib/admin/list";
import { campaignSortable, listCampaignPage } from "@/lib/campaigns/queries";
import { getCampaignSummaries } from "@/lib/summary";
import { getTranslator } from "@/lib/i18n/server";
import { Badge } from "@/components/ui/badge";
import { ListPage, RowLink } from "@/components/admin/list-page";
import { LiveRefresh } from "@/components/live/live-refresh";
import { SummaryLight } from "@/components/summary/summary-light";

export default async function CampaignsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePage("admin.access");
  const { t } = await getTranslator();
  const params = parseListParams(await searchParams, campaignSortable);
  const page = await listCampaignPage(params);
  const summaries = await getCampaignSummaries(page.rows.map((r) => r.id));
  return (
    <ListPage
      title={t("campaigns.title")}
      description={t("campaigns.description")}
      // Summaries, states and conversation counts change in the background.
      intro={<LiveRefresh />}
      params={params}
      page={page}
      empty={t("campaigns.empty")}
      archivedToggle={false}
      create={{ href: "/admin/campaigns/new", label: t("campaigns.new") }}
      columns={[
        { key: "type", header: t("campaigns.type"), sort: "type", cell: (c) => t(`campaigns.types.${c.type}`) },
        {
          key: "name",
          header: t("campaigns.name"),
          sort: "name",
          className: "font-medium",
          cell: (c) => <RowLink href={`/admin/campaigns/${c.id}`}>{c.name}</RowLink>,
        },
        {
          key: "state",
          header: t("campaigns.state"),
          sort: "state",
          cell: (c) => (
            <Badge dot variant={c.state === "running" ? "green" : "neutral"}>
              {t(`campaigns.states.${c.state}`)}
            </Badge>
          ),
        },
        {
          key: "summary",
          header: t("campaigns.summaryColumn"),
          cell: (c) => <SummaryLight summary={summaries.get(c.id) ?? null} href={`/admin/campaigns/${c.id}`} />,
        },
        { key: "queue", header: t("campaigns.queue"), sort: "queue", cell: (c) => c.queueCode ?? "—" },
        { key: "waiting", header: t("campaigns.waiting"), sort: "waiting", cell: (c) => c.waiting },
        { key: "open", header: t("campaigns.open"), sort: "open", cell: (c) => c.open },
      ]}
    />
  );
}
