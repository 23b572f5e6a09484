import { and, asc, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { customerDatabases } from "@/db/schema";

/** Active named databases for choices (customer files, blacklists, address books, defaults). */
export async function databaseOptions() {
  const db = await getDb();
  return db
    .select({
      id: customerDatabases.id,
      name: customerDatabases.name,
      schemaName: customerDatabases.schemaName,
      isDefault: customerDatabases.isDefault,
    })
    .from(customerDatabases)
    .where(isNull(customerDatabases.archivedAt))
    .orderBy(asc(customerDatabases.name));
}

/** The PostgreSQL schema of a named database, or null when it does not exist or is archived. */
export async function databaseSchemaName(id: number): Promise<string | null> {
  const db = await getDb();
  const [row] = await db
    .select({ schemaName: customerDatabases.schemaName })
    .from(customerDatabases)
    .where(and(eq(customerDatabases.id, id), isNull(customerDatabases.archivedAt)));
  return row?.schemaName ?? null;
}
