import { toCsv } from "@/lib/csv/stringify";

// Built in the browser from the wizard's result: clear passwords are never stored on the server.

export interface Credential {
  login: string;
  name: string;
  password: string;
}

/** One line per account under a header, with a BOM for Excel; French Excel expects ";" between fields. */
export function buildCredentialsCsv(rows: Credential[], headers: [string, string, string], separator: "," | ";" = ","): string {
  return toCsv([headers, ...rows.map((r) => [r.login, r.name, r.password])], { delimiter: separator });
}
