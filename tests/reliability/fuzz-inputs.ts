// Inputs for the fuzzer (tests/reliability/fuzz.test.ts), derived from a server action's own zod
// schema: values it accepts (so the call reaches the handler and the database), boundary values
// and hostile ones (empty, 100,000 characters, RTL and zero-width tricks, NUL bytes, NaN,
// numbers past PostgreSQL's integer, wrong types, missing and extra fields, nested garbage).
// A seeded generator: the same seed gives the same inputs, so a failure can be replayed.
import type { z } from "zod";

/** mulberry32: small, fast, and good enough to pick test inputs. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function seedOf(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

type Rand = () => number;
const pick = <T>(r: Rand, list: readonly T[]): T => list[Math.floor(r() * list.length)];

export const HOSTILE_STRINGS = [
  "",
  " ",
  "x".repeat(100_000),
  "\u202Eevil\u202C مرحبا بالعالم עברית",
  "\u200B\u200D\uFEFF",
  "👩‍👩‍👧‍👦🙂".repeat(500),
  "nul\u0000byte",
  "<script>alert(1)</script>",
  "'; drop table users; --",
  "../../etc/passwd",
  "\uD800", // a lone surrogate
  "%00%ff",
  "   padded   ",
];
export const HOSTILE_NUMBERS = [0, -1, -0, 1.5, NaN, Infinity, -Infinity, 2 ** 31, -(2 ** 31) - 1, 2 ** 53 + 2, 1e308, Number.MIN_VALUE];
const GARBAGE: unknown[] = [
  null,
  undefined,
  true,
  "garbage",
  -7,
  NaN,
  [],
  [1, "two", null],
  {},
  { a: { b: { c: [1, { d: NaN, e: "\u0000" }] } } },
  { __proto__: { polluted: true } },
  { constructor: { prototype: { polluted: true } } },
];

interface Def {
  type: string;
  [key: string]: unknown;
}
const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;
const checksOf = (d: Def): Def[] => ((d.checks as { _zod: { def: Def } }[] | undefined) ?? []).map((c) => c._zod.def);

function stringBounds(d: Def): { min: number; max: number; format?: string; pattern?: RegExp } {
  let min = 0;
  let max = Infinity;
  let format = typeof d.format === "string" ? d.format : undefined;
  let pattern = d.pattern instanceof RegExp ? d.pattern : undefined;
  for (const c of checksOf(d)) {
    if (c.check === "min_length") min = Math.max(min, Number(c.minimum));
    if (c.check === "max_length") max = Math.min(max, Number(c.maximum));
    if (c.check === "length_equals") min = max = Number(c.length);
    if (c.check === "string_format") {
      format = String(c.format);
      if (c.pattern instanceof RegExp) pattern = c.pattern;
    }
  }
  return { min, max, format, pattern };
}

const PATTERN_TRIES = [
  "ABC",
  "abc",
  "A1",
  "1000",
  "1234",
  "fuzz",
  "fuzz_code",
  "FUZZ",
  "a-b",
  "2026-01-01",
  "10:00",
  "#3366ff",
  "Europe/Paris",
  "fr",
  "relais",
];

function plausibleString(r: Rand, d: Def): string {
  const { min, max, format, pattern } = stringBounds(d);
  if (format === "email") return `fuzz${Math.floor(r() * 1e6)}@example.com`;
  if (format === "url") return "http://127.0.0.1:9/fuzz"; // a closed port: refused at once, never a real host
  if (format === "uuid" || format === "guid") return crypto.randomUUID();
  if (format === "datetime") return new Date(Date.UTC(2026, 5, 1 + Math.floor(r() * 20), 10)).toISOString();
  if (format === "date") return `2026-06-${String(1 + Math.floor(r() * 28)).padStart(2, "0")}`;
  if (pattern) {
    const fits = PATTERN_TRIES.filter((t) => pattern.test(t) && t.length >= min && t.length <= max);
    if (fits.length) return pick(r, fits);
  }
  const words = ["fuzz", "Relais", "colis", "été", "Zoë", "mañana", "客服"];
  let out = pick(r, words);
  const target = Math.min(max, Math.max(min, 1 + Math.floor(r() * 24)));
  while (out.length < target) out += ` ${pick(r, words)}`;
  return out.slice(0, Math.max(min, Math.min(max, out.length)));
}

function plausibleNumber(r: Rand, d: Def): number {
  let min = -1000;
  let max = 1000;
  let int = d.format === "safeint" || d.format === "int32";
  for (const c of [d, ...checksOf(d)]) {
    if (c.check === "greater_than") min = Number(c.value) + (c.inclusive ? 0 : int ? 1 : 0.01);
    if (c.check === "less_than") max = Number(c.value) - (c.inclusive ? 0 : int ? 1 : 0.01);
    if (c.check === "number_format" && (c.format === "safeint" || c.format === "int32" || c.format === "uint32")) int = true;
  }
  if (min > max) return min;
  // Small values first: ids of the demo's rows (1…6) make the handler find real rows.
  const lo = Math.max(min, int ? 1 : 0);
  const hi = Math.min(max, lo + 6);
  const n = lo <= hi && r() < 0.8 ? lo + r() * (hi - lo) : min + r() * (Math.min(max, min + 10_000) - min);
  return int ? Math.round(n) : n;
}

/**
 * A value for `schema`: plausible (accepted, most of the time) except that each leaf is hostile
 * with probability `hostile`.
 */
