import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getFormat, getTranslator } from "@/lib/i18n/server";
import { listCampaignSources, type SourceView } from "@/lib/ingestion/queries";
import { campaignTimeZone } from "@/lib/campaigns/time-zone";

const lightOf = (s: SourceView) => (s.lastErrorKind === "unauthorized" ? "red" : s.lastErrorKind ? "orange" : "green");

/**
 * «Sources»: each place the campaign reads from, with its last poll, its last error, what it read
 * this month and what that costs at X's 2026 prices. Refreshed with the page (live events).
 */
export async function SourcesPanel({ campaignId }: { campaignId: number }) {
  const { t } = await getTranslator();
  const format = await getFormat(await campaignTimeZone(campaignId));
  const { sources, budgetCents, spentCents } = await listCampaignSources(campaignId);
  const usd = (cents: number) => format.number(cents / 100, { style: "currency", currency: "USD" });
  return (
    <Card aria-labelledby={`sources-${campaignId}`} data-testid="sources-panel">
      <CardHeader>
        <CardTitle id={`sources-${campaignId}`}>{t("ingestion.sources.title")}</CardTitle>
        <CardDescription>
          {budgetCents === null
            ? t("ingestion.sources.costNoBudget", { spent: usd(spentCents) })
            : t("ingestion.sources.costWithBudget", { spent: usd(spentCents), budget: usd(budgetCents) })}
        </CardDescription>
      </CardHeader>
      <CardContent>
        {sources.length === 0 ? (
          <p className="text-sm text-fg-muted">{t("ingestion.sources.empty")}</p>
        ) : (
          <ul className="divide-y divide-border">
            {sources.map((s) => {
              const light = lightOf(s);
              return (
                <li key={s.kind} className="space-y-1 py-2.5" data-source={s.kind}>
                  <div className="flex flex-wrap items-center justify-between gap-2">
                    <span className="font-medium">{t(`ingestion.kinds.${s.kind}`)}</span>
                    <Badge dot variant={light} data-light={light}>
                      {s.lastErrorKind
                        ? t(`ingestion.errorKinds.${s.lastErrorKind}`)
                        : s.draining
                          ? t("ingestion.sources.draining")
                          : t("ingestion.sources.ok")}
                    </Badge>
                  </div>
                  <p className="text-xs text-fg-muted">
                    {s.lastPolledAt
                      ? t("ingestion.sources.lastPoll", { date: format.dateTime(s.lastPolledAt, { style: "dateTimeSeconds" }) })
                      : t("ingestion.sources.neverPolled")}
                    {s.nextPollAt && s.lastErrorKind
                      ? ` · ${t("ingestion.sources.nextPoll", { date: format.dateTime(s.nextPollAt, { style: "dateTimeSeconds" }) })}`
                      : ""}
                  </p>
                  {s.lastError ? (
                    <p className="break-words text-xs text-danger" data-testid="source-error">
                      {s.lastErrorKind === "unauthorized" ? `${t("ingestion.sources.renewToken")} ` : ""}
                      {s.lastError}
                    </p>
                  ) : null}
                  <p className="text-xs text-fg-muted">
                    {s.kind === "x_dms"
                      ? t("ingestion.sources.readsDm", { events: s.dmEventsRead, users: s.usersRead, stored: s.messagesStored })
                      : t("ingestion.sources.reads", { posts: s.postsRead, users: s.usersRead, stored: s.messagesStored })}
                    {" · "}
                    {s.billed ? t("ingestion.sources.cost", { cost: usd(s.costCents) }) : t("ingestion.sources.notBilled")}
                  </p>
                </li>
              );
            })}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
