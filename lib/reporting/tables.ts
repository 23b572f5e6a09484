// Every table of the report, built once: the page renders `text`, the CSV export writes `value`
// (plain numbers a spreadsheet reads: rates as fractions, durations in seconds, money with a dot).
// Both come from the same rows, so the download always matches what is on screen.
import type { Format } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";
import type { QualificationCategory } from "@/db/schema/qualifications";
import { formatDuration, quotaProgress } from "./formulas";
import type { CampaignOverviewRow, CampaignReport } from "./queries";

export const reportTableNames = ["campaigns", "summary", "statuses", "categories", "agents", "quotas", "series"] as const;
export type ReportTableName = (typeof reportTableNames)[number];

export interface Cell {
  text: string;
  value: string;
  /** Right-aligned in the page (figures). */
  numeric?: boolean;
  nowrap?: boolean;
}

export interface ReportTable {
  name: ReportTableName;
  columns: string[];
  rows: Cell[][];
}

const categoryKey = {
  positive: "qualification.categories.positive",
  argued: "qualification.categories.argued",
  not_argued: "qualification.categories.notArgued",
} as const;

export function categoryLabel(t: Translate, category: QualificationCategory | null): string {
  return category ? t(categoryKey[category]) : t("reporting.noCategory");
}

/** A chart bucket's wall-clock label ("2026-12-01T14:00") in the user's language. */
export function bucketText(bucket: string, f: Format): string {
  return bucket.length > 10 ? f.dateTime(`${bucket}:00Z`, { timeZone: "UTC" }) : f.date(`${bucket}T12:00:00Z`, { timeZone: "UTC" });
}

const bucketCell = (bucket: string, f: Format): Cell => ({ text: bucketText(bucket, f), value: bucket, nowrap: true });

/** The campaigns side by side (each over the preset in its own time zone). */
export function campaignsTable(overview: CampaignOverviewRow[], t: Translate, f: Format): ReportTable {
  const count = (n: number): Cell => ({ text: f.number(n), value: String(n), numeric: true });
  return {
    name: "campaigns",
    columns: [
      t("reporting.campaign"),
      t("reporting.columns.received"),
      t("reporting.columns.handled"),
      t("reporting.columns.positive"),
      t("reporting.columns.argued"),
      t("reporting.columns.notArgued"),
      t("reporting.columns.conversion"),
      t("reporting.columns.benefit"),
    ],
    rows: overview.map((c) => [
      { text: c.name, value: c.name },
      count(c.received),
      count(c.handled),
      count(c.positive),
      count(c.argued),
      count(c.notArgued),
      {
        text: c.conversion == null ? "—" : f.number(c.conversion, { style: "percent", maximumFractionDigits: 1 }),
        value: c.conversion == null ? "" : c.conversion.toFixed(4),
        numeric: true,
      },
      { text: f.number(Number(c.benefit), { style: "currency", currency: c.currency }), value: c.benefit, numeric: true },
    ]),
  };
}

