import { z } from "zod";

/** A named database's name, which also gives its PostgreSQL schema (`cdb_<name in lower case>`). */
export const databaseSchema = z.object({
  name: z
    .string()
    .trim()
    .min(2, "databases.errors.nameFormat")
    .max(40, "databases.errors.nameFormat")
    .regex(/^[A-Za-z][A-Za-z0-9_]*$/, "databases.errors.nameFormat"),
});
export type DatabaseInput = z.input<typeof databaseSchema>;

export const databaseIdSchema = z.object({ id: z.number().int().positive() });

/** The schema a name maps to; only [a-z0-9_] can come out, and it is quoted anyway. */
export function schemaNameFor(name: string): string {
  return `cdb_${name.toLowerCase()}`;
}

/** Double-quoted SQL identifier (for validated names; quoting is the second line of defence). */
export function quoteIdent(identifier: string): string {
  return `"${identifier.replace(/"/g, '""')}"`;
}
