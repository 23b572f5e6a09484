import { describe, expect, it } from "vitest";
import { MAX_QUERY_LENGTH, matches, parseQuery, type MatchableTweet } from "./query";

function match(query: string, tweet: Partial<MatchableTweet> & { text: string }): boolean {
  const parsed = parseQuery(query);
  if (!parsed.ok) throw new Error(`unexpected parse error: ${parsed.error}`);
  return matches(parsed.ast, { authorHandle: "someone", lang: "en", ...tweet });
}

function parseError(query: string): { error: string; position: number } {
  const parsed = parseQuery(query);
  if (parsed.ok) throw new Error(`expected "${query}" to be rejected`);
  return parsed;
}

describe("parseQuery", () => {
  it("gives AND (space) precedence over OR", () => {
    const parsed = parseQuery("a b OR c");
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.ast.type).toBe("or");
    if (parsed.ast.type !== "or") return;
    expect(parsed.ast.children.map((c) => c.type)).toEqual(["and", "keyword"]);
  });

  it("parses every supported operator", () => {
    const parsed = parseQuery('(#Promo OR @Relais_Demo) "service client" -spam from:@Alice to:bob lang:FR -is:retweet');
    expect(parsed.ok).toBe(true);
    if (!parsed.ok || parsed.ast.type !== "and") throw new Error("expected an AND");
    expect(parsed.ast.children.map((c) => c.type)).toEqual(["or", "phrase", "not", "from", "to", "lang", "not"]);
    const [, , , from, , lang] = parsed.ast.children;
    expect(from).toMatchObject({ type: "from", value: "alice" });
    expect(lang).toMatchObject({ type: "lang", value: "fr" });
  });

  it("treats lowercase or as a keyword, like X", () => {
    const parsed = parseQuery("cats or dogs");
    expect(parsed.ok && parsed.ast.type).toBe("and");
  });

  it.each([
    ["", "The query is empty"],
    ["   ", "The query is empty"],
    ["(cat dog", 'Missing ")" for the "(" at position 1'],
    ["cat dog)", 'Unexpected ")" at position 8'],
    ["()", "Empty parentheses"],
    ['"unterminated phrase', "Unterminated quoted phrase starting at position 1"],
    ["cat OR", '"OR" at position 5 needs a term on its right'],
    ["OR cat", '"OR" at position 1 needs a term on its left'],
    ["cat OR OR dog", '"OR" at position 5 needs a term on its right'],
    ["cat - dog", '"-" at position 5 must be followed directly'],
    ["foo:bar cat", 'Unknown operator "foo:" at position 1'],
    ["lang:french cat", '"french" is not a language code'],
    ["from:not-a-handle", "is not a valid X handle"],
    ["cat #", '"#" is not a valid #hashtag'],
    ["-cat", "cannot be used on its own"],
    ["lang:fr", "cannot be used on its own"],
    ["cat OR lang:fr", "The term at position 8 cannot be used on its own"],
  ])("rejects %j with a clear message", (query, message) => {
    expect(parseError(query).error).toContain(message);
  });

  it("reports the 0-based position of the problem", () => {
    expect(parseError("cat dog)").position).toBe(7);
  });

  it(`rejects queries longer than ${MAX_QUERY_LENGTH} characters`, () => {
    const long = "a ".repeat(300).trim();
    expect(parseError(long).error).toBe(`The query is ${long.length} characters long; X accepts at most 512`);
    expect(parseQuery("a".repeat(512)).ok).toBe(true);
  });

  it("accepts URLs and times as keywords", () => {
    expect(parseQuery("https://relais.example 12:30").ok).toBe(true);
  });
});

describe("matches", () => {
  it("matches keywords case-insensitively on word boundaries", () => {
    expect(match("Orange", { text: "Mon forfait ORANGE ne marche plus" })).toBe(true);
    expect(match("cat", { text: "This category is wrong" })).toBe(false);
    expect(match("cat", { text: "my cat, again!" })).toBe(true);
  });

  it("lets an unaccented keyword match accented text, but not the other way round", () => {
    expect(match("cafe", { text: "Le café est froid" })).toBe(true);
    expect(match("café", { text: "Le cafe est froid" })).toBe(false);
    expect(match("café", { text: "Le CAFÉ est froid" })).toBe(true);
  });

  it("matches exact phrases as consecutive words", () => {
    expect(match('"service client"', { text: "Le service client est fermé" })).toBe(true);
    expect(match('"service client"', { text: "Le client du service" })).toBe(false);
  });

  it("applies AND before OR, and negation", () => {
    const q = "panne internet OR coupure -résolu";
    expect(match(q, { text: "panne internet chez moi" })).toBe(true);
    expect(match(q, { text: "panne chez moi" })).toBe(false);
    expect(match(q, { text: "coupure ce matin" })).toBe(true);
    expect(match(q, { text: "coupure résolu" })).toBe(false);
    expect(match("(panne OR coupure) -(résolu OR fixed)", { text: "coupure fixed" })).toBe(false);
  });

  it("matches hashtags and mentions as entities", () => {
    expect(match("#promo", { text: "Super #Promo ce week-end" })).toBe(true);
    expect(match("#promo", { text: "super promo" })).toBe(false);
    expect(match("promo", { text: "Super #Promo" })).toBe(true);
    expect(match("@relais_demo", { text: "Hello @Relais_Demo!" })).toBe(true);
    expect(match("@relais_demo", { text: "Hello relais_demo" })).toBe(false);
    expect(match("@relais", { text: "Hello @relais_demo" })).toBe(false);
  });

  it("filters on author, reply target, language and reply status", () => {
    expect(match("from:alice aide", { text: "besoin d'aide", authorHandle: "Alice" })).toBe(true);
    expect(match("from:alice aide", { text: "besoin d'aide", authorHandle: "bob" })).toBe(false);
    expect(match("aide lang:fr", { text: "aide", lang: "fr" })).toBe(true);
    expect(match("aide lang:fr", { text: "aide", lang: "en" })).toBe(false);
    expect(match("aide -is:reply", { text: "aide", isReply: true })).toBe(false);
    expect(match("to:relais_demo", { text: "merci", inReplyToHandle: "relais_demo" })).toBe(true);
  });
});
