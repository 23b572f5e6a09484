import { describe, expect, it } from "vitest";
import { createFormat } from "@/lib/i18n/format";
import { translatorFor } from "@/lib/i18n/translate";
import type { CampaignReport } from "./queries";
import { reportTables } from "./tables";

const noTimes = { p50: null, p90: null };
const report: CampaignReport = {
  campaign: { id: 1, name: "Spring", currency: "EUR" },
  scope: "all",
  received: 1234,
  filtered: 3,
  totals: {
    handled: 4,
    positive: 0,
    argued: 0,
    notArgued: 4,
    conversion: null,
    benefit: "1234.50",
    firstResponse: { p50: 150, p90: 222 },
    handling: noTimes,
  },
  statuses: [{ statusId: 1, code: "FAUX", label: "Wrong number", category: "not_argued", count: 4, benefit: "0.00" }],
  agents: [],
  quotas: [{ statusId: 2, code: "VENTE", label: "Sale", quota: null, count: 0 }],
  series: [{ bucket: "2026-12-01T14:00", received: 2, positive: 0, argued: 0, notArgued: 1 }],
  callbacks: { available: false, made: 0, missed: 0 },
  appointments: { available: false, booked: 0 },
};

describe("report tables", () => {
  it("shows locale text on the page and plain values in the CSV", () => {
    const fr = reportTables(report, translatorFor("fr"), createFormat("fr", "Europe/Paris"));
    const row = (label: string) => fr.summary.rows.find((r) => r[0].text === label)!;
    expect(row("Conversations reçues")[1]).toMatchObject({ value: "1234" });
    expect(row("Conversations reçues")[1].text).toMatch(/^1\s234$/);
    // No argued contact: no rate on screen, an empty cell in the file, never 0 %.
    expect(row("Taux de concrétisation")[1]).toMatchObject({ text: "—", value: "" });
    expect(row("Bénéfice")[1].value).toBe("1234.50");
    expect(row("Bénéfice")[1].text).toMatch(/1\s234,50\s€/);
    expect(row("1re réponse méd.")[1]).toMatchObject({ text: "2 min 30 s", value: "150" });
    expect(fr.statuses.rows[0][2].text).toBe("Non Argumenté");
    expect(fr.categories.rows.map((r) => r[2].value)).toEqual(["0.0000", "0.0000", "1.0000"]);
    expect(fr.quotas.rows[0][3]).toMatchObject({ text: "Sans objectif", value: "" });
    expect(fr.series.rows[0][0]).toMatchObject({ value: "2026-12-01T14:00", text: "1 déc. 2026, 14:00" });
  });

  it("speaks English too", () => {
    const en = reportTables(report, translatorFor("en"), createFormat("en", "Europe/Paris"));
    expect(en.summary.columns).toEqual(["Figure", "Value"]);
    expect(en.summary.rows[0][1].text).toBe("1,234");
    expect(en.summary.rows.find((r) => r[0].text === "Benefit")![1].text).toBe("€1,234.50");
  });
});
