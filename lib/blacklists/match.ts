import { normalizeWord } from "./normalize";

// Words are runs of letters and digits once accents are gone: "L'arnaque!" reads as [l, arnaque].
const SEPARATORS = /[^\p{L}\p{N}]+/u;

function tokens(normalized: string): string[] {
  return normalized.split(SEPARATORS).filter(Boolean);
}

interface Phrase {
  word: string;
  rest: string[];
}

/**
 * Compiles a blacklist once for many messages (ingestion checks every message of a campaign).
 * The returned function gives the blacklisted words (as typed, each once, in order of first
 * appearance) found in a text, matched on whole normalised words or phrases: "Arnaque" matches
 * "C'est une ARNAQUÉ !" (case and accents ignored) but not "arnaques" (whole words only).
 * An entry with no letter or digit at all ("!!!") is looked for as a plain normalised substring.
 */
export function compileBlacklist(words: readonly string[]): (text: string) => string[] {
  const byFirstToken = new Map<string, Phrase[]>();
  const symbolic: { word: string; normalized: string }[] = [];
  for (const word of words) {
    const normalized = normalizeWord(word);
    const parts = tokens(normalized);
    if (parts.length === 0) {
      if (normalized) symbolic.push({ word, normalized });
      continue;
    }
    const list = byFirstToken.get(parts[0]) ?? [];
    list.push({ word, rest: parts.slice(1) });
    byFirstToken.set(parts[0], list);
  }
  return (text) => {
    const normalized = normalizeWord(text);
    const found = new Set<string>();
    const toks = tokens(normalized);
    for (let i = 0; i < toks.length; i++) {
      const candidates = byFirstToken.get(toks[i]);
      if (!candidates) continue;
      for (const { word, rest } of candidates) {
        if (rest.every((t, k) => toks[i + 1 + k] === t)) found.add(word);
      }
    }
    for (const { word, normalized: s } of symbolic) if (normalized.includes(s)) found.add(word);
    return [...found];
  };
}
