import { forbidden, redirect } from "next/navigation";
import Link from "next/link";
import { currentUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { getFormat, getTranslator } from "@/lib/i18n/server";
import { TimeZoneScope } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/translate";
import { formatDuration } from "@/lib/reporting/formulas";
import { loadReport, type ReportRequest } from "@/lib/reporting/load";
import { campaignsTable, reportTables, type ReportTable } from "@/lib/reporting/tables";
import { canOpenReports } from "@/lib/reporting/scope";
import { PageHeader } from "@/components/ui/page-header";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState, Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { buttonClassName } from "@/components/ui/button-styles";
import { cn } from "@/components/ui/cn";
import { ReportCharts } from "./charts";
import { ReportFilters } from "./filters";

export const dynamic = "force-dynamic";

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function ReportingPage({ searchParams }: { searchParams: Search }) {
  const viewer = await currentUser();
  if (!viewer) redirect("/login");
  if (!canOpenReports(viewer)) forbidden();
  const { t } = await getTranslator();
  const params = await searchParams;
  const one = (k: string) => (typeof params[k] === "string" ? (params[k] as string) : undefined);
  const request: ReportRequest = { campaign: one("campaign"), preset: one("preset"), from: one("from"), to: one("to") };
  const loaded = await loadReport(viewer, request);
  const { report, range, scope } = loaded;

  if (!report || !range) {
    return (
      <div className="space-y-6">
        <PageHeader title={t("reporting.title")} description={t("reporting.description")} />
        <EmptyState
          title={t("reporting.noCampaignTitle")}
          description={t("reporting.noCampaignText")}
          action={
            can(viewer, "supervision.view") ? (
              <Link className="text-sm text-accent underline" href="/supervision">
                {t("reporting.noCampaignLive")}
              </Link>
            ) : undefined
          }
        />
      </div>
    );
  }

  const f = await getFormat(range.timeZone);
  const tables = reportTables(report, t, f);
  const exportable = can(viewer, "data.export");
  const query = new URLSearchParams({ campaign: String(report.campaign.id), preset: range.preset });
  if (range.preset === "custom") {
    query.set("from", range.firstDay);
    query.set("to", range.lastDay);
  }
  const csvHref = (table: string) => `/api/reporting/csv?${query.toString()}&table=${table}`;
  const r = report.totals;
  const money = (v: string) => f.number(Number(v), { style: "currency", currency: report.campaign.currency });
  const day = (d: string) => f.date(`${d}T12:00:00Z`, { timeZone: "UTC" });
  const nothing = report.received === 0 && r.handled === 0;

  return (
    <TimeZoneScope timeZone={range.timeZone}>
      <div className="space-y-6">
        <PageHeader title={t("reporting.title")} description={t("reporting.description")} />
        <ReportFilters
          campaigns={loaded.campaigns}
          campaignId={report.campaign.id}
          preset={range.preset}
          firstDay={range.firstDay}
          lastDay={range.lastDay}
        />
        {loaded.error ? (
          <p role="alert" className="rounded-control border border-danger bg-danger-soft px-3 py-2 text-sm text-danger-soft-fg">
            {t(loaded.error as MessageKey)}
          </p>
        ) : null}
        <div className="flex flex-wrap items-baseline justify-between gap-2 text-sm text-fg-muted">
          <p data-testid="range-line">
            <span className="font-semibold text-fg">{report.campaign.name}</span> ·{" "}
            {t("reporting.rangeLine", { from: day(range.firstDay), to: day(range.lastDay), zone: range.timeZone })}
          </p>
          {scope.kind === "agents" ? <p>{scope.own ? t("reporting.scopeOwn") : t("reporting.scopeGroups")}</p> : null}
        </div>

        <section aria-label={t("reporting.tables.summary")} className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <Kpi label={t("reporting.kpi.received")} value={f.number(report.received)} testId="kpi-received" />
          <Kpi
            label={t("reporting.kpi.filtered")}
            value={report.filtered == null ? "—" : f.number(report.filtered)}
            hint={report.filtered == null ? t("reporting.kpi.filteredScoped") : undefined}
          />
          <Kpi label={t("reporting.kpi.handled")} value={f.number(r.handled)} testId="kpi-handled" />
          <Kpi
            label={t("reporting.kpi.conversion")}
            value={r.conversion == null ? "—" : f.number(r.conversion, { style: "percent", maximumFractionDigits: 1 })}
            hint={
              r.conversion == null
                ? t("reporting.conversionNone")
                : t("reporting.conversionFormula", { positive: f.number(r.positive), argued: f.number(r.argued) })
            }
            testId="kpi-conversion"
            accent
          />
          <Kpi label={t("reporting.kpi.benefit")} value={money(r.benefit)} testId="kpi-benefit" />
          <Kpi
            label={t("reporting.kpi.firstResponse")}
            value={formatDuration(r.firstResponse.p50)}
            hint={t("reporting.p90", { value: formatDuration(r.firstResponse.p90) })}
          />
          <Kpi
            label={t("reporting.kpi.handling")}
            value={formatDuration(r.handling.p50)}
            hint={t("reporting.p90", { value: formatDuration(r.handling.p90) })}
          />
          <div className="flex flex-col gap-2 rounded-panel border border-border bg-surface p-4 shadow-xs" data-testid="kpi-followups">
            {[
              {
                label: t("reporting.kpi.callbacks"),
                figures: report.callbacks,
                value: `${f.number(report.callbacks.made)} / ${f.number(report.callbacks.missed)}`,
              },
              { label: t("reporting.kpi.appointments"), figures: report.appointments, value: f.number(report.appointments.booked) },
            ].map((k) => (
              <div key={k.label} className="flex items-baseline justify-between gap-3">
                <span className="min-w-0 text-xs font-semibold tracking-wide text-fg-muted uppercase">{k.label}</span>
                <span className="shrink-0 text-xl font-semibold whitespace-nowrap text-fg tabular-nums">
                  {k.figures.available ? k.value : "—"}
                </span>
              </div>
            ))}
            {report.callbacks.available && report.appointments.available ? null : (
              <span className="text-xs text-fg-muted">{t("reporting.kpi.notAvailable")}</span>
            )}
          </div>
        </section>

        {nothing ? <EmptyState title={t("reporting.emptyTitle")} description={t("reporting.emptyText")} /> : null}

        <ReportCharts
          series={report.series}
          bucket={range.bucket}
          agents={report.agents.slice(0, 12).map((a) => ({ label: a.login, handled: a.handled, positive: a.positive, argued: a.argued }))}
        />

        <div className="grid gap-4 xl:grid-cols-3">
          <TableCard
            className="xl:col-span-2"
            title={t("reporting.tables.statuses")}
            table={tables.statuses}
            csv={exportable ? csvHref("statuses") : null}
            t={t}
          />
          <TableCard
            title={t("reporting.tables.categories")}
            table={tables.categories}
            csv={exportable ? csvHref("categories") : null}
            t={t}
          />
        </div>
        <TableCard title={t("reporting.tables.agents")} table={tables.agents} csv={exportable ? csvHref("agents") : null} t={t} />
        <TableCard
          title={t("reporting.tables.campaigns")}
          table={campaignsTable(loaded.overview ?? [], t, f)}
          csv={exportable ? csvHref("campaigns") : null}
          t={t}
        />
        <div className="grid items-start gap-4 xl:grid-cols-2">
          <TableCard
            title={t("reporting.tables.quotas")}
            table={tables.quotas}
            csv={exportable ? csvHref("quotas") : null}
            t={t}
            empty={t("reporting.noQuota")}
          />
          <TableCard title={t("reporting.tables.summary")} table={tables.summary} csv={exportable ? csvHref("summary") : null} t={t} />
        </div>
        {/* The day-by-day (or hour-by-hour) table has a column per category: the page's whole width, never cut. */}
        <TableCard title={t("reporting.tables.series")} table={tables.series} csv={exportable ? csvHref("series") : null} t={t} scroll />
      </div>
    </TimeZoneScope>
  );
}

type T = Awaited<ReturnType<typeof getTranslator>>["t"];

function Kpi({
  label,
  value,
  hint,
  testId,
  accent,
  small,
}: {
  label: string;
  value: string;
  hint?: string;
  testId?: string;
  accent?: boolean;
  small?: boolean;
}) {
  return (
    <div
      className={cn(
        "flex flex-col gap-1 rounded-panel border border-border bg-surface p-4 shadow-xs",
        accent && "border-accent bg-accent-soft",
      )}
      data-testid={testId}
    >
      <span className="text-xs font-semibold tracking-wide text-fg-muted uppercase">{label}</span>
      <span
        className={cn("font-semibold text-fg tabular-nums", small ? "text-xl" : "text-3xl")}
        data-testid={testId ? `${testId}-value` : undefined}
      >
        {value}
      </span>
      {hint ? (
        <span className="text-xs text-fg-muted" data-testid={testId ? `${testId}-hint` : undefined}>
          {hint}
        </span>
      ) : null}
    </div>
  );
}

function TableCard({
  title,
  table,
  csv,
  t,
  empty,
  className,
  scroll,
}: {
  title: string;
  table: ReportTable;
  csv: string | null;
  t: T;
  empty?: string;
  className?: string;
  scroll?: boolean;
}) {
  return (
    <Card className={className} data-testid={`table-${table.name}`}>
      <CardHeader className="flex-row items-center justify-between">
        <CardTitle>{title}</CardTitle>
        {csv ? (
          <a href={csv} download className={buttonClassName({ variant: "secondary", size: "sm" })} title={t("reporting.exportTitle")}>
            {t("reporting.export")}
          </a>
        ) : null}
      </CardHeader>
      <CardContent className={cn(scroll && "max-h-96 overflow-y-auto")}>
        {table.rows.length === 0 ? (
          <CardDescription>{empty ?? t("reporting.noRows")}</CardDescription>
        ) : (
          <Table>
            <THead>
              <Tr>
                {table.columns.map((c, i) => (
                  <Th key={i} className={cn(table.rows[0]?.[i]?.numeric && "text-right")}>
                    {c}
                  </Th>
                ))}
              </Tr>
            </THead>
            <TBody>
              {table.rows.map((row, i) => (
                <Tr key={i}>
                  {row.map((cell, j) => (
                    <Td
                      key={j}
                      data-value={cell.value}
                      className={cn(cell.numeric && "text-right tabular-nums", (cell.numeric || cell.nowrap) && "whitespace-nowrap")}
                    >
                      {cell.text}
                    </Td>
                  ))}
                </Tr>
              ))}
            </TBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}
