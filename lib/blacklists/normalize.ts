// Pure and dependency-free: used by the import, the add-word form (client) and the matcher.

export const MAX_WORD_LENGTH = 100;

/** Trims and collapses runs of whitespace: what is stored as "the word as typed". */
export function cleanWord(raw: string): string {
  return raw.replace(/\s+/g, " ").trim();
}

// Most keywords are plain ASCII: skipping NFD for them makes normalising a large import several
// times faster (measured with bench/blacklist-import.ts).
const PLAIN_ASCII = /^[\x20-\x7e]*$/;

/**
 * The form used for matching and uniqueness: lower case, accents removed (NFD, combining marks
 * dropped), whitespace collapsed. "Épée  Noire" and "epee noire" are the same keyword.
 */
export function normalizeWord(raw: string): string {
  if (PLAIN_ASCII.test(raw)) return cleanWord(raw.toLowerCase());
  return cleanWord(
    raw
      .normalize("NFD")
      .replace(/\p{M}+/gu, "")
      .toLowerCase(),
  );
}

export type WordProblem = "empty" | "tooLong" | "controlChar";

// Tabs and line breaks count as whitespace (a stray tab from a spreadsheet, a line break inside
// a quoted CSV field); any other control character (C0, DEL, C1) is almost always a binary or
// mis-encoded file, so it is refused rather than stored invisibly.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/** Why a word cannot be a keyword, or null. Length counts characters, not UTF-16 units. */
export function wordProblem(raw: string): WordProblem | null {
  if (CONTROL.test(raw)) return "controlChar";
  const word = cleanWord(raw);
  if (word === "") return "empty";
  // A string never has more characters than UTF-16 units: count them only when it may matter.
  if (word.length > MAX_WORD_LENGTH && [...word].length > MAX_WORD_LENGTH) return "tooLong";
  return null;
}
