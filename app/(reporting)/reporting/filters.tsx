"use client";

import { useState } from "react";
import { useT } from "@/lib/i18n/client";
import { rangePresets, type RangePreset } from "@/lib/reporting/range";
import { Select } from "@/components/ui/select";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { buttonClassName } from "@/components/ui/button-styles";

/**
 * Campaign and period, as a plain GET form (the report is a URL one can bookmark or share). The
 * days show the current period; typing one switches to a custom period, and they are only sent
 * for a custom period, so picking "yesterday" is never overridden by the days still shown.
 */
export function ReportFilters(props: {
  campaigns: { id: number; name: string }[];
  campaignId: number;
  preset: RangePreset;
  firstDay: string;
  lastDay: string;
}) {
  const t = useT();
  const [preset, setPreset] = useState<RangePreset>(props.preset);
  const custom = preset === "custom";
  return (
    <form method="get" className="flex flex-wrap items-end gap-3 rounded-panel border border-border bg-surface p-4">
      <div className="flex min-w-56 flex-col gap-1">
        <Label htmlFor="report-campaign">{t("reporting.campaign")}</Label>
        <Select id="report-campaign" name="campaign" defaultValue={String(props.campaignId)}>
          {props.campaigns.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </Select>
      </div>
      <div className="flex min-w-44 flex-col gap-1">
        <Label htmlFor="report-preset">{t("reporting.period")}</Label>
        <Select id="report-preset" name="preset" value={preset} onChange={(e) => setPreset(e.target.value as RangePreset)}>
          {rangePresets.map((p) => (
            <option key={p} value={p}>
              {t(`reporting.presets.${p}`)}
            </option>
          ))}
        </Select>
      </div>
      <div className="flex flex-col gap-1">
        <Label htmlFor="report-from">{t("reporting.from")}</Label>
        <Input
          id="report-from"
          name={custom ? "from" : undefined}
          type="date"
          defaultValue={props.firstDay}
          onChange={() => setPreset("custom")}
          className="h-9"
        />
      </div>
      <div className="flex flex-col gap-1">
        <Label htmlFor="report-to">{t("reporting.to")}</Label>
        <Input
          id="report-to"
          name={custom ? "to" : undefined}
          type="date"
          defaultValue={props.lastDay}
          onChange={() => setPreset("custom")}
          className="h-9"
        />
      </div>
      <button type="submit" className={buttonClassName({ variant: "primary" })}>
        {t("reporting.show")}
      </button>
    </form>
  );
}
