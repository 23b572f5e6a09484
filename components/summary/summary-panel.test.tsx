import { describe, expect, it, vi } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nProvider } from "@/lib/i18n/client";
import { createTranslator, getMessages } from "@/lib/i18n/translate";
import type { StoredSummary } from "@/lib/summary/types";

// The panel module also exports the async server wrapper, which reads cookies through next/headers.
vi.mock("@/lib/i18n/server", () => ({ getTranslator: async () => ({}) }));
const { SummaryPanelView } = await import("./summary-panel");
const { SummaryLight } = await import("./summary-light");

const summary: StoredSummary = {
  campaignId: 7,
  overall: "red",
  computedAt: new Date("2026-03-02T10:00:00Z"),
  elements: [
    {
      element: "general",
      light: "orange",
      reason: "summary.reasons.general.connectionFailing",
      params: { error: "<script>alert(1)</script>" },
      fix: "/admin/campaigns/7?tab=general",
    },
    { element: "script", light: "red", reason: "summary.reasons.script.none", fix: "/admin/campaigns/7?tab=relation" },
    {
      element: "queue",
      light: "green",
      reason: "summary.reasons.queue.ok",
      params: { code: "SOCIAL" },
      fix: "/admin/campaigns/7?tab=reception",
    },
  ],
};

describe("summary components", () => {
  it("lists every element with its light in words, its reason, and «Corriger» only where something is wrong", () => {
    const html = renderToStaticMarkup(
      <SummaryPanelView campaignId={7} summary={summary} t={createTranslator(getMessages("fr"))} locale="fr" />,
    );
    expect(html).toContain("Résumé de la Campagne");
    expect(html).toContain("Aucun script agent choisi");
    expect(html).toContain("File d&#x27;attente SOCIAL");
    expect(html).toContain(">Bloquant<");
    expect(html).toContain(">Alerte<");
    expect(html).toContain(">Configuré<");
    expect(html.match(/>Corriger</g)).toHaveLength(2);
    expect(html).toContain('href="/admin/campaigns/7?tab=relation"');
    expect(html).toContain('aria-label="Corriger : Script agent"');
    // A network's error text is shown as text, never as markup.
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;");
  });

  it("«Calculé le …» is in the reader's language and the campaign's time zone, not UTC", () => {
    const fr = renderToStaticMarkup(
      <SummaryPanelView campaignId={7} summary={summary} t={createTranslator(getMessages("fr"))} locale="fr" timeZone="Europe/Paris" />,
    );
    expect(fr).toContain("Calculé le 2 mars 2026, 11:00:00");
    const en = renderToStaticMarkup(
      <SummaryPanelView campaignId={7} summary={summary} t={createTranslator(getMessages("en"))} locale="en" timeZone="America/Toronto" />,
    );
    expect(en.replace(/\s/g, " ")).toContain("Computed on Mar 2, 2026, 5:00:00 AM");
  });

  it("the list light says its state in words and links to the campaign", () => {
    const html = renderToStaticMarkup(
      <I18nProvider locale="en" messages={getMessages("en")}>
        <SummaryLight summary={{ overall: "orange" }} href="/admin/campaigns/7" />
        <SummaryLight summary={null} />
      </I18nProvider>,
    );
    expect(html).toContain(">Warning<");
    expect(html).toContain('aria-label="Campaign summary: Warning"');
    expect(html).toContain('href="/admin/campaigns/7"');
    expect(html).toContain("Summary not computed yet");
  });
});
