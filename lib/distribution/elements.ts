import { isLanguageCode } from "./languages";

// What a distribution rule can test in an incoming social message, which operators make sense
// for each element, and how its value is written. Pure: shared by the form, the action's schema
// and the evaluator.

export const ruleElements = ["lang", "keyword", "network", "private", "followers"] as const;
export type RuleElement = (typeof ruleElements)[number];

export const ruleOperators = ["equals", "not_equals", "contains", "in_list", "gte", "lte"] as const;
export type RuleOperator = (typeof ruleOperators)[number];

export const operatorsByElement: Record<RuleElement, readonly RuleOperator[]> = {
  lang: ["equals", "not_equals", "in_list"],
  // in_list: the text contains at least one of the keywords.
  keyword: ["contains", "in_list"],
  network: ["equals", "not_equals"],
  private: ["equals"],
  followers: ["gte", "lte", "equals"],
};

export const ruleNetworks = ["twitter", "facebook"] as const;

export function isRuleElement(value: string): value is RuleElement {
  return (ruleElements as readonly string[]).includes(value);
}

export function operatorAllowed(element: RuleElement, operator: string): operator is RuleOperator {
  return (operatorsByElement[element] as readonly string[]).includes(operator);
}

const MAX_KEYWORD = 100;
const MAX_FOLLOWERS = 1_000_000_000_000;

function splitList(raw: string): string[] {
  return raw
    .split(/[,;\n]/)
    .map((v) => v.trim())
    .filter((v) => v !== "");
}

function dedupe(values: string[]): string[] {
  return [...new Set(values)];
}

/**
 * Checks a rule's value for its element and operator and returns it in its stored form
 * (lower-case language codes, lists joined by ", ", canonical numbers), or null when invalid.
 * Normalising an already normalised value gives it back unchanged.
 */
export function normaliseRuleValue(element: RuleElement, operator: RuleOperator, raw: string): string | null {
  const value = raw.trim();
  switch (element) {
    case "lang": {
      const codes = dedupe(splitList(value.toLowerCase()));
      if (codes.length === 0 || !codes.every(isLanguageCode)) return null;
      if (operator !== "in_list" && codes.length > 1) return null;
      return codes.join(", ");
    }
    case "keyword": {
      const words = operator === "in_list" ? dedupe(splitList(value)) : [value.replace(/\s+/g, " ")];
      if (words.length === 0 || words.some((w) => w === "" || w.length > MAX_KEYWORD)) return null;
      return words.join(", ");
    }
    case "network":
      return (ruleNetworks as readonly string[]).includes(value.toLowerCase()) ? value.toLowerCase() : null;
    case "private":
      return value === "true" || value === "false" ? value : null;
    case "followers": {
      if (!/^\d+$/.test(value)) return null;
      const n = Number(value);
      return n <= MAX_FOLLOWERS ? String(n) : null;
    }
  }
}

/** The values of a stored list ("fr, en" → ["fr", "en"]). */
export function listValues(stored: string): string[] {
  return splitList(stored);
}
