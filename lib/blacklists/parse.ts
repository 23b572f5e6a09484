import { csvRecords, decodeUtf8, sniffDelimiter, type CsvError } from "@/lib/csv/parse";
import { cleanWord, normalizeWord, wordProblem, type WordProblem } from "./normalize";

// 10 MB in decimal: with the multipart envelope the request stays under the 10 MiB body that
// Next.js lets through proxy.ts (larger bodies are cut, which would read as a broken file).
export const MAX_IMPORT_BYTES = 10_000_000;

export type FileFormat = "txt" | "csv";
export type LineProblem = Exclude<WordProblem, "empty"> | CsvError;
export type FileProblem = "unsupportedType" | "tooLarge" | "notUtf8" | "noWords";

export interface ParsedLine {
  line: number;
  /** Cleaned word as typed (for a refused line, the start of what was read). */
  word: string;
  normalized: string;
  problem?: LineProblem;
  /** For a repeated keyword: the line where the file first has it. */
  duplicateOf?: number;
}

export interface ParsedFile {
  format: FileFormat;
  header: boolean;
  /** Every non-blank line, in file order. */
  lines: ParsedLine[];
  blankLines: number;
}

// First-column titles recognised as a header row (normalised, "-" and "_" read as spaces).
const HEADER_NAMES = new Set([
  "mot",
  "mots",
  "mot cle",
  "mots cles",
  "motcle",
  "motscles",
  "keyword",
  "keywords",
  "key word",
  "key words",
  "word",
  "words",
  "terme",
  "termes",
  "term",
  "terms",
]);

// A refused line is shown in the report; a megabyte of it is not useful there.
const PREVIEW = 60;

export function isHeaderName(field: string): boolean {
  return HEADER_NAMES.has(normalizeWord(field.replace(/[-_]/g, " ")));
}

export function formatOf(fileName: string): FileFormat | null {
  const ext = /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase();
  if (ext === undefined || ext === "txt" || ext === "text" || ext === "lst") return "txt";
  if (ext === "csv") return "csv";
  return null;
}

function lineOf(line: number, raw: string, seen: Map<string, number>, problem?: LineProblem): ParsedLine {
  const bad = problem ?? wordProblem(raw) ?? undefined;
  if (bad) {
    const word = cleanWord(raw.replace(/(?![\t\n\r])\p{Cc}/gu, "\uFFFD"));
    return {
      line,
      word: [...word].length > PREVIEW ? [...word].slice(0, PREVIEW).join("") + "…" : word,
      normalized: "",
      problem: bad as LineProblem,
    };
  }
  const word = cleanWord(raw);
  const normalized = normalizeWord(word);
  const first = seen.get(normalized);
  if (first !== undefined) return { line, word, normalized, duplicateOf: first };
  seen.set(normalized, line);
  return { line, word, normalized };
}

const isBlank = (s: string) => /^\s*$/u.test(s);

/** Reads a keyword file in one pass: one keyword per line (txt) or the first column (CSV). */
export function parseKeywordText(text: string, format: FileFormat): ParsedFile {
  const seen = new Map<string, number>();
  const lines: ParsedLine[] = [];
  let blankLines = 0;
  let header = false;
  if (format === "txt") {
    const rows = text.split(/\r\n|\r|\n/);
    // A final line break does not make a blank line.
    if (rows.length > 1 && rows[rows.length - 1] === "") rows.pop();
    rows.forEach((raw, index) => {
      if (isBlank(raw)) blankLines++;
      else lines.push(lineOf(index + 1, raw, seen));
    });
    return { format, header, lines, blankLines };
  }
  let first = true;
  for (const record of csvRecords(text, sniffDelimiter(text))) {
    const raw = record.fields[0] ?? "";
    if (!record.error && isBlank(raw)) {
      blankLines++;
      continue;
    }
    if (first && !record.error && isHeaderName(raw)) {
      header = true;
      first = false;
      continue;
    }
    first = false;
    lines.push(lineOf(record.line, raw, seen, record.error));
  }
  return { format, header, lines, blankLines };
}

/** Validates and reads an uploaded keyword file; a file-level problem means nothing can be read. */
export function parseKeywordFile(fileName: string, bytes: Uint8Array): ParsedFile | { problem: FileProblem } {
  const format = formatOf(fileName);
  if (!format) return { problem: "unsupportedType" };
  if (bytes.byteLength > MAX_IMPORT_BYTES) return { problem: "tooLarge" };
  const text = decodeUtf8(bytes);
  if (text === null) return { problem: "notUtf8" };
  const parsed = parseKeywordText(text, format);
  if (parsed.lines.length === 0) return { problem: "noWords" };
  return parsed;
}
