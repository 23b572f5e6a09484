// A small RFC 4180 reader: enough for keyword files (first column), with the physical line number
// of each record so the import report can point at the line a person sees in an editor.

export type CsvError = "unclosedQuote" | "badQuote";

export interface CsvRecord {
  /** 1-based physical line where the record starts. */
  line: number;
  fields: string[];
  error?: CsvError;
}

const QUOTE = 34; // "
const CR = 13;
const LF = 10;

function countLineBreaks(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === LF) n++;
    else if (c === CR) {
      n++;
      if (s.charCodeAt(i + 1) === LF) i++;
    }
  }
  return n;
}

/** Index of the next CR or LF from `from`, or the text length. */
function lineEnd(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === CR || c === LF) return i;
  }
  return text.length;
}

/**
 * Records of a CSV text. Quoted fields may hold the delimiter, doubled quotes and line breaks
 * (CRLF, CR or LF). A quote inside an unquoted field is kept literally, as spreadsheets write it;
 * text after a closing quote, or a quote never closed, marks the record as malformed.
 */
export function* csvRecords(text: string, delimiter = ","): Generator<CsvRecord> {
  const delim = delimiter.charCodeAt(0);
  const n = text.length;
  let i = 0;
  let line = 1;
  while (i < n) {
    const record: CsvRecord = { line, fields: [] };
    for (;;) {
      let value: string;
      if (text.charCodeAt(i) === QUOTE) {
        let segStart = ++i;
        value = "";
        for (;;) {
          const q = text.indexOf('"', i);
          if (q === -1) {
            value += text.slice(segStart);
            i = n;
            record.error = "unclosedQuote";
            break;
          }
          if (text.charCodeAt(q + 1) === QUOTE) {
            value += text.slice(segStart, q + 1);
            i = segStart = q + 2;
            continue;
          }
          value += text.slice(segStart, q);
          i = q + 1;
          break;
        }
        line += countLineBreaks(value);
        const next = text.charCodeAt(i);
        if (i < n && next !== delim && next !== CR && next !== LF) {
          record.error ??= "badQuote";
          i = lineEnd(text, i);
        }
      } else {
        const start = i;
        while (i < n) {
          const c = text.charCodeAt(i);
          if (c === delim || c === CR || c === LF) break;
          i++;
        }
        value = text.slice(start, i);
      }
      record.fields.push(value);
      if (i < n && text.charCodeAt(i) === delim) {
        i++;
        continue;
      }
      break;
    }
    if (i < n) {
      if (text.charCodeAt(i) === CR && text.charCodeAt(i + 1) === LF) i += 2;
      else i++;
      line++;
    }
    yield record;
  }
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
