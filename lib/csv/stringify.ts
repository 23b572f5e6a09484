// The browser build of csv-stringify: this module also runs in client components (the HR wizard
// builds its credentials file in the browser, so clear passwords never go back to the server).
// The default entry point reads Node's global Buffer when it loads; the browser build carries its
// own, with no Node built-in to resolve, and works the same on the server.
import { stringify } from "csv-stringify/browser/esm/sync";

// A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell a spreadsheet would run as a formula, made plain text with a leading apostrophe. */
export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export interface CsvOptions {
  /** French Excel expects ";" between fields. */
  delimiter?: "," | ";" | "\t";
  /** A UTF-8 byte order mark, so Excel reads accents (default true). */
  bom?: boolean;
}

/**
 * RFC 4180 CSV with CRLF line ends, ending with a line break. A cell is quoted when it holds the
 * delimiter, a quote or a line break (a lone CR or LF too: spreadsheets break rows on either);
 * cells that a spreadsheet would run as formulas are neutralised.
 */
export function toCsv(rows: readonly (readonly string[])[], { delimiter = ",", bom = true }: CsvOptions = {}): string {
  const text = stringify(
    rows.map((row) => [...row]),
    { delimiter, record_delimiter: "windows", quoted_match: /[\r\n]/, cast: { string: neutraliseFormula } },
  );
  return bom ? `\uFEFF${text}` : text;
}

/** A CSV file as a download: never cached (it holds customers' data), never sniffed as anything else. */
export function csvDownload(csv: string, filename: string): Response {
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
