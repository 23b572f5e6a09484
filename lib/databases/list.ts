import { sql } from "drizzle-orm";
import { getDb, rows } from "@/db/client";
import { customerDatabases } from "@/db/schema";
import type { ListParams } from "@/lib/admin/list";
import { pagedList } from "@/lib/admin/list-query";

export const databaseSortable = ["name", "createdAt"] as const;

export async function listDatabases(params: ListParams) {
  const db = await getDb();
  const page = await pagedList(db, params, {
    query: () => db.select().from(customerDatabases).$dynamic(),
    search: [customerDatabases.name],
    sortable: { name: customerDatabases.name, createdAt: customerDatabases.createdAt },
  });
  const tables = await rows<{ schema: string; n: number }>(
    db,
    sql`select table_schema as schema, count(*)::int as n from information_schema.tables
        where table_schema in (select schema_name from customer_databases) group by table_schema`,
  );
  const bySchema = new Map(tables.map((t) => [t.schema, t.n]));
  return { ...page, rows: page.rows.map((d) => ({ ...d, tables: bySchema.get(d.schemaName) ?? 0 })) };
}
