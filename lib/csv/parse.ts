import { parse } from "csv-parse/sync";

// Reading CSV files people export from spreadsheets, on csv-parse. What it adds to the library:
// the physical line where each record starts (an import report points at the line a person sees
// in an editor), one malformed record refused without losing the records around it, and the
// delimiter guessed the way French spreadsheets export. Server only: csv-parse needs Node's Buffer.

export type CsvError = "unclosedQuote" | "badQuote";

export interface CsvRecord {
  /** 1-based physical line where the record starts. */
  line: number;
  fields: string[];
  error?: CsvError;
}

/** Line breaks in a string, CRLF counted once. */
function countLineBreaks(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 10) n++;
    else if (c === 13) {
      n++;
      if (s.charCodeAt(i + 1) === 10) i++;
    }
  }
  return n;
}

/** The text of given physical lines, found by walking forward from the last lines asked for. */
function lineReader(text: string) {
  const lineBreak = /\r\n?|\n/g;
  let line = 1;
  let offset = 0;
  const startOf = (target: number) => {
    while (line < target && offset < text.length) {
      lineBreak.lastIndex = offset;
      offset = lineBreak.exec(text) ? lineBreak.lastIndex : text.length;
      line++;
    }
    return offset;
  };
  /** Lines `from` to `to` (exclusive) with their line breaks; `to` omitted: to the end. */
  return (from: number, to?: number) => {
    const start = startOf(from);
    return text.slice(start, to === undefined ? text.length : startOf(to));
  };
}

/**
 * A well-formed record: every field either unquoted (no quote at its start; quotes inside are
 * kept literally, as spreadsheets write them) or quoted with doubled inner quotes and followed by
 * the delimiter or the end of the record. csv-parse's relax_quotes reads text after a closing quote
 * into the field instead of refusing it; this tells those records apart.
 */
function wellQuoted(delimiter: string): RegExp {
  const d = `\\u${delimiter.charCodeAt(0).toString(16).padStart(4, "0")}`;
  const field = `(?:"[^"]*(?:""[^"]*)*"|(?!")[^${d}\\r\\n]*)`;
  return new RegExp(`^${field}(?:${d}${field})*(?:\\r\\n?|\\n)?$`);
}

/**
 * Records of a CSV text (a leading BOM is ignored). Quoted fields may hold the delimiter,
 * doubled quotes and line breaks (CRLF, CR or LF, mixed in one file). A record with text after a
 * closing quote is marked "badQuote"; a quote never closed marks the rest of the file as one
 * "unclosedQuote" record. Blank lines are records with one empty field.
 */
export function csvRecords(text: string, delimiter = ","): CsvRecord[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let unclosed = false;
  // Fields only (csv-parse's raw and info options, or an on_record hook, each cost a good part of
  // the parse again): line breaks inside quoted fields are kept in the values, which is enough to
  // number the lines, and the raw text is read again only for the rare records holding a quote.
  const rows = parse(body, {
    delimiter,
    record_delimiter: ["\r\n", "\n", "\r"],
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: false,
    // With the options above the only error left is a quote still open at the end of the text.
    skip_records_with_error: true,
    on_skip: () => {
      unclosed = true;
      return undefined;
    },
  });
  const check = wellQuoted(delimiter);
  const lines = lineReader(body);
  const out: CsvRecord[] = new Array(rows.length);
  let line = 1;
  for (let i = 0; i < rows.length; i++) {
    const fields = rows[i];
    let breaks = 0;
    let quote = false;
    for (const field of fields) {
      if (field.includes("\n") || field.includes("\r")) breaks += countLineBreaks(field);
      quote ||= field.includes('"');
    }
    out[i] = quote && !check.test(lines(line, line + breaks + 1)) ? { line, fields, error: "badQuote" } : { line, fields };
    line += breaks + 1;
  }
  if (unclosed) out.push({ line, fields: lines(line).split(delimiter), error: "unclosedQuote" });
  return out;
}

/** Index of the next CR or LF from `from`, or the text length. */
function lineEnd(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 || c === 10) return i;
  }
  return text.length;
}

/** The delimiter used by the first non-blank line: comma, or semicolon/tab as French spreadsheets export. */
export function sniffDelimiter(text: string): string {
  let start = 0;
  while (start < text.length) {
    const end = lineEnd(text, start);
    if (text.slice(start, end).trim() !== "") {
      const counts = { ",": 0, ";": 0, "\t": 0 };
      let quoted = false;
      for (let i = start; i < end; i++) {
        const ch = text[i];
        if (ch === '"') quoted = !quoted;
        else if (!quoted && ch in counts) counts[ch as keyof typeof counts]++;
      }
      const best = (Object.entries(counts) as [string, number][]).sort((a, b) => b[1] - a[1])[0];
      return best[1] > 0 ? best[0] : ",";
    }
    start = end + 1;
  }
  return ",";
}

/** UTF-8 text of an uploaded file (BOM removed), or null when the bytes are not valid UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    // fatal: a Latin-1 file would otherwise import "caf\uFFFD" silently.
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
}
