import { isRuleElement, listValues, operatorAllowed } from "./elements";

/** What routing knows of an incoming social message. */
export interface SocialMessage {
  /** The author's language as the network reports it (BCP 47 or ISO 639-1); unknown if absent. */
  lang?: string | null;
  text: string;
  network: string;
  isPrivate: boolean;
  authorFollowers?: number | null;
}

export interface EvaluatedRule {
  element: string;
  operator: string;
  value: string;
  skillId: number;
  minLevel: number;
}

export interface RequiredSkill {
  skillId: number;
  minLevel: number;
}

/** Case- and accent-insensitive form used to compare keywords with a message's text. */
export function foldText(text: string): string {
  return text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().replace(/\s+/g, " ");
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Whole word or phrase: "relais" matches "#relais!" but not "relaiss". */
function containsKeyword(foldedText: string, keyword: string): boolean {
  const k = foldText(keyword.trim());
  if (!k) return false;
  return new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(k)}($|[^\\p{L}\\p{N}])`, "u").test(foldedText);
}

// Deprecated codes some networks still send (X reports Indonesian as "in", Hebrew as "iw").
const LEGACY_LANGUAGE: Record<string, string> = { in: "id", iw: "he", ji: "yi" };

/** "fr-FR" → "fr"; "und" (undetermined, X's value) and empty → unknown. */
function primaryLanguage(lang: string | null | undefined): string | null {
  const primary = (lang ?? "").trim().toLowerCase().split(/[-_]/)[0];
  if (!primary || primary === "und") return null;
  return LEGACY_LANGUAGE[primary] ?? primary;
}

/**
 * Whether a rule's condition holds for a message. A condition on something the message does
 * not carry (unknown language, unknown follower count) does not hold, whatever the operator:
 * "language is not fr" must not send a message of unknown language to a language profile.
 * A rule with an unknown element or operator never holds.
 */
export function ruleMatches(rule: Pick<EvaluatedRule, "element" | "operator" | "value">, message: SocialMessage): boolean {
  if (!isRuleElement(rule.element) || !operatorAllowed(rule.element, rule.operator)) return false;
  const op = rule.operator;
  switch (rule.element) {
    case "lang": {
      const lang = primaryLanguage(message.lang);
      if (!lang) return false;
      const codes = listValues(rule.value.toLowerCase());
      if (op === "in_list") return codes.includes(lang);
      return op === "equals" ? codes[0] === lang : codes[0] !== lang;
    }
    case "keyword": {
      const text = foldText(message.text);
      const words = op === "in_list" ? listValues(rule.value) : [rule.value];
      return words.some((w) => containsKeyword(text, w));
    }
    case "network": {
      const same = message.network.toLowerCase() === rule.value.toLowerCase();
      return op === "equals" ? same : !same;
    }
    case "private":
      return message.isPrivate === (rule.value === "true");
    case "followers": {
      if (message.authorFollowers === null || message.authorFollowers === undefined) return false;
      const n = Number(rule.value);
      if (op === "gte") return message.authorFollowers >= n;
      if (op === "lte") return message.authorFollowers <= n;
      return message.authorFollowers === n;
    }
  }
}

/**
 * The skill a message requires, from its campaign's distribution rules given in their group
 * order: the FIRST rule whose condition holds wins and later rules are not consulted (order
 * expresses priority, like the manual's ordered rule list). No matching rule → [] (any agent).
 * A list so that routing can add requirements of other origins (the campaign's own skills).
 */
export function requiredSkills(rules: readonly EvaluatedRule[], message: SocialMessage): RequiredSkill[] {
  const rule = rules.find((r) => ruleMatches(r, message));
  return rule ? [{ skillId: rule.skillId, minLevel: rule.minLevel }] : [];
}
