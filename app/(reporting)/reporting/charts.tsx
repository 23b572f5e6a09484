"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useFormat, useT } from "@/lib/i18n/client";
import type { SeriesPoint } from "@/lib/reporting/queries";
import { bucketText } from "@/lib/reporting/tables";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";

export interface AgentBar {
  label: string;
  handled: number;
  positive: number;
  argued: number;
}

const COLORS = {
  received: "oklch(0.45 0.085 215)",
  positive: "oklch(0.55 0.14 150)",
  argued: "oklch(0.7 0.16 60)",
  notArgued: "oklch(0.6 0.015 265)",
  handled: "oklch(0.45 0.085 215)",
};

const axis = { fontSize: 12, fill: "oklch(0.48 0.02 265)" };

function ChartCard({ title, testId, children }: { title: string; testId: string; children: React.ReactElement }) {
  return (
    <Card data-testid={testId}>
      <CardHeader>
        <CardTitle as="h3" className="text-sm">
          {title}
        </CardTitle>
      </CardHeader>
      <CardContent className="h-64">
        <ResponsiveContainer width="100%" height="100%">
          {children}
        </ResponsiveContainer>
      </CardContent>
    </Card>
  );
}

/** Volume per hour/day, categories over time, agents side by side: the report's three charts. */
export function ReportCharts({ series, bucket, agents }: { series: SeriesPoint[]; bucket: "hour" | "day"; agents: AgentBar[] }) {
  const t = useT();
  const f = useFormat();
  const tick = (b: string) => (bucket === "hour" ? b.slice(11, 16) : bucketText(b, f).replace(/\s?\d{4}$/, ""));
  const label = (b: unknown) => bucketText(String(b), f);
  const number = (v: unknown) => f.number(Number(v));
  const names = {
    received: t("reporting.columns.received"),
    positive: t("reporting.columns.positive"),
    argued: t("reporting.columns.argued"),
    notArgued: t("reporting.columns.notArgued"),
    handled: t("reporting.columns.handled"),
  };
  return (
    <div className="grid gap-4 xl:grid-cols-3">
      <ChartCard title={t("reporting.charts.volume", { bucket: t(`reporting.charts.${bucket}`) })} testId="chart-volume">
        <BarChart data={series} margin={{ top: 4, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid vertical={false} stroke="oklch(0.9 0.005 265)" />
          <XAxis dataKey="bucket" tickFormatter={tick} tick={axis} minTickGap={12} />
          <YAxis allowDecimals={false} tick={axis} tickFormatter={number} />
          <Tooltip labelFormatter={label} formatter={number} />
          <Bar dataKey="received" name={names.received} fill={COLORS.received} radius={[3, 3, 0, 0]} isAnimationActive={false} />
        </BarChart>
      </ChartCard>
      <ChartCard title={t("reporting.charts.categories")} testId="chart-categories">
        <BarChart data={series} margin={{ top: 4, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid vertical={false} stroke="oklch(0.9 0.005 265)" />
          <XAxis dataKey="bucket" tickFormatter={tick} tick={axis} minTickGap={12} />
          <YAxis allowDecimals={false} tick={axis} tickFormatter={number} />
          <Tooltip labelFormatter={label} formatter={number} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar dataKey="positive" stackId="c" name={names.positive} fill={COLORS.positive} isAnimationActive={false} />
          <Bar dataKey="argued" stackId="c" name={names.argued} fill={COLORS.argued} isAnimationActive={false} />
          <Bar dataKey="notArgued" stackId="c" name={names.notArgued} fill={COLORS.notArgued} isAnimationActive={false} />
        </BarChart>
      </ChartCard>
      <ChartCard title={t("reporting.charts.agents")} testId="chart-agents">
        <BarChart data={agents} margin={{ top: 4, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid vertical={false} stroke="oklch(0.9 0.005 265)" />
          <XAxis dataKey="label" tick={axis} interval={0} />
          <YAxis allowDecimals={false} tick={axis} tickFormatter={number} />
          <Tooltip formatter={number} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar dataKey="handled" name={names.handled} fill={COLORS.handled} radius={[3, 3, 0, 0]} isAnimationActive={false} />
          <Bar dataKey="positive" name={names.positive} fill={COLORS.positive} radius={[3, 3, 0, 0]} isAnimationActive={false} />
          <Bar dataKey="argued" name={names.argued} fill={COLORS.argued} radius={[3, 3, 0, 0]} isAnimationActive={false} />
        </BarChart>
      </ChartCard>
    </div>
  );
}
