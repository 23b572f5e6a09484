import { describe, expect, it } from "vitest";
import type { InboundMessage } from "@/lib/networks/types";
import { buildClassifier, type ClassifierSpec } from "./classify";
import { detectLanguage, messageLanguage, networkLanguage } from "./language";
import type { StoredRule } from "./rules";

const message = (text: string, extra: Partial<InboundMessage> = {}): InboundMessage => ({
  externalId: "1",
  threadId: "1",
  text,
  authorId: "u1",
  authorHandle: "claire",
  authorName: "Claire",
  createdAt: new Date("2026-12-01T10:00:00Z"),
  isPrivate: false,
  ...extra,
});

const spec = (over: Partial<ClassifierSpec> = {}): ClassifierSpec => ({ terms: [], rules: [], open: true, ...over });
let nextId = 1;
const rule = (element: string, operator: string, value: string, skillId = 10, minLevel = 1): StoredRule => ({
  id: nextId++,
  element,
  operator,
  value,
  skillId,
  minLevel,
});

describe("blacklist", () => {
  const classifier = buildClassifier(
    spec({
      terms: [
        { term: "Arnaque", blacklistId: 1 },
        { term: "mauvais   service", blacklistId: 2 },
        { term: "Épée", blacklistId: 2 },
        { term: "!!!", blacklistId: 3 },
      ],
    }),
  );

  it("filters a message holding a term, case and accents ignored, with the term as typed and its list", () => {
    expect(classifier.classify(message("C'est une ARNAQUÉ, vraiment"), "twitter")).toMatchObject({
      status: "filtered",
      filteredTerm: "Arnaque",
      filteredBlacklistId: 1,
    });
    expect(classifier.classify(message("une epee cassée"), "twitter")).toMatchObject({ filteredTerm: "Épée", filteredBlacklistId: 2 });
  });

  it("matches phrases as whole words in sequence, whatever the spacing and punctuation", () => {
    expect(classifier.classify(message("Très MAUVAIS, service !"), "twitter").filteredTerm).toBe("mauvais   service");
    expect(classifier.classify(message("mauvais produit, bon service"), "twitter").status).toBe("waiting");
  });

  it("matches whole words only, and symbols as substrings", () => {
    expect(classifier.classify(message("les arnaques du net"), "twitter").status).toBe("waiting");
    expect(classifier.classify(message("Quoi!!!!"), "twitter")).toMatchObject({ status: "filtered", filteredBlacklistId: 3 });
  });

  it("reports the term met first in the text", () => {
    expect(classifier.classify(message("épée puis arnaque"), "twitter").filteredTerm).toBe("Épée");
  });

  it("filters even when the campaign is closed: filtered wins over held", () => {
    const closed = buildClassifier(spec({ terms: [{ term: "arnaque", blacklistId: 1 }], open: false }));
    expect(closed.classify(message("arnaque"), "twitter").status).toBe("filtered");
    expect(closed.classify(message("bonjour"), "twitter").status).toBe("held");
  });
});

describe("language", () => {
  it("takes the network's language when given, ignoring X's no-language codes", () => {
    expect(networkLanguage("fr")).toBe("fr");
    expect(networkLanguage("fr-FR")).toBe("fr");
    expect(networkLanguage("in")).toBe("id");
    for (const none of ["und", "zxx", "qme", "qht", "qst", "", null, undefined, "xx"]) expect(networkLanguage(none)).toBe(null);
    // Given wins over what the text looks like.
    expect(messageLanguage("en", "Bonjour, ma commande n'est pas arrivée")).toBe("en");
  });

  it("detects the language of a long enough text when the network gives none", () => {
    expect(messageLanguage(undefined, "Bonjour, ma commande n'est pas arrivée depuis une semaine")).toBe("fr");
    expect(messageLanguage("und", "My order did not arrive, please help me")).toBe("en");
    expect(detectLanguage("Hola, mi pedido no ha llegado todavía")).toBe("es");
    expect(detectLanguage("Hallo, meine Bestellung ist nicht angekommen")).toBe("de");
  });

  it("returns no language rather than a guess for short or symbol-only texts", () => {
    for (const text of ["ok", "merci", "lol 😂", "@relais #promo https://t.co/x", "Le colis"]) expect(detectLanguage(text)).toBe(null);
  });
});

