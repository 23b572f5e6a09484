// Built in the browser from the wizard's result: clear passwords are never stored on the server.

export interface Credential {
  login: string;
  name: string;
  password: string;
}

// A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
const FORMULA_START = /^[=+\-@\t\r]/;

function cell(value: string, separator: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /["\r\n]/.test(safe) || safe.includes(separator) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * RFC 4180 CSV (CRLF line ends) with a UTF-8 byte order mark so Excel reads accents. French
 * Excel expects ";" between fields, hence the separator parameter.
 */
export function buildCredentialsCsv(rows: Credential[], headers: [string, string, string], separator: "," | ";" = ","): string {
  const lines = [headers, ...rows.map((r) => [r.login, r.name, r.password])].map((cols) => cols.map((c) => cell(c, separator)).join(separator));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
