import { defineRoute } from "@/lib/auth/route";
import { AuthError } from "@/lib/auth/session";
import { csvDownload, toCsv } from "@/lib/csv/stringify";
import { getFormat, getTranslator } from "@/lib/i18n/server";
import { loadReport } from "@/lib/reporting/load";
import { canOpenReports } from "@/lib/reporting/scope";
import { campaignsTable, reportTableNames, reportTables, type ReportTableName } from "@/lib/reporting/tables";

export const dynamic = "force-dynamic";

/**
 * One table of the report as CSV: the export right («data.export») and a reporting right are both
 * needed; the figures are the viewer's scope, exactly as the page shows them.
 */
export const GET = defineRoute("data.export", {}, async ({ user, request }) => {
  if (!canOpenReports(user)) throw new AuthError(403);
  const q = new URL(request.url).searchParams;
  const table = q.get("table") as ReportTableName;
  if (!reportTableNames.includes(table)) return { ok: false, error: "reporting.errors.unknownTable" };
  const get = (k: string) => q.get(k) ?? undefined;
  const loaded = await loadReport(user, { campaign: get("campaign"), preset: get("preset"), from: get("from"), to: get("to") });
  if (loaded.error) return { ok: false, error: loaded.error };
  if (!loaded.report || !loaded.range) return { ok: false, error: "reporting.errors.unknownCampaign" };
  const { t, locale } = await getTranslator();
  const f = await getFormat(loaded.range.timeZone);
  const built = table === "campaigns" ? campaignsTable(loaded.overview ?? [], t, f) : reportTables(loaded.report, t, f)[table];
  const csv = toCsv([built.columns, ...built.rows.map((row) => row.map((c) => c.value))], { delimiter: locale === "fr" ? ";" : "," });
  const file = `reporting-${loaded.report.campaign.id}-${table}-${loaded.range.firstDay}_${loaded.range.lastDay}.csv`;
  return csvDownload(csv, file);
});
