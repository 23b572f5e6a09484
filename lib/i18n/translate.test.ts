import { describe, expect, it } from "vitest";
import { en } from "./messages/en";
import { fr } from "./messages/fr";
import { defaultLocale, isLocale, locales } from "./locales";
import { createTranslator, getMessages, interpolate } from "./translate";
import { icuArguments } from "./icu-arguments";

function leaves(node: unknown, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
    const path = prefix + key;
    if (typeof value === "string") out.set(path, value);
    else for (const [p, v] of leaves(value, `${path}.`)) out.set(p, v);
  }
  return out;
}

// ICU arguments: `{name}` and the `count` of `{count, plural, one {…} other {…}}`.
const placeholders = icuArguments;

describe("createTranslator", () => {
  it("translates nested keys in the chosen locale", () => {
    expect(createTranslator(getMessages("fr"))("auth.forbidden.title")).toBe("Accès refusé");
    expect(createTranslator(getMessages("en"))("auth.forbidden.title")).toBe("Access denied");
  });

  it("interpolates parameters, numbers included", () => {
    const t = createTranslator(fr);
    expect(t("auth.tooManyAttempts", { minutes: 15 })).toBe("Trop de tentatives, réessayez dans 15 min");
    expect(t("workspace.characterCount", { count: 12, max: 280 })).toBe("12 / 280 caractères");
  });

  it("leaves a missing parameter visible instead of dropping it", () => {
    const t = createTranslator(en);
    expect(t("auth.tooManyAttempts")).toBe("Too many attempts, try again in {minutes} min");
    expect(t("workspace.characterCount", { count: 3 })).toBe("3 / {max} characters");
  });

  it("does not read inherited properties as parameters", () => {
    expect(interpolate("{toString}", {})).toBe("{toString}");
  });

  it("shows the key itself for a key that does not exist at runtime", () => {
    const t = createTranslator(fr);
    expect(t("common.doesNotExist" as never)).toBe("common.doesNotExist");
    expect(t("common" as never)).toBe("common");
  });
});

describe("catalogues", () => {
  const frLeaves = leaves(fr);
  const enLeaves = leaves(en);

  it("fr and en have exactly the same keys", () => {
    expect([...enLeaves.keys()].sort()).toEqual([...frLeaves.keys()].sort());
  });

  it("fr and en use the same placeholders for each message", () => {
    for (const [key, text] of frLeaves) {
      expect({ key, params: placeholders(enLeaves.get(key) ?? "") }).toEqual({
        key,
        params: placeholders(text),
      });
    }
  });

  it("has no empty message", () => {
    for (const [key, text] of [...frLeaves, ...enLeaves]) {
      expect({ key, empty: text.trim() === "" }).toEqual({ key, empty: false });
    }
  });
});

describe("locales", () => {
  it("recognises supported locales only", () => {
    expect(locales).toContain(defaultLocale);
    expect(isLocale("fr")).toBe(true);
    expect(isLocale("en")).toBe(true);
    expect(isLocale("de")).toBe(false);
    expect(isLocale(undefined)).toBe(false);
  });
});
