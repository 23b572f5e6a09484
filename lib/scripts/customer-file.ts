import { sql } from "drizzle-orm";
import { rows, type Db, type Tx } from "@/db/client";
import type { CustomerFileColumn } from "@/db/schema/scripts";
import { ActionError } from "@/lib/auth/action";
import {
  COLUMN_NAME,
  isValidColumnName,
  isValidTableName,
  normaliseType,
  qualifiedTable,
  quoteIdent,
  SCHEMA_NAME,
  SYSTEM_COLUMNS,
} from "./identifiers";

export type TableColumn = { name: string; type: string };

/** The table's columns as PostgreSQL has them now; [] when the table does not exist. Names are parameters. */
export async function readTableColumns(db: Db | Tx, schema: string, table: string): Promise<TableColumn[]> {
  const found = await rows<{ column_name: string; data_type: string; udt_name: string }>(
    db,
    sql`select column_name, data_type, udt_name from information_schema.columns where table_schema = ${schema} and table_name = ${table} order by ordinal_position`,
  );
  return found.map((r) => ({ name: r.column_name, type: normaliseType(r.data_type, r.udt_name) }));
}

export type CustomerFilePlan = {
  tableExists: boolean;
  /** Columns «Enregistrer» will add. */
  add: CustomerFileColumn[];
  /** Wanted columns already there with the right type. */
  keep: CustomerFileColumn[];
  /** Columns of the table that no object writes any more: kept, shown as not connected. */
  unmapped: TableColumn[];
  /** A column exists with another type (the object's kind changed): refused, never altered. */
  conflicts: { column: string; existing: string; wanted: string }[];
};

export function planCustomerFile(existing: TableColumn[], wanted: CustomerFileColumn[]): CustomerFilePlan {
  const byName = new Map(existing.map((c) => [c.name, c]));
  const plan: CustomerFilePlan = { tableExists: existing.length > 0, add: [], keep: [], unmapped: [], conflicts: [] };
  for (const col of wanted) {
    const found = byName.get(col.column);
    if (!found) plan.add.push(col);
    else if (found.type === col.type) plan.keep.push(col);
    else plan.conflicts.push({ column: col.column, existing: found.type, wanted: col.type });
  }
  const wantedNames = new Set(wanted.map((c) => c.column));
  plan.unmapped = existing.filter((c) => !wantedNames.has(c.name) && !(SYSTEM_COLUMNS as readonly string[]).includes(c.name));
  return plan;
}

/** Checks every name before any SQL is built; throws an ActionError the form shows. */
export function assertCustomerFileNames(schema: string, table: string, columns: CustomerFileColumn[]) {
  if (!SCHEMA_NAME.test(schema)) throw new ActionError("designer.customerFile.errors.database");
  if (!isValidTableName(table))
    throw new ActionError("designer.customerFile.errors.tableName", { tableName: ["designer.customerFile.errors.tableName"] });
  const bad = columns.filter((c) => !isValidColumnName(c.column) || !COLUMN_NAME.test(c.column)).map((c) => c.column);
  if (bad.length) throw new ActionError("designer.customerFile.errors.columnName", undefined, { columns: bad.join(", ") });
  const seen = new Set<string>();
  for (const c of columns) {
    if (seen.has(c.column.toLowerCase()))
      throw new ActionError("designer.customerFile.errors.duplicateColumn", undefined, { columns: c.column });
    seen.add(c.column.toLowerCase());
  }
}

/**
 * Creates the customer file's table or adds its new columns, in the caller's transaction. Rows
 * and old columns are never touched: an object removed from the script leaves its column.
 */
export async function applyCustomerFile(tx: Tx, schema: string, table: string, columns: CustomerFileColumn[]): Promise<CustomerFilePlan> {
  assertCustomerFileNames(schema, table, columns);
  const existing = await readTableColumns(tx, schema, table);
  if (existing.length > 0 && !existing.some((c) => c.name === "contact_guid")) {
    throw new ActionError("designer.customerFile.errors.notCustomerFile", { tableName: ["designer.customerFile.errors.notCustomerFile"] });
  }
  const plan = planCustomerFile(existing, columns);
  if (plan.conflicts.length) {
    throw new ActionError("designer.customerFile.errors.typeConflict", undefined, {
      columns: plan.conflicts.map((c) => `${c.column} (${c.existing} → ${c.wanted})`).join(", "),
    });
  }
  const target = qualifiedTable(schema, table);
  await tx.execute(sql.raw(`create schema if not exists ${quoteIdent(schema, SCHEMA_NAME)}`));
  await tx.execute(
    sql.raw(
      `create table if not exists ${target} (id bigserial primary key, contact_guid uuid not null unique default gen_random_uuid(), ` +
        `created_at timestamptz not null default now(), updated_at timestamptz not null default now())`,
    ),
  );
  for (const col of plan.add) {
    // The type comes from a fixed list (columnTypeFor), never from the request.
    if (!["text", "boolean", "date", "text[]", "timestamptz"].includes(col.type)) throw new ActionError("errors.invalidInput");
    await tx.execute(sql.raw(`alter table ${target} add column if not exists ${quoteIdent(col.column)} ${col.type}`));
  }
  return plan;
}

export async function countRows(db: Db | Tx, schema: string, table: string): Promise<number> {
  const [row] = await rows<{ n: number }>(db, sql.raw(`select count(*)::int as n from ${qualifiedTable(schema, table)}`));
  return row?.n ?? 0;
}
