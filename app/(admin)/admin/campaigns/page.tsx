import Link from "next/link";
import { requirePage } from "@/lib/auth/session";
import { parseListParams } from "@/lib/admin/list";
import { campaignSortable, listCampaignPage } from "@/lib/campaigns/queries";
import { getCampaignSummaries } from "@/lib/summary";
import { getTranslator } from "@/lib/i18n/server";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";
import { buttonClassName } from "@/components/ui/button-styles";
import { EmptyState, Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { ListToolbar, Pager, SortHeader } from "@/components/admin/list-toolbar";
import { LiveRefresh } from "@/components/live/live-refresh";
import { SummaryLight } from "@/components/summary/summary-light";

export default async function CampaignsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePage("admin.access");
  const { t } = await getTranslator();
  const params = parseListParams(await searchParams, campaignSortable);
  const page = await listCampaignPage(params);
  const summaries = await getCampaignSummaries(page.rows.map((r) => r.id));
  const sortable = (column: (typeof campaignSortable)[number], label: string) => (
    <SortHeader params={params} column={column}>
      {label}
    </SortHeader>
  );
  return (
    <div className="space-y-4">
      {/* Summaries, states and conversation counts change in the background. */}
      <LiveRefresh />
      <PageHeader title={t("campaigns.title")} description={t("campaigns.description")} />
      <ListToolbar
        params={params}
        showArchivedToggle={false}
        actions={
          <Link href="/admin/campaigns/new" className={buttonClassName()}>
            {t("campaigns.new")}
          </Link>
        }
      />
      {page.rows.length === 0 ? (
        <EmptyState title={params.q ? t("adminCommon.noResults") : t("campaigns.empty")} />
      ) : (
        <Table>
          <THead>
            <Tr>
              <Th>{sortable("type", t("campaigns.type"))}</Th>
              <Th>{sortable("name", t("campaigns.name"))}</Th>
              <Th>{sortable("state", t("campaigns.state"))}</Th>
              <Th>{t("campaigns.summaryColumn")}</Th>
              <Th>{sortable("queue", t("campaigns.queue"))}</Th>
              <Th>{sortable("waiting", t("campaigns.waiting"))}</Th>
              <Th>{sortable("open", t("campaigns.open"))}</Th>
            </Tr>
          </THead>
          <TBody>
            {page.rows.map((c) => {
              const summary = summaries.get(c.id);
              return (
                <Tr key={c.id}>
                  <Td>{t(`campaigns.types.${c.type}`)}</Td>
                  <Td className="font-medium">
                    <Link href={`/admin/campaigns/${c.id}`} className="hover:underline">
                      {c.name}
                    </Link>
                  </Td>
                  <Td>
                    <Badge dot variant={c.state === "running" ? "green" : "neutral"}>
                      {t(`campaigns.states.${c.state}`)}
                    </Badge>
                  </Td>
                  <Td>
                    <SummaryLight summary={summary ?? null} href={`/admin/campaigns/${c.id}`} />
                  </Td>
                  <Td>{c.queueCode ?? "—"}</Td>
                  <Td>{c.waiting}</Td>
                  <Td>{c.open}</Td>
                </Tr>
              );
            })}
          </TBody>
        </Table>
      )}
      <Pager params={params} total={page.total} pageCount={page.pageCount} />
    </div>
  );
}
