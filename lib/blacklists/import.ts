import { eq, sql } from "drizzle-orm";
import { getDb, rows } from "@/db/client";
import { blacklists, blacklistWords } from "@/db/schema";
import { recordAudit, type AuditActor } from "@/lib/admin/audit";
import type { FileFormat, LineProblem, ParsedFile } from "./parse";

export type LineOutcome = "added" | "duplicate" | "existing" | "refused";

export interface ReportLine {
  line: number;
  word: string;
  outcome: LineOutcome;
  reason?: LineProblem;
  /** For a duplicate: the line where the file first has the keyword. */
  firstLine?: number;
}

export interface ImportReport {
  fileName: string;
  format: FileFormat;
  header: boolean;
  /** False when the file had refused lines: then nothing at all was imported. */
  imported: boolean;
  counts: Record<LineOutcome, number> & { blank: number };
  /** Every non-blank line with what became of it (only the refused ones when refused). */
  lines: ReportLine[];
}

// One JSON parameter per batch (json_to_recordset) rather than a multi-row VALUES: building and
// binding 15,000 parameters per batch cost more than the insert itself (measured in
// bench/blacklist-import.ts). 100,000 keywords = 20 round trips.
const BATCH = 5000;

/**
 * Imports a parsed keyword file into a list in ONE transaction. A file with any refused line
 * imports nothing (the report lists those lines to fix); otherwise each keyword is added, or
 * skipped as a repeat inside the file or as already in the list. Null when the list does not
 * exist. (No lib/auth import here, so the benchmark runs it under plain tsx.)
 */
export async function importBlacklistWords(
  actor: AuditActor,
  blacklistId: number,
  fileName: string,
  parsed: ParsedFile,
): Promise<ImportReport | null> {
  const counts = { added: 0, duplicate: 0, existing: 0, refused: 0, blank: parsed.blankLines };
  const base = { fileName, format: parsed.format, header: parsed.header };
  const refused = parsed.lines.filter((l) => l.problem);
  const db = await getDb();
  if (refused.length > 0) {
    // A stale page (list gone) gets "not found" rather than a report about its file.
    const [list] = await db.select({ id: blacklists.id }).from(blacklists).where(eq(blacklists.id, blacklistId));
    if (!list) return null;
    counts.refused = refused.length;
    return {
      ...base,
      imported: false,
      counts,
      lines: refused.map((l) => ({ line: l.line, word: l.word, outcome: "refused", reason: l.problem })),
    };
  }
  const added = new Set<string>();
  const found = await db.transaction(async (tx) => {
    // Locked: imports and word edits on one list run one at a time (see mutations.ts).
    const [list] = await tx
      .select({ id: blacklists.id, name: blacklists.name })
      .from(blacklists)
      .where(eq(blacklists.id, blacklistId))
      .for("update");
    if (!list) return false;
    const fresh = parsed.lines.filter((l) => l.duplicateOf === undefined);
    for (let i = 0; i < fresh.length; i += BATCH) {
      const batch = JSON.stringify(fresh.slice(i, i + BATCH).map((l) => ({ w: l.word, n: l.normalized })));
      // The list is locked, so a conflict can only be a keyword already there before the import.
      const inserted = await rows<{ normalized: string }>(
        tx,
        sql`insert into ${blacklistWords} (blacklist_id, word, normalized)
            select ${list.id}, t.w, t.n from json_to_recordset(${batch}::json) as t(w text, n text)
            on conflict (blacklist_id, normalized) do nothing
            returning normalized`,
      );
      for (const r of inserted) added.add(r.normalized);
    }
    await recordAudit(tx, actor, {
      action: "update",
      objectType: "blacklist",
      objectId: list.id,
      label: list.name,
      after: { import: { fileName, added: added.size, skipped: parsed.lines.length - added.size } },
    });
    return true;
  });
  if (!found) return null;
  const lines: ReportLine[] = parsed.lines.map((l) => {
    if (l.duplicateOf !== undefined) return { line: l.line, word: l.word, outcome: "duplicate", firstLine: l.duplicateOf };
    return { line: l.line, word: l.word, outcome: added.has(l.normalized) ? "added" : "existing" };
  });
  for (const l of lines) counts[l.outcome]++;
  return { ...base, imported: true, counts, lines };
}

/** A report small enough to send to a browser: lines that were not added come first. */
export function trimReport(report: ImportReport, max = 1000): ImportReport & { omittedLines: number } {
  if (report.lines.length <= max) return { ...report, omittedLines: 0 };
  const notAdded = report.lines.filter((l) => l.outcome !== "added").slice(0, max);
  const addedRoom = max - notAdded.length;
  const added = addedRoom > 0 ? report.lines.filter((l) => l.outcome === "added").slice(0, addedRoom) : [];
  const lines = [...notAdded, ...added].sort((a, b) => a.line - b.line);
  return { ...report, lines, omittedLines: report.lines.length - lines.length };
}
