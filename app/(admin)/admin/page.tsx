import { requirePage } from "@/lib/auth/session";
import { listCampaigns } from "@/lib/campaigns/queries";
import { getFormat, getTranslator } from "@/lib/i18n/server";
import { campaignTimeZones } from "@/lib/campaigns/time-zone";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";
import { EmptyState, Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { LiveRefresh } from "@/components/live/live-refresh";

export default async function AdminHome() {
  await requirePage("admin.access");
  const { t } = await getTranslator();
  const rows = await listCampaigns();
  const [format, zones] = await Promise.all([getFormat(), campaignTimeZones(rows.map((c) => c.id))]);
  return (
    <div className="space-y-6">
      <LiveRefresh />
      <PageHeader title={t("admin.title")} description={t("admin.description")} />
      <section className="space-y-3">
        <h2 className="text-lg font-semibold">{t("admin.campaigns")}</h2>
        {rows.length === 0 ? (
          <EmptyState title={t("admin.noCampaigns")} />
        ) : (
          <Table>
            <THead>
              <Tr>
                <Th>{t("admin.campaignType")}</Th>
                <Th>{t("admin.campaignName")}</Th>
                <Th>{t("admin.campaignState")}</Th>
                <Th>{t("admin.queue")}</Th>
                <Th>{t("admin.searchQuery")}</Th>
                <Th>{t("admin.waiting")}</Th>
                <Th>{t("admin.open")}</Th>
                <Th>{t("admin.lastPoll")}</Th>
              </Tr>
            </THead>
            <TBody>
              {rows.map((c) => (
                <Tr key={c.id}>
                  <Td>{c.type === "twitter" ? "X / Twitter" : "Facebook"}</Td>
                  <Td className="font-medium">{c.name}</Td>
                  <Td>
                    <Badge dot variant={c.state === "running" ? "green" : "neutral"}>
                      {t(c.state === "running" ? "admin.running" : "admin.stopped")}
                    </Badge>
                  </Td>
                  <Td>{c.queueCode ?? "—"}</Td>
                  <Td>
                    <code>{c.searchQuery}</code>
                  </Td>
                  <Td>{c.waiting}</Td>
                  <Td>{c.open}</Td>
                  <Td>
                    {c.lastPolledAt ? format.dateTime(c.lastPolledAt, { style: "dateTimeSeconds", timeZone: zones.get(c.id) }) : "—"}
                    {c.lastError ? <p className="text-xs text-danger">{c.lastError}</p> : null}
                  </Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        )}
      </section>
    </div>
  );
}
