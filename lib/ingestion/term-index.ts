// Whole-word and phrase lookup of many terms in a text, built once per poll: a message costs one
// normalisation, one split and one hash lookup per word, whatever the number of terms (a 10,000
// word blacklist does not mean 10,000 `includes` per message). Case and accents are ignored with
// the blacklists' normaliser (lib/blacklists/normalize.ts), the same one distribution keywords use.
import { normalizeWord } from "@/lib/blacklists/normalize";

// Words are runs of letters and digits once accents are gone: "L'arnaque!" reads as [l, arnaque].
const SEPARATORS = /[^\p{L}\p{N}]+/u;

export function tokenize(normalized: string): string[] {
  return normalized.split(SEPARATORS).filter(Boolean);
}

/** A text prepared once for every lookup of one message (blacklists and keyword rules). */
export interface PreparedText {
  normalized: string;
  tokens: string[];
}

export function prepareText(text: string): PreparedText {
  const normalized = normalizeWord(text);
  return { normalized, tokens: tokenize(normalized) };
}

interface Entry<T> {
  rest: string[];
  value: T;
}

export interface TermIndex<T> {
  /** The value of the term found first in the text (by position, then by order of addition), or null. */
  first(text: PreparedText): T | null;
  size: number;
}

/**
 * Indexes `terms` (as typed) with a value each. A term made of words matches those whole words in
 * sequence ("mauvais service" in "Très MAUVAIS   service !"), never a part of a word ("arnaque"
 * does not match "arnaques"). A term with no letter or digit ("!!!") is looked for as a
 * normalised substring.
 */
export function buildTermIndex<T>(terms: Iterable<{ term: string; value: T }>): TermIndex<T> {
  const byFirst = new Map<string, Entry<T>[]>();
  const symbolic: { needle: string; value: T }[] = [];
  let size = 0;
  for (const { term, value } of terms) {
    const normalized = normalizeWord(term);
    const parts = tokenize(normalized);
    if (parts.length === 0) {
      if (normalized) {
        symbolic.push({ needle: normalized, value });
        size++;
      }
      continue;
    }
    let list = byFirst.get(parts[0]);
    if (!list) byFirst.set(parts[0], (list = []));
    list.push({ rest: parts.slice(1), value });
    size++;
  }
  return {
    size,
    first({ normalized, tokens }) {
      for (let i = 0; i < tokens.length; i++) {
        const candidates = byFirst.get(tokens[i]);
        if (!candidates) continue;
        for (const { rest, value } of candidates) {
          let k = 0;
          while (k < rest.length && tokens[i + 1 + k] === rest[k]) k++;
          if (k === rest.length) return value;
        }
      }
      for (const { needle, value } of symbolic) if (normalized.includes(needle)) return value;
      return null;
    },
  };
}
