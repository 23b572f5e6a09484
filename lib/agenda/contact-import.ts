// Importing contacts into an address book from a CSV/TXT file with a column mapping, in ONE
// transaction with a per-line report, on the blacklist import's model: a file with any refused
// line imports nothing; otherwise each contact is added, or skipped as a repeat inside the file
// or as already in the book. (No lib/auth or next import here, so the benchmark runs it under tsx.)
import { eq, sql } from "drizzle-orm";
import { getDb, rows } from "@/db/client";
import { addressBooks, customerDatabases } from "@/db/schema";
import { recordAudit, type AuditActor } from "@/lib/admin/audit";
import { csvRecords, decodeUtf8, sniffDelimiter, type CsvError } from "@/lib/csv/parse";
import { qualifiedTable } from "@/lib/scripts/identifiers";
import { CONTACT_FIELDS, contactProblem, dedupeKey, guessField, type ContactField, type ContactProblem } from "./contact-fields";

import { MAX_CONTACT_IMPORT_BYTES } from "./contact-fields";

export { MAX_CONTACT_IMPORT_BYTES };

export type FileProblem = "unsupportedType" | "tooLarge" | "notUtf8" | "empty" | "missingName" | "duplicateMapping";
export type LineProblem = ContactProblem | CsvError;
export type LineOutcome = "added" | "duplicate" | "existing" | "refused";

/** File column index → field (null or absent = not imported). */
export type ColumnMapping = (ContactField | null)[];

export interface ParsedContactLine {
  line: number;
  values: Partial<Record<ContactField, string>>;
  key: string;
  problem?: LineProblem;
  duplicateOf?: number;
}

export interface ParsedContacts {
  headers: string[];
  lines: ParsedContactLine[];
}

export interface ContactReportLine {
  line: number;
  name: string;
  outcome: LineOutcome;
  reason?: LineProblem;
  firstLine?: number;
}

export interface ContactImportReport {
  fileName: string;
  imported: boolean;
  counts: Record<LineOutcome, number>;
  lines: ContactReportLine[];
}

export function isContactFileName(name: string): boolean {
  const ext = /\.([^./\\]+)$/.exec(name)?.[1]?.toLowerCase();
  return ext === "csv" || ext === "txt" || ext === "tsv";
}

/** The mapping guessed from the header line (what the form proposes). */
export const guessMapping = (headers: string[]): ColumnMapping => {
  const used = new Set<ContactField>();
  return headers.map((h) => {
    const f = guessField(h);
    if (!f || used.has(f)) return null;
    used.add(f);
    return f;
  });
};

/** Reads a whole file with a mapping; a file-level problem means nothing can be read. */
export function parseContactFile(
  fileName: string,
  bytes: Uint8Array,
  mapping?: ColumnMapping,
): ParsedContacts | { problem: FileProblem; field?: string } {
  if (!isContactFileName(fileName)) return { problem: "unsupportedType" };
  if (bytes.byteLength > MAX_CONTACT_IMPORT_BYTES) return { problem: "tooLarge" };
  const text = decodeUtf8(bytes);
  if (text === null) return { problem: "notUtf8" };
  const records = csvRecords(text, sniffDelimiter(text));
  const header = records.find((r) => r.fields.some((f) => f.trim() !== ""));
  if (!header) return { problem: "empty" };
  const headers = header.fields.map((f) => f.trim());
  const map = mapping ?? guessMapping(headers);
  const seenFields = new Set<string>();
  for (const f of map) {
    if (!f) continue;
    if (seenFields.has(f)) return { problem: "duplicateMapping", field: f };
    seenFields.add(f);
  }
  if (!seenFields.has("last_name")) return { problem: "missingName" };
  const seen = new Map<string, number>();
  const lines: ParsedContactLine[] = [];
  for (const r of records) {
    if (r === header) continue;
    if (!r.error && r.fields.every((f) => f.trim() === "")) continue;
    const values: Partial<Record<ContactField, string>> = {};
    map.forEach((f, i) => {
      if (f) values[f] = (r.fields[i] ?? "").trim();
    });
    const problem = r.error ?? contactProblem(values) ?? undefined;
    const key = problem ? "" : dedupeKey(values);
    const first = key ? seen.get(key) : undefined;
    if (key && first === undefined) seen.set(key, r.line);
    lines.push({ line: r.line, values, key, ...(problem ? { problem } : {}), ...(first !== undefined ? { duplicateOf: first } : {}) });
  }
  if (lines.length === 0) return { problem: "empty" };
  return { headers, lines };
}