describe("distribution rules", () => {
  it("asks for the skill of the first matching rule, in the group's order", () => {
    const fr = rule("lang", "equals", "fr", 1, 3);
    const kw = rule("keyword", "contains", "remboursement", 2, 2);
    const classifier = buildClassifier(spec({ rules: [fr, kw] }));
    expect(classifier.classify(message("je veux un remboursement", { authorLang: "fr" }), "twitter")).toMatchObject({
      requestedSkills: [{ skillId: 1, minLevel: 3 }],
      matchedRuleId: fr.id,
    });
    expect(classifier.classify(message("I want a REMBOURSEMENT", { authorLang: "en" }), "twitter")).toMatchObject({
      requestedSkills: [{ skillId: 2, minLevel: 2 }],
      matchedRuleId: kw.id,
    });
    expect(classifier.classify(message("hello", { authorLang: "en" }), "twitter")).toMatchObject({
      requestedSkills: [],
      matchedRuleId: null,
    });
  });

  it("routes on the detected language when the network gives none, and not on an unknown one", () => {
    const notFr = rule("lang", "not_equals", "fr");
    const c = buildClassifier(spec({ rules: [notFr] }));
    expect(c.classify(message("My order did not arrive, please help me"), "facebook").matchedRuleId).toBe(notFr.id);
    expect(c.classify(message("ok"), "facebook").matchedRuleId).toBe(null);
    const inList = rule("lang", "in_list", "es, de");
    expect(
      buildClassifier(spec({ rules: [inList] })).classify(message("Hola, mi pedido no ha llegado todavía"), "facebook").matchedRuleId,
    ).toBe(inList.id);
  });

  it("matches keywords as whole words or phrases, accents and case ignored, lists and signs included", () => {
    const list = rule("keyword", "in_list", "service client, facture");
    const tag = rule("keyword", "contains", "#promo");
    const c = buildClassifier(spec({ rules: [list, tag] }));
    expect(c.classify(message("Le SERVICE   Client ne répond pas"), "twitter").matchedRuleId).toBe(list.id);
    expect(c.classify(message("ma FACTURÉ est fausse"), "twitter").matchedRuleId).toBe(list.id);
    expect(c.classify(message("mes factures"), "twitter").matchedRuleId).toBe(null);
    expect(c.classify(message("vu la #promo!"), "twitter").matchedRuleId).toBe(tag.id);
    expect(c.classify(message("vu la promo"), "twitter").matchedRuleId).toBe(null);
  });

  it("tests the network, private or public, and follower counts", () => {
    const fb = rule("network", "equals", "facebook");
    const c1 = buildClassifier(spec({ rules: [fb] }));
    expect(c1.classify(message("x"), "facebook").matchedRuleId).toBe(fb.id);
    expect(c1.classify(message("x"), "twitter").matchedRuleId).toBe(null);

    const priv = rule("private", "equals", "true");
    const c2 = buildClassifier(spec({ rules: [priv] }));
    expect(c2.classify(message("x", { isPrivate: true }), "twitter").matchedRuleId).toBe(priv.id);
    expect(c2.classify(message("x"), "twitter").matchedRuleId).toBe(null);

    const vip = rule("followers", "gte", "10000", 7, 4);
    const c3 = buildClassifier(spec({ rules: [vip] }));
    expect(c3.classify(message("x", { authorFollowers: 25_000 }), "twitter").requestedSkills).toEqual([{ skillId: 7, minLevel: 4 }]);
    expect(c3.classify(message("x", { authorFollowers: 9_999 }), "twitter").matchedRuleId).toBe(null);
    // Unknown follower count: the condition does not hold.
    expect(c3.classify(message("x"), "twitter").matchedRuleId).toBe(null);
  });

  it("skips a rule with an unknown element or operator", () => {
    const bad = rule("mood", "equals", "angry");
    const ok = rule("network", "equals", "twitter");
    expect(buildClassifier(spec({ rules: [bad, ok] })).classify(message("x"), "twitter").matchedRuleId).toBe(ok.id);
  });
});

describe("gate", () => {
  it("holds when closed, queues when open, and keeps the rule's skills either way", () => {
    const r = rule("network", "equals", "twitter", 3, 2);
    const open = buildClassifier(spec({ rules: [r] })).classify(message("x"), "twitter");
    const held = buildClassifier(spec({ rules: [r], open: false })).classify(message("x"), "twitter");
    expect(open).toMatchObject({ status: "waiting", requestedSkills: [{ skillId: 3, minLevel: 2 }] });
    expect(held).toMatchObject({ status: "held", requestedSkills: [{ skillId: 3, minLevel: 2 }] });
  });
});
