import type { CustomerFileColumn } from "@/db/schema/scripts";
import type { ObjectKind } from "./model";

/** A customer-file table: starts with a letter, at most 63 characters (PostgreSQL's limit). */
export const TABLE_NAME = /^[A-Za-z][A-Za-z0-9_]{0,62}$/;
export const COLUMN_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;
/** Schemas are created by Relais for named databases; still checked before use. */
export const SCHEMA_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

/** Columns every customer file has, whatever the script. */
export const SYSTEM_COLUMNS = ["id", "contact_guid", "created_at", "updated_at"] as const;

export class IdentifierError extends Error {
  constructor(public readonly identifier: string) {
    super(`Invalid SQL identifier: ${JSON.stringify(identifier)}`);
  }
}

export function isValidTableName(name: string): boolean {
  return TABLE_NAME.test(name);
}

export function isValidColumnName(name: string): boolean {
  return COLUMN_NAME.test(name) && !(SYSTEM_COLUMNS as readonly string[]).includes(name.toLowerCase());
}

/**
 * Quotes an identifier for SQL after checking it against `pattern`. Both, on purpose: the
 * pattern refuses anything odd, and quoting (with `"` doubled) keeps even a pattern mistake from
 * turning a name into SQL. Never build SQL from a name without this.
 */
export function quoteIdent(name: string, pattern: RegExp = COLUMN_NAME): string {
  if (typeof name !== "string" || !pattern.test(name)) throw new IdentifierError(name);
  return `"${name.replace(/"/g, '""')}"`;
}

/** `"schema"."table"`, both checked. */
export function qualifiedTable(schema: string, table: string): string {
  return `${quoteIdent(schema, SCHEMA_NAME)}.${quoteIdent(table, TABLE_NAME)}`;
}

const kindTypes: Partial<Record<ObjectKind, CustomerFileColumn["type"]>> = {
  input: "text",
  textarea: "text",
  list: "text",
  radio: "text",
  multiList: "text[]",
  objectionList: "text[]",
  checkbox: "boolean",
  date: "date",
  agenda: "timestamptz",
};

/** The column type an object's value needs, or null for objects without data (label, button). */
export function columnTypeFor(kind: ObjectKind): CustomerFileColumn["type"] | null {
  return kindTypes[kind] ?? null;
}

/** information_schema's description of a column, in the names used above. */
export function normaliseType(dataType: string, udtName: string): string {
  if (dataType === "ARRAY") return `${udtName.replace(/^_/, "")}[]`;
  if (dataType === "timestamp with time zone") return "timestamptz";
  return dataType;
}
