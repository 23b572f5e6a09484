/**
 * The ingestion classifier alone, in memory: a campaign with a 10,000-term blacklist (accents,
 * phrases) and 20 distribution rules (languages, keyword lists, followers, network, private),
 * classifying 20,000 tweet-like messages (one in ten without a network language, so detected).
 * Baseline in the same run: the naive check, every normalised term looked for with `includes`
 * in every normalised message (what a straightforward implementation does), on fewer messages.
 * Run: npx tsx bench/classify.ts
 */
import { buildClassifier } from "@/lib/ingestion/classify";
import type { StoredRule } from "@/lib/ingestion/rules";
import { normalizeWord } from "@/lib/blacklists/normalize";
import type { InboundMessage } from "@/lib/networks/types";

const TERMS = 10_000;
const RULES = 20;
const MESSAGES = 20_000;
const BASELINE_MESSAGES = 1_000;

// 32-bit LCG with integer multiplication (a float product loses bits and cycles early).
let seed = 7;
const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 0x1_0000_0000;
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];

const syllables = ["ar", "na", "que", "é", "pée", "vo", "lé", "cro", "ç", "ïs", "ro", "man", "tu", "ê", "ti", "ber", "gô", "zu", "xa"];
function pseudoWord(): string {
  let w = "";
  const n = 3 + Math.floor(random() * 3);
  for (let i = 0; i < n; i++) w += pick(syllables);
  return w;
}

const terms: { term: string; blacklistId: number }[] = [];
const seen = new Set<string>();
for (let attempts = 0; terms.length < TERMS; attempts++) {
  if (attempts > TERMS * 100) throw new Error("could not generate enough distinct terms");
  const term = terms.length % 10 === 0 ? `${pseudoWord()} ${pseudoWord()}` : pseudoWord();
  if (seen.has(normalizeWord(term))) continue;
  seen.add(normalizeWord(term));
  terms.push({ term, blacklistId: 1 + (terms.length % 3) });
}

const vocabulary = (
  "bonjour merci commande colis retard livraison service client facture remboursement produit problème " +
  "hello thanks order parcel late delivery invoice refund product problem please help today again still " +
  "le la les un une mon ma mes est pas depuis semaine the my is not since week and with for"
).split(" ");

const rules: StoredRule[] = [];
const elements: [string, string, () => string][] = [
  ["lang", "equals", () => pick(["de", "es", "it", "pt", "nl"])],
  ["lang", "in_list", () => "ja, ko, zh"],
  ["keyword", "in_list", () => Array.from({ length: 8 }, pseudoWord).join(", ")],
  ["keyword", "contains", () => `${pseudoWord()} ${pseudoWord()}`],
  ["followers", "gte", () => "5000000"],
  ["private", "equals", () => "true"],
];
for (let i = 0; i < RULES - 2; i++) {
  const [element, operator, value] = elements[i % elements.length];
  rules.push({ id: i + 1, element, operator, value: value(), skillId: 100 + i, minLevel: 1 + (i % 5) });
}
// The two last rules catch most messages, so the first 18 are all evaluated for them.
rules.push({ id: RULES - 1, element: "keyword", operator: "in_list", value: "remboursement, refund", skillId: 200, minLevel: 2 });
rules.push({ id: RULES, element: "lang", operator: "equals", value: "fr", skillId: 201, minLevel: 1 });

const messages: InboundMessage[] = Array.from({ length: MESSAGES }, (_, i) => {
  const words = Array.from({ length: 8 + Math.floor(random() * 25) }, () => pick(vocabulary));
  // One message in 20 holds a blacklisted term.
  if (i % 20 === 0) words.splice(Math.floor(random() * words.length), 0, pick(terms).term.toUpperCase());
  return {
    externalId: String(i),
    threadId: String(i),
    text: `@relais ${words.join(" ")} #help`,
    authorId: `u${i}`,
    authorHandle: `user${i}`,
    authorName: `User ${i}`,
    authorLang: i % 10 === 0 ? undefined : pick(["fr", "en", "fr", "es"]),
    createdAt: new Date(),
    isPrivate: i % 7 === 0,
    authorFollowers: Math.floor(random() * 10_000),
  };
});

function measure(label: string, n: number, fn: (m: InboundMessage) => unknown): number {
  for (let i = 0; i < Math.min(200, n); i++) fn(messages[i]); // warm-up
  const start = process.hrtime.bigint();
  let sink = 0;
  for (let i = 0; i < n; i++) if (fn(messages[i % messages.length])) sink++;
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const rate = n / seconds;
  console.log(`${label}: ${n} messages in ${(seconds * 1000).toFixed(0)} ms (${sink} hits)`);
  return rate;
}

const compileStart = process.hrtime.bigint();
const classifier = buildClassifier({ terms, rules, open: true });
console.log(`compile: ${(Number(process.hrtime.bigint() - compileStart) / 1e6).toFixed(0)} ms for ${TERMS} terms and ${RULES} rules`);

let filtered = 0;
const rate = measure("classifier", MESSAGES, (m) => {
  const c = classifier.classify(m, "twitter");
  if (c.status === "filtered") filtered++;
  return c.matchedRuleId;
});
console.log(`filtered: ${filtered} of ${MESSAGES}`);

// The naive baseline: normalise, then one `includes` per term (no whole-word check even).
const normalizedTerms = terms.map((t) => normalizeWord(t.term));
const baseline = measure("baseline includes", BASELINE_MESSAGES, (m) => {
  const text = normalizeWord(m.text);
  for (const term of normalizedTerms) if (text.includes(term)) return true;
  return false;
});

console.log(
  `RESULT classify engine=memory msgs_per_s=${Math.round(rate)} terms=${TERMS} rules=${RULES} baseline_includes_per_s=${Math.round(baseline)}`,
);