export function generate(schema: z.ZodType, r: Rand, hostile: number, depth = 0): unknown {
  const d = defOf(schema);
  const bad = r() < hostile;
  if (depth > 6) return null;
  switch (d.type) {
    case "string":
      return bad ? pick(r, HOSTILE_STRINGS) : plausibleString(r, d);
    case "number":
      return bad ? pick(r, HOSTILE_NUMBERS) : d.coerce && r() < 0.3 ? String(plausibleNumber(r, d)) : plausibleNumber(r, d);
    case "bigint":
      return bad ? pick(r, [-1n, 2n ** 70n]) : 1n;
    case "boolean":
      return bad ? pick(r, ["true", 1, null]) : r() < 0.5;
    case "date":
      return bad ? new Date(NaN) : new Date(Date.UTC(2026, 5, 2, 10));
    case "enum": {
      const values = Object.values(d.entries as Record<string, unknown>);
      return bad ? pick(r, ["nope", "", 0]) : pick(r, values);
    }
    case "literal":
      return bad ? "not the literal" : pick(r, d.values as unknown[]);
    case "null":
      return bad ? "null" : null;
    case "undefined":
    case "void":
      return undefined;
    case "nan":
      return NaN;
    case "array": {
      if (bad) return pick(r, [Array.from({ length: 1000 }, () => "x"), "not an array", [null, undefined, {}]]);
      const n = Math.floor(r() * 4);
      return Array.from({ length: n }, () => generate(d.element as z.ZodType, r, hostile, depth + 1));
    }
    case "tuple":
      return (d.items as z.ZodType[]).map((s) => generate(s, r, hostile, depth + 1));
    case "set":
      return new Set([generate(d.valueType as z.ZodType, r, hostile, depth + 1)]);
    case "record":
    case "map": {
      const out: Record<string, unknown> = {};
      const n = Math.floor(r() * 3);
      for (let i = 0; i < n; i++)
        out[String(generate(d.keyType as z.ZodType, r, hostile, depth + 1))] = generate(d.valueType as z.ZodType, r, hostile, depth + 1);
      return out;
    }
    case "object": {
      if (bad && depth > 0) return pick(r, GARBAGE);
      const shape = d.shape as Record<string, z.ZodType>;
      const out: Record<string, unknown> = {};
      for (const [key, field] of Object.entries(shape)) {
        const t = defOf(field).type;
        // Optional fields are sometimes left out; a hostile draw may leave out a required one.
        if ((t === "optional" || t === "default" || t === "prefault") && r() < 0.3) continue;
        if (r() < hostile * 0.2) continue;
        out[key] = generate(field, r, hostile, depth + 1);
      }
      if (r() < hostile) out[pick(r, ["extra", "id", "__proto__", "constructor", "role"])] = pick(r, GARBAGE);
      return out;
    }
    case "optional":
      return !bad && r() < 0.15 ? undefined : generate(d.innerType as z.ZodType, r, hostile, depth + 1);
    case "nullable":
      return !bad && r() < 0.15 ? null : generate(d.innerType as z.ZodType, r, hostile, depth + 1);
    case "default":
    case "prefault":
    case "catch":
    case "readonly":
    case "nonoptional":
    case "success":
      return generate(d.innerType as z.ZodType, r, hostile, depth + 1);
    case "pipe":
      return generate(d.in as z.ZodType, r, hostile, depth + 1);
    case "lazy":
      return generate((d.getter as () => z.ZodType)(), r, hostile, depth + 1);
    case "union":
      return generate(pick(r, d.options as z.ZodType[]), r, hostile, depth + 1);
    case "intersection": {
      const a = generate(d.left as z.ZodType, r, hostile, depth + 1);
      const b = generate(d.right as z.ZodType, r, hostile, depth + 1);
      return a && b && typeof a === "object" && typeof b === "object" ? { ...a, ...b } : a;
    }
    default:
      // transform, custom, file, any, unknown…: something that is not what it wants.
      return pick(r, GARBAGE);
  }
}

/** `count` inputs for one action: whole-input garbage first, then generated ones from plausible to hostile. */
export function inputsFor(schema: z.ZodType, seed: number, count: number): unknown[] {
  const r = rng(seed);
  const out: unknown[] = [undefined, null, "a string", 12345, [], { a: { b: { c: [1, { d: NaN }] } } }, {}];
  const levels = [0, 0, 0, 0.05, 0.15, 0.3, 0.6, 1];
  for (let i = 0; out.length < count; i++) out.push(generate(schema, r, levels[i % levels.length]));
  return out;
}
