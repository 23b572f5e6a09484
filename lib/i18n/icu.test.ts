import { describe, expect, it } from "vitest";
import { createTranslator as createIntlTranslator, type IntlError } from "next-intl";
import { icuArguments } from "./icu-arguments";
import { locales } from "./locales";
import { getMessages, interpolate, translatorFor } from "./translate";

function leaves(node: unknown, prefix = ""): [string, string][] {
  return Object.entries(node as Record<string, unknown>).flatMap(([key, value]) =>
    typeof value === "string" ? [[prefix + key, value] as [string, string]] : leaves(value, `${prefix}${key}.`),
  );
}

describe("plurals", () => {
  it("the workspace counts waiting conversations with the right plural, in French and English", () => {
    const fr = translatorFor("fr");
    const en = translatorFor("en");
    expect(fr("workspace.waitingInQueue", { count: 1 })).toBe("1 conversation en attente dans les files");
    expect(fr("workspace.waitingInQueue", { count: 2 })).toBe("2 conversations en attente dans les files");
    expect(en("workspace.waitingInQueue", { count: 1 })).toBe("1 conversation waiting in the queues");
    expect(en("workspace.waitingInQueue", { count: 2 })).toBe("2 conversations waiting in the queues");
  });

  it("zero is singular in French and plural in English (list pages' result count)", () => {
    expect(translatorFor("fr")("adminCommon.results", { count: 0 })).toBe("0 résultat");
    expect(translatorFor("en")("adminCommon.results", { count: 0 })).toBe("0 results");
    expect(translatorFor("fr")("adminCommon.results", { count: 1 })).toBe("1 résultat");
    expect(translatorFor("en")("adminCommon.results", { count: 1 })).toBe("1 result");
  });

  it("counts are written in the locale's digits grouping", () => {
    expect(translatorFor("fr")("adminCommon.results", { count: 1234 }).replace(/\s/g, " ")).toBe("1 234 résultats");
    expect(translatorFor("en")("adminCommon.results", { count: 1234 })).toBe("1,234 results");
  });

  it("agrees the words around the count, not only the noun", () => {
    const fr = translatorFor("fr");
    expect(fr("hr.wizard.resultTitle", { count: 1 })).toBe("1 compte créé");
    expect(fr("hr.wizard.resultTitle", { count: 3 })).toBe("3 comptes créés");
    expect(fr("blacklists.import.imported", { added: 3 })).toBe("Import terminé : 3 mots-clés ajoutés.");
    expect(fr("summary.reasons.skills.ok", { count: 1, skills: "Anglais" })).toBe("1 agent a les compétences requises (Anglais)");
    expect(fr("summary.reasons.skills.ok", { count: 4, skills: "Anglais" })).toBe("4 agents ont les compétences requises (Anglais)");
  });

  it("no message keeps a «(s)» plural", () => {
    const left = locales.flatMap((locale) =>
      leaves(getMessages(locale))
        .filter(([, text]) => /\((s|es|x)\)/.test(text))
        .map(([key]) => `${locale}:${key}`),
    );
    expect(left).toEqual([]);
  });
});

describe("ICU syntax", () => {
  it("finds a message's arguments, not its plural branches' words", () => {
    expect(icuArguments("{count, plural, one {Langue} other {Langues}} : {names}")).toEqual(["count", "names"]);
    expect(icuArguments("{n, plural, =0 {aucun} other {# de {who}}} '{literal}' {x, number}")).toEqual(["n", "who", "x"]);
  });

  it("apostrophes stay literal: «l'agent» renders as written", () => {
    const fr = translatorFor("fr");
    expect(fr("hr.errors.agentBusy", { count: 1 })).toBe("Cet agent traite 1 conversation : attendez sa clôture avant de l'archiver");
    expect(fr("auth.forbidden.text")).toBe("Votre compte n'a pas les droits nécessaires pour accéder à cette page.");
    expect(fr("adminCommon.confirmArchiveTitle", { name: "L'équipe" })).toBe("Archiver « L'équipe » ?");
  });

  it("every message of both catalogues is valid ICU and renders exactly as plain substitution would", () => {
    for (const locale of locales) {
      const messages = getMessages(locale);
      const errors: IntlError[] = [];
      // Keys come from walking the catalogue, so they are plain strings here.
      const t = createIntlTranslator({ locale, messages, timeZone: "Europe/Paris", onError: (e) => errors.push(e) }) as unknown as (
        key: string,
        values: Record<string, string | number>,
      ) => string;
      for (const [key, text] of leaves(messages)) {
        const args = icuArguments(text);
        // Plurals, selects and formatted arguments ({n, number}) have no plain equivalent.
        if (/\{\s*\w+\s*,/.test(text)) {
          for (const count of [0, 1, 2]) t(key, Object.fromEntries(args.map((a) => [a, count])));
        } else {
          const params = Object.fromEntries(args.map((a) => [a, `<${a}>`]));
          expect({ locale, key, text: t(key, params) }).toEqual({ locale, key, text: interpolate(text, params) });
        }
      }
      expect(errors.map((e) => e.message)).toEqual([]);
    }
  });
});