const BATCH = 5000;
const nameOf = (v: Partial<Record<ContactField, string>>) => [v.first_name, v.last_name].filter(Boolean).join(" ").slice(0, 80);

/** Null when the address book does not exist. */
export async function importContacts(
  actor: AuditActor,
  addressBookId: number,
  fileName: string,
  parsed: ParsedContacts,
  onProgress?: (done: number, total: number) => void,
): Promise<ContactImportReport | null> {
  const counts = { added: 0, duplicate: 0, existing: 0, refused: 0 };
  const db = await getDb();
  const refused = parsed.lines.filter((l) => l.problem);
  if (refused.length > 0) {
    const [book] = await db.select({ id: addressBooks.id }).from(addressBooks).where(eq(addressBooks.id, addressBookId));
    if (!book) return null;
    counts.refused = refused.length;
    return {
      fileName,
      imported: false,
      counts,
      lines: refused.map((l) => ({ line: l.line, name: nameOf(l.values), outcome: "refused", reason: l.problem })),
    };
  }
  const added = new Set<string>();
  const found = await db.transaction(async (tx) => {
    // Locked: imports and edits of one book run one at a time.
    const [book] = await tx
      .select({ id: addressBooks.id, name: addressBooks.name, table: addressBooks.tableName, schema: customerDatabases.schemaName })
      .from(addressBooks)
      .innerJoin(customerDatabases, eq(customerDatabases.id, addressBooks.databaseId))
      .where(eq(addressBooks.id, addressBookId))
      .for("update", { of: addressBooks });
    if (!book) return false;
    const target = sql.raw(qualifiedTable(book.schema, book.table));
    const cols = sql.raw(CONTACT_FIELDS.map((f) => `"${f}"`).join(", "));
    const recordType = sql.raw(CONTACT_FIELDS.map((f) => `"${f}" text`).join(", "));
    const select = sql.raw(CONTACT_FIELDS.map((f) => `coalesce(t."${f}", '')`).join(", "));
    const fresh = parsed.lines.filter((l) => l.duplicateOf === undefined);
    for (let i = 0; i < fresh.length; i += BATCH) {
      const batch = JSON.stringify(fresh.slice(i, i + BATCH).map((l) => ({ ...l.values, dedupe_key: l.key })));
      const inserted = await rows<{ dedupe_key: string }>(
        tx,
        sql`insert into ${target} (${cols}, dedupe_key)
            select ${select}, t.dedupe_key from json_to_recordset(${batch}::json) as t(${recordType}, dedupe_key text)
            on conflict (dedupe_key) do nothing
            returning dedupe_key`,
      );
      for (const r of inserted) added.add(r.dedupe_key);
      onProgress?.(Math.min(i + BATCH, fresh.length), fresh.length);
    }
    await recordAudit(tx, actor, {
      action: "update",
      objectType: "address_book",
      objectId: book.id,
      label: book.name,
      after: { import: { fileName, added: added.size, skipped: parsed.lines.length - added.size } },
    });
    return true;
  });
  if (!found) return null;
  const lines: ContactReportLine[] = parsed.lines.map((l) => {
    if (l.duplicateOf !== undefined) return { line: l.line, name: nameOf(l.values), outcome: "duplicate", firstLine: l.duplicateOf };
    return { line: l.line, name: nameOf(l.values), outcome: added.has(l.key) ? "added" : "existing" };
  });
  for (const l of lines) counts[l.outcome]++;
  return { fileName, imported: true, counts, lines };
}

/** A report small enough for a browser: lines not added first. */
export function trimContactReport(report: ContactImportReport, max = 1000): ContactImportReport & { omittedLines: number } {
  if (report.lines.length <= max) return { ...report, omittedLines: 0 };
  const notAdded = report.lines.filter((l) => l.outcome !== "added").slice(0, max);
  const room = max - notAdded.length;
  const addedLines = room > 0 ? report.lines.filter((l) => l.outcome === "added").slice(0, room) : [];
  const lines = [...notAdded, ...addedLines].sort((a, b) => a.line - b.line);
  return { ...report, lines, omittedLines: report.lines.length - lines.length };
}
