// A campaign's distribution rules compiled once per poll: keyword rules become term indexes
// (lib/ingestion/term-index.ts) instead of one regular expression built per message and rule.
// The other elements (language, network, private/public, followers) are cheap and keep the one
// definition of their meaning, lib/distribution/evaluate.ts `ruleMatches`.
import { foldText, ruleMatches, type EvaluatedRule, type SocialMessage } from "@/lib/distribution/evaluate";
import { listValues, operatorAllowed } from "@/lib/distribution/elements";
import { buildTermIndex, tokenize, type PreparedText } from "./term-index";
import { normalizeWord } from "@/lib/blacklists/normalize";

export interface StoredRule extends EvaluatedRule {
  id: number;
}

/** What the rules see of a message: its resolved language and its text prepared once. */
export interface RuleInput {
  lang: string | null;
  network: string;
  isPrivate: boolean;
  authorFollowers: number | null;
  text: string;
  prepared: PreparedText;
}

export interface RuleMatch {
  ruleId: number;
  skillId: number;
  minLevel: number;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

type Predicate = (input: RuleInput) => boolean;

/**
 * A keyword rule: the text holds one of its keywords as a whole word or phrase. A keyword made of
 * words ("service client") is looked up in the message's words; one with other signs ("#promo",
 * "c++") keeps evaluate.ts's whole-match regular expression, compiled here once.
 */
function keywordPredicate(rule: EvaluatedRule): Predicate {
  const words = rule.operator === "in_list" ? listValues(rule.value) : [rule.value];
  const plain: string[] = [];
  const patterns: RegExp[] = [];
  for (const word of words) {
    const normalized = normalizeWord(word);
    if (!normalized) continue;
    if (tokenize(normalized).join(" ") === normalized) plain.push(word);
    else patterns.push(new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(foldText(word.trim()))}($|[^\\p{L}\\p{N}])`, "u"));
  }
  const index = buildTermIndex(plain.map((term) => ({ term, value: true })));
  return (input) => {
    if (index.size > 0 && index.first(input.prepared)) return true;
    if (patterns.length === 0) return false;
    const folded = foldText(input.text);
    return patterns.some((p) => p.test(folded));
  };
}

function predicateOf(rule: EvaluatedRule): Predicate {
  if (rule.element === "keyword" && operatorAllowed("keyword", rule.operator)) return keywordPredicate(rule);
  return (input) => {
    const message: SocialMessage = {
      lang: input.lang,
      text: input.text,
      network: input.network,
      isPrivate: input.isPrivate,
      authorFollowers: input.authorFollowers,
    };
    return ruleMatches(rule, message);
  };
}

/**
 * The rule a message matches: the FIRST one in the group's order whose condition holds (order is
 * priority, as on the rule group's page), or null (no skill asked: any eligible agent).
 */
export function compileRules(rules: readonly StoredRule[]): (input: RuleInput) => RuleMatch | null {
  const compiled = rules.map((rule) => ({ rule, test: predicateOf(rule) }));
  return (input) => {
    for (const { rule, test } of compiled) {
      if (test(input)) return { ruleId: rule.id, skillId: rule.skillId, minLevel: rule.minLevel };
    }
    return null;
  };
}
