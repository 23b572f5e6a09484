import Link from "next/link";
import type { Light } from "@/db/schema/summary";
import { Badge } from "@/components/ui/badge";
import { buttonClassName } from "@/components/ui/button-styles";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getTranslator } from "@/lib/i18n/server";
import type { Translate } from "@/lib/i18n/translate";
import { createFormat } from "@/lib/i18n/format";
import { defaultLocale, isLocale } from "@/lib/i18n/locales";
import { campaignTimeZone } from "@/lib/campaigns/time-zone";
import { describeElement, elementName } from "@/lib/summary/describe";
import { getCampaignSummary } from "@/lib/summary/compute";
import type { StoredSummary } from "@/lib/summary/types";

function LightBadge({ light, label, hint }: { light: Light; label: string; hint: string }) {
  return (
    <Badge dot variant={light} title={hint} data-light={light}>
      {label}
    </Badge>
  );
}

/**
 * One element: light · name · fix on the first line and the reason under them, across the whole
 * width, in a narrow card; all four on one line once the card is wide (≥ 42rem).
 */
const itemLayout = [
  "grid items-center gap-x-3 gap-y-1 py-2.5",
  "grid-cols-[6.5rem_minmax(0,1fr)_auto] [grid-template-areas:'light_name_fix'_'reason_reason_reason']",
  "@2xl:grid-cols-[7rem_12rem_minmax(0,1fr)_auto] @2xl:[grid-template-areas:'light_name_reason_fix']",
].join(" ");

/**
 * «Résumé de la Campagne» (step 18): every element with its light, the reason in words and a
 * «Corriger» link where something needs doing. Server component; pass `summary` when the page
 * already read it, otherwise it is read (and computed if missing) here.
 */
export async function SummaryPanel({ campaignId, summary }: { campaignId: number; summary?: StoredSummary | null }) {
  const { t, locale } = await getTranslator();
  const [current, timeZone] = await Promise.all([
    summary === undefined ? getCampaignSummary(campaignId) : summary,
    campaignTimeZone(campaignId),
  ]);
  return <SummaryPanelView campaignId={campaignId} summary={current} t={t} locale={locale} timeZone={timeZone} />;
}

/**
 * The panel's markup, apart from where the translator and the summary come from (tested alone).
 * `timeZone` is the campaign's: «Calculé le …» reads in the campaign's local time.
 */
export function SummaryPanelView({
  campaignId,
  summary,
  t,
  locale,
  timeZone,
}: {
  campaignId: number;
  summary: StoredSummary | null;
  t: Translate;
  locale: string;
  timeZone?: string;
}) {
  const format = createFormat(isLocale(locale) ? locale : defaultLocale, timeZone);
  const lightLabel = (l: Light) => t(`summary.lights.${l}`);
  return (
    <Card aria-labelledby={`summary-${campaignId}`}>
      <CardHeader>
        <div className="flex flex-wrap items-center justify-between gap-2">
          <CardTitle id={`summary-${campaignId}`}>{t("summary.title")}</CardTitle>
          {summary && (
            <span className="flex items-center gap-2 text-sm text-fg-muted">
              {t("summary.overallLabel")}
              <LightBadge light={summary.overall} label={lightLabel(summary.overall)} hint={t(`summary.lightHints.${summary.overall}`)} />
            </span>
          )}
        </div>
        <CardDescription>{summary ? t(`summary.lightHints.${summary.overall}`) : t("summary.notComputed")}</CardDescription>
      </CardHeader>
      {summary && (
        <CardContent>
          {/* Laid out by the room the card has, not the screen's: beside the tabs (xl) it is narrow. */}
          <ul className="@container divide-y divide-border" data-testid="campaign-summary">
            {summary.elements.map((e) => {
              const name = elementName(t, e.element);
              return (
                <li key={e.element} className={itemLayout} data-element={e.element} data-light={e.light}>
                  <span className="[grid-area:light]">
                    <LightBadge light={e.light} label={lightLabel(e.light)} hint={t(`summary.lightHints.${e.light}`)} />
                  </span>
                  <span className="min-w-0 text-sm font-medium break-words text-fg [grid-area:name]">{name}</span>
                  <span className="min-w-0 text-sm break-words text-fg-muted [grid-area:reason]" data-part="reason">
                    {describeElement(t, e)}
                  </span>
                  {e.light !== "green" && (
                    <Link
                      href={e.fix}
                      className={buttonClassName({ variant: "secondary", size: "sm", className: "justify-self-end [grid-area:fix]" })}
                      aria-label={t("summary.fixLabel", { element: name })}
                    >
                      {t("summary.fix")}
                    </Link>
                  )}
                </li>
              );
            })}
          </ul>
          <p className="mt-3 text-xs text-fg-subtle">
            {t("summary.computedAt", { date: format.dateTime(summary.computedAt, { style: "dateTimeSeconds" }) })}
          </p>
        </CardContent>
      )}
    </Card>
  );
}
