import { describe, expect, it, vi } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nProvider } from "@/lib/i18n/client";
import { getMessages } from "@/lib/i18n/translate";
import { sampleModel } from "@/lib/scripts/sample";
import { ScriptRenderer } from "./script-renderer";

function render(variables: Record<string, string>, onCommand = vi.fn()) {
  return renderToStaticMarkup(
    <I18nProvider locale="fr" messages={getMessages("fr")}>
      <ScriptRenderer model={sampleModel()} variables={variables} mode="preview" onCommand={onCommand} />
    </I18nProvider>,
  );
}

describe("ScriptRenderer", () => {
  it("shows the first page with its evaluated text and its fields", () => {
    const html = render({ NOM: "Marie", RESEAU: "twitter" });
    expect(html).toContain("Accueil");
    expect(html).toContain("Bonjour Marie, merci pour votre message sur twitter.");
    expect(html).toContain('value="Marie"');
    expect(html).toContain(">Suite</button>");
    expect(html).toContain("Aperçu");
  });

  it("renders a hostile customer value as text, never as markup", () => {
    const html = render({ NOM: "<img src=x onerror=alert(1)>", RESEAU: "<script>alert(2)</script>" });
    expect(html).not.toContain("<img");
    expect(html).not.toContain("<script>");
    expect(html).toContain("Bonjour &lt;img src=x onerror=alert(1)&gt;");
    expect(html).toContain("&lt;script&gt;alert(2)&lt;/script&gt;");
  });
});
