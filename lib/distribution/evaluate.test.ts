import { describe, it, expect } from "vitest";
import { requiredSkills, ruleMatches, type EvaluatedRule, type SocialMessage } from "./evaluate";

const msg = (patch: Partial<SocialMessage> = {}): SocialMessage => ({ text: "Bonjour", network: "twitter", isPrivate: false, ...patch });
const rule = (element: string, operator: string, value: string, skillId = 1, minLevel = 1): EvaluatedRule => ({
  element,
  operator,
  value,
  skillId,
  minLevel,
});

describe("ruleMatches", () => {
  it("compares the author's language on its primary subtag, legacy codes included", () => {
    expect(ruleMatches(rule("lang", "equals", "fr"), msg({ lang: "fr-CA" }))).toBe(true);
    expect(ruleMatches(rule("lang", "equals", "fr"), msg({ lang: "en" }))).toBe(false);
    expect(ruleMatches(rule("lang", "not_equals", "fr"), msg({ lang: "en" }))).toBe(true);
    expect(ruleMatches(rule("lang", "in_list", "es, pt, it"), msg({ lang: "pt" }))).toBe(true);
    expect(ruleMatches(rule("lang", "in_list", "es, pt, it"), msg({ lang: "de" }))).toBe(false);
    expect(ruleMatches(rule("lang", "equals", "id"), msg({ lang: "in" }))).toBe(true);
  });

  it("never matches a language condition when the language is unknown", () => {
    for (const lang of [undefined, null, "", "und"]) {
      expect(ruleMatches(rule("lang", "equals", "fr"), msg({ lang }))).toBe(false);
      expect(ruleMatches(rule("lang", "not_equals", "fr"), msg({ lang }))).toBe(false);
    }
  });

  it("finds keywords as whole words, ignoring case and accents", () => {
    expect(ruleMatches(rule("keyword", "contains", "résiliation"), msg({ text: "Je veux une RESILIATION !" }))).toBe(true);
    expect(ruleMatches(rule("keyword", "contains", "relais"), msg({ text: "#relais au secours" }))).toBe(true);
    expect(ruleMatches(rule("keyword", "contains", "relais"), msg({ text: "relaisfoo" }))).toBe(false);
    expect(ruleMatches(rule("keyword", "contains", "service client"), msg({ text: "Le  Service   Client ne répond pas" }))).toBe(true);
    expect(ruleMatches(rule("keyword", "in_list", "remboursement, facture"), msg({ text: "Ma facture est fausse" }))).toBe(true);
    expect(ruleMatches(rule("keyword", "in_list", "remboursement, facture"), msg({ text: "Bonjour" }))).toBe(false);
  });

  it("takes a keyword's regular-expression characters literally", () => {
    expect(ruleMatches(rule("keyword", "contains", "c++"), msg({ text: "J'aime le c++ !" }))).toBe(true);
    expect(ruleMatches(rule("keyword", "contains", "a.b"), msg({ text: "axb" }))).toBe(false);
  });

  it("tests the network, privacy and follower count", () => {
    expect(ruleMatches(rule("network", "equals", "facebook"), msg({ network: "facebook" }))).toBe(true);
    expect(ruleMatches(rule("network", "not_equals", "facebook"), msg({ network: "twitter" }))).toBe(true);
    expect(ruleMatches(rule("private", "equals", "true"), msg({ isPrivate: true }))).toBe(true);
    expect(ruleMatches(rule("private", "equals", "true"), msg({ isPrivate: false }))).toBe(false);
    expect(ruleMatches(rule("private", "equals", "false"), msg({ isPrivate: false }))).toBe(true);
    expect(ruleMatches(rule("followers", "gte", "10000"), msg({ authorFollowers: 10_000 }))).toBe(true);
    expect(ruleMatches(rule("followers", "gte", "10000"), msg({ authorFollowers: 9_999 }))).toBe(false);
    expect(ruleMatches(rule("followers", "lte", "10"), msg({ authorFollowers: 3 }))).toBe(true);
    expect(ruleMatches(rule("followers", "lte", "10"), msg({ authorFollowers: undefined }))).toBe(false);
  });

  it("ignores a rule with an unknown element or an operator its element does not have", () => {
    expect(ruleMatches(rule("colour", "equals", "blue"), msg())).toBe(false);
    expect(ruleMatches(rule("followers", "contains", "1"), msg({ authorFollowers: 1 }))).toBe(false);
  });
});

describe("requiredSkills", () => {
  const rules = [
    rule("followers", "gte", "100000", 10, 8), // influencers to the most senior agents
    rule("lang", "equals", "en", 20, 3),
    rule("keyword", "contains", "facture", 30, 5),
  ];

  it("gives the skill of the first matching rule only, in the group's order", () => {
    expect(requiredSkills(rules, msg({ lang: "en", text: "facture", authorFollowers: 500_000 }))).toEqual([{ skillId: 10, minLevel: 8 }]);
    expect(requiredSkills(rules, msg({ lang: "en", text: "facture", authorFollowers: 5 }))).toEqual([{ skillId: 20, minLevel: 3 }]);
    expect(requiredSkills(rules, msg({ lang: "fr", text: "Ma facture" }))).toEqual([{ skillId: 30, minLevel: 5 }]);
  });

  it("requires nothing when no rule matches or there is no rule", () => {
    expect(requiredSkills(rules, msg({ lang: "fr", text: "Bonjour" }))).toEqual([]);
    expect(requiredSkills([], msg())).toEqual([]);
  });
});
