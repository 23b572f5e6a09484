// What the page and the CSV export both do with a request: the viewer's scope, the campaign he
// may open, the range read in that campaign's time zone, and the report.
import { defaultTimeZone } from "@/lib/campaigns/time-zone";
import type { Principal } from "@/lib/auth/permissions";
import { campaignReport, campaignsOverview, type CampaignOverviewRow, type CampaignReport } from "./queries";
import { rangeInputSchema, resolveRange, type ReportRange } from "./range";
import { reportScope, viewerCampaigns, viewerOutside, type ReportScope } from "./scope";

export interface ReportRequest {
  campaign?: string;
  preset?: string;
  from?: string;
  to?: string;
}

export interface LoadedReport {
  scope: ReportScope;
  campaigns: { id: number; name: string }[];
  /** The i18n key of what was wrong with the request, shown above the (default) report. */
  error?: string;
  range?: ReportRange;
  report?: CampaignReport;
  /** Every campaign of the scope over the same preset, each in its own time zone. */
  overview?: CampaignOverviewRow[];
}

export async function loadReport(viewer: Principal, request: ReportRequest, now: Date = new Date()): Promise<LoadedReport> {
  // The scope, its campaigns and the users outside it side by side (each from the same subquery).
  const [scope, campaigns, outside, fallbackZone] = await Promise.all([
    reportScope(viewer),
    viewerCampaigns(viewer),
    viewerOutside(viewer),
    defaultTimeZone(),
  ]);
  if (campaigns.length === 0) return { scope, campaigns };
  let error: string | undefined;
  let campaign = campaigns[0];
  if (request.campaign) {
    const asked = campaigns.find((c) => String(c.id) === request.campaign);
    if (asked) campaign = asked;
    else error = "reporting.errors.unknownCampaign";
  }
  const parsed = rangeInputSchema.safeParse({
    preset: request.preset || undefined,
    from: request.from || undefined,
    to: request.to || undefined,
  });
  if (!parsed.success) error ??= parsed.error.issues[0]?.message ?? "errors.invalidInput";
  const input = parsed.success ? parsed.data : { preset: "today" as const };
  const zones = new Map(campaigns.map((c) => [c.id, c.timeZone ?? fallbackZone]));
  // One range per time zone, not per campaign: resolving one costs ~0.1 ms (zod, Intl), and the
  // overview asks for each of up to 1,000 campaigns twice (bench/pages.ts).
  const byZone = new Map<string, ReportRange>();
  const rangeOf = (id: number) => {
    const zone = zones.get(id)!;
    let range = byZone.get(zone);
    if (!range) byZone.set(zone, (range = resolveRange(input, zone, now)));
    return range;
  };
  const range = rangeOf(campaign.id);
  const [report, overview] = await Promise.all([
    campaignReport(scope, campaign.id, range, { outside }),
    campaignsOverview(scope, campaigns, rangeOf, { outside }),
  ]);
  return { scope, campaigns, error, range, report: report ?? undefined, overview };
}
