import { eq, sql } from "drizzle-orm";
import { getDb, rows } from "@/db/client";
import { customerDatabases } from "@/db/schema";
import { ActionError } from "@/lib/auth/action";
import { recordAudit, type AuditActor } from "@/lib/admin/audit";
import { refuseIfUsed, uniqueOr } from "@/lib/admin/errors";
import { quoteIdent, schemaNameFor } from "./database.schema";
import { databaseUsers } from "./users";

/** Creates the named database: its row and its PostgreSQL schema, in one transaction. */
export async function createDatabase(actor: AuditActor, name: string, isDefault = false) {
  const db = await getDb();
  const schemaName = schemaNameFor(name);
  return uniqueOr("name", () =>
    db.transaction(async (tx) => {
      const [row] = await tx.insert(customerDatabases).values({ name, schemaName, isDefault }).returning();
      await tx.execute(sql.raw(`create schema if not exists ${quoteIdent(schemaName)}`));
      await recordAudit(tx, actor, { action: "create", objectType: "database", objectId: row.id, label: name, after: row });
      return row;
    }),
  );
}

/**
 * Deletes a named database: refused while something uses it or while its schema still holds
 * tables (DROP SCHEMA … RESTRICT), so no customer data is ever dropped by this button.
 */
export async function deleteDatabase(actor: AuditActor, id: number) {
  const db = await getDb();
  refuseIfUsed(await databaseUsers(id));
  await db.transaction(async (tx) => {
    const [row] = await tx.select().from(customerDatabases).where(eq(customerDatabases.id, id)).for("update");
    if (!row) throw new ActionError("adminCommon.errors.notFound");
    if (row.isDefault) throw new ActionError("databases.errors.default");
    const tables = await rows<{ table_name: string }>(
      tx,
      sql`select table_name from information_schema.tables where table_schema = ${row.schemaName} order by table_name`,
    );
    if (tables.length > 0)
      throw new ActionError("databases.errors.notEmpty", undefined, { tables: tables.map((t) => t.table_name).join(", ") });
    await tx.execute(sql.raw(`drop schema if exists ${quoteIdent(row.schemaName)} restrict`));
    await tx.delete(customerDatabases).where(eq(customerDatabases.id, id));
    await recordAudit(tx, actor, { action: "delete", objectType: "database", objectId: id, label: row.name, before: row });
  });
}

/** The database created at install, which customer files and blacklists default to. */
export async function ensureDefaultDatabase(): Promise<number> {
  // Created by Relais itself at install: audited with no user.
  const db = await getDb();
  const [existing] = await db.select({ id: customerDatabases.id }).from(customerDatabases).where(eq(customerDatabases.isDefault, true));
  if (existing) return existing.id;
  const row = await createDatabase({ id: 0, login: "system" }, "Relais", true).catch(async () => {
    const [again] = await db.select({ id: customerDatabases.id }).from(customerDatabases).where(eq(customerDatabases.isDefault, true));
    if (!again) throw new Error("Could not create the default database");
    return again;
  });
  return row.id;
}
