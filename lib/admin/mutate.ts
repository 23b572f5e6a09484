import { and, eq, type SQL } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import { getDb, type Tx } from "@/db/client";
import { ActionError } from "@/lib/auth/action";
import { recordAudit, type AuditActor } from "./audit";
import { refuseIfStale, refuseIfUsed } from "./errors";

// The edit and archive mutations of the administration share one shape: lock the row (FOR UPDATE,
// so two admins saving at once are serialised), refuse a save based on a stale copy (the form
// sends back the updated_at it loaded), write, audit. These helpers are that shape; what differs
// (checks, child rows, snapshots for the audit trail) stays in each mutation.

/** A table edited by id, whose `updated_at` is the version a form sends back. */
type Versioned = PgTable & { id: PgColumn; updatedAt: PgColumn };
type Archivable = Versioned & { archivedAt: PgColumn };
type Row<T extends PgTable> = T["$inferSelect"];

/**
 * Locks a row for the rest of the transaction and returns it. Refused with "not found" when it
 * does not exist or does not meet `where`, and with "stale" when `version` is given and is not the
 * row's updated_at.
 */
export async function lockForUpdate<T extends Versioned>(tx: Tx, table: T, id: number, version?: string, where?: SQL): Promise<Row<T>> {
  const [row] = (await tx
    .select()
    .from(table as PgTable)
    .where(and(eq(table.id, id), where))
    .for("update")) as Row<T>[];
  if (!row) throw new ActionError("adminCommon.errors.notFound");
  refuseIfStale(row.updatedAt as Date, version);
  return row;
}

/** The same lock, reading nothing but the version: for rows the caller must not read whole (accounts and their password hash). */
export async function lockVersion<T extends Versioned>(tx: Tx, table: T, id: number, version?: string, where?: SQL): Promise<void> {
  const [row] = await tx
    .select({ updatedAt: table.updatedAt })
    .from(table as PgTable)
    .where(and(eq(table.id, id), where))
    .for("update");
  if (!row) throw new ActionError("adminCommon.errors.notFound");
  refuseIfStale(row.updatedAt as Date, version);
}

/** Writes new values on a locked row with a new version (updated_at), and returns the row as stored. */
export async function updateRow<T extends Versioned>(tx: Tx, table: T, id: number, values: Partial<T["$inferInsert"]>): Promise<Row<T>> {
  const [row] = (await tx
    .update(table)
    .set({ ...values, updatedAt: new Date() } as never)
    .where(eq(table.id, id))
    .returning()) as Row<T>[];
  return row;
}

/** Locks, checks the version and writes: the whole edit of a row without child rows. */
export async function updateWithLock<T extends Versioned>(
  tx: Tx,
  table: T,
  id: number,
  version: string | undefined,
  values: Partial<T["$inferInsert"]>,
  where?: SQL,
): Promise<{ before: Row<T>; after: Row<T> }> {
  const before = await lockForUpdate(tx, table, id, version, where);
  const after = await updateRow(tx, table, id, values);
  return { before, after };
}

export interface ArchiveSpec<T extends Archivable> {
  /** The audit trail's object type ("queue", "skill_group"…). */
  objectType: string;
  /** The audit trail's label of the row. */
  label: (row: Row<T>) => string;
  /** Names of what still uses the row (campaigns, rules…): archiving is refused while there are any, naming them. */
  usedBy?: (id: number) => Promise<string[]>;
  /** False: the audit keeps only the label, not the rows (a script's draft is large and changes often). */
  auditRows?: boolean;
  /** Runs in the transaction after the write, with the row as stored (what else the change must record with it). */
  inTransaction?: (tx: Tx, row: Row<T>) => Promise<void>;
}

/**
 * Archives (or restores) a row in its own transaction: refused while something uses it, then
 * locked, stamped and audited. Archived rows stay referenced by history; they are only hidden from
 * the choices of new configuration.
 */
export async function setArchived<T extends Archivable>(
  actor: AuditActor,
  table: T,
  id: number,
  archived: boolean,
  spec: ArchiveSpec<T>,
): Promise<Row<T>> {
  const db = await getDb();
  if (archived && spec.usedBy) refuseIfUsed(await spec.usedBy(id));
  return db.transaction(async (tx) => {
    const before = await lockForUpdate(tx, table, id);
    const after = await updateRow(tx, table, id, { archivedAt: archived ? new Date() : null } as Partial<T["$inferInsert"]>);
    const rows = spec.auditRows === false ? {} : { before, after };
    await recordAudit(tx, actor, {
      action: archived ? "archive" : "restore",
      objectType: spec.objectType,
      objectId: id,
      label: spec.label(after),
      ...rows,
    });
    await spec.inTransaction?.(tx, after);
    return after;
  });
}