export function reportTables(report: CampaignReport, t: Translate, f: Format): Record<Exclude<ReportTableName, "campaigns">, ReportTable> {
  const currency = report.campaign.currency;
  const plain = (text: string): Cell => ({ text, value: text });
  const count = (n: number): Cell => ({ text: f.number(n), value: String(n), numeric: true });
  const money = (amount: string): Cell => ({
    text: f.number(Number(amount), { style: "currency", currency }),
    value: amount,
    numeric: true,
  });
  const rate = (r: number | null): Cell => ({
    text: r == null ? "—" : f.number(r, { style: "percent", maximumFractionDigits: 1 }),
    value: r == null ? "" : r.toFixed(4),
    numeric: true,
  });
  const duration = (s: number | null): Cell => ({ text: formatDuration(s), value: s == null ? "" : String(Math.round(s)), numeric: true });
  const share = (n: number, of: number) => rate(of > 0 ? n / of : null);
  const r = report.totals;

  const summary: Cell[][] = [
    [plain(t("reporting.kpi.received")), count(report.received)],
    [plain(t("reporting.kpi.filtered")), report.filtered == null ? { text: "—", value: "", numeric: true } : count(report.filtered)],
    [plain(t("reporting.kpi.handled")), count(r.handled)],
    [plain(t("reporting.columns.positive")), count(r.positive)],
    [plain(t("reporting.columns.argued")), count(r.argued)],
    [plain(t("reporting.columns.notArgued")), count(r.notArgued)],
    [plain(t("reporting.kpi.conversion")), rate(r.conversion)],
    [plain(t("reporting.kpi.benefit")), money(r.benefit)],
    [plain(t("reporting.columns.frtMedian")), duration(r.firstResponse.p50)],
    [plain(t("reporting.columns.frtP90")), duration(r.firstResponse.p90)],
    [plain(t("reporting.columns.htMedian")), duration(r.handling.p50)],
    [plain(t("reporting.columns.htP90")), duration(r.handling.p90)],
  ];

  const categories = (["positive", "argued", "not_argued"] as const).map((c) => {
    const n = c === "positive" ? r.positive : c === "argued" ? r.argued : r.notArgued;
    return [plain(categoryLabel(t, c)), count(n), share(n, r.handled)];
  });

  return {
    summary: { name: "summary", columns: [t("reporting.columns.figure"), t("reporting.columns.value")], rows: summary },
    statuses: {
      name: "statuses",
      columns: [
        t("reporting.columns.code"),
        t("reporting.columns.status"),
        t("reporting.columns.category"),
        t("reporting.columns.count"),
        t("reporting.columns.share"),
        t("reporting.columns.benefit"),
      ],
      rows: report.statuses.map((s) => [
        plain(s.code),
        plain(s.label),
        plain(categoryLabel(t, s.category)),
        count(s.count),
        share(s.count, r.handled),
        money(s.benefit),
      ]),
    },
    categories: {
      name: "categories",
      columns: [t("reporting.columns.category"), t("reporting.columns.count"), t("reporting.columns.share")],
      rows: categories,
    },
    agents: {
      name: "agents",
      columns: [
        t("reporting.columns.login"),
        t("reporting.columns.agent"),
        t("reporting.columns.handled"),
        t("reporting.columns.positive"),
        t("reporting.columns.argued"),
        t("reporting.columns.notArgued"),
        t("reporting.columns.conversion"),
        t("reporting.columns.benefit"),
        t("reporting.columns.frtMedian"),
        t("reporting.columns.htMedian"),
      ],
      rows: report.agents.map((a) => [
        plain(a.login),
        plain(a.name),
        count(a.handled),
        count(a.positive),
        count(a.argued),
        count(a.notArgued),
        rate(a.conversion),
        money(a.benefit),
        duration(a.firstResponse.p50),
        duration(a.handling.p50),
      ]),
    },
    quotas: {
      name: "quotas",
      columns: [
        t("reporting.columns.code"),
        t("reporting.columns.status"),
        t("reporting.columns.count"),
        t("reporting.columns.quota"),
        t("reporting.columns.progress"),
      ],
      rows: report.quotas.map((q) => [
        plain(q.code),
        plain(q.label),
        count(q.count),
        q.quota ? count(q.quota) : { text: t("reporting.noQuotaTarget"), value: "" },
        rate(quotaProgress(q.count, q.quota)),
      ]),
    },
    series: {
      name: "series",
      columns: [
        t("reporting.columns.period"),
        t("reporting.columns.received"),
        t("reporting.columns.positive"),
        t("reporting.columns.argued"),
        t("reporting.columns.notArgued"),
      ],
      rows: report.series.map((p) => [bucketCell(p.bucket, f), count(p.received), count(p.positive), count(p.argued), count(p.notArgued)]),
    },
  };
}
