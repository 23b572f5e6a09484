import { asc, count, desc, ilike, sql } from "drizzle-orm";
import { getDb, rows } from "@/db/client";
import { customerDatabases } from "@/db/schema";
import { likePattern, PAGE_SIZE, toPage, type ListParams } from "@/lib/admin/list";

export const databaseSortable = ["name", "createdAt"] as const;

export async function listDatabases(params: ListParams) {
  const db = await getDb();
  const where = params.q ? ilike(customerDatabases.name, likePattern(params.q)) : undefined;
  const column = params.sort === "createdAt" ? customerDatabases.createdAt : customerDatabases.name;
  const [list, [{ total }]] = await Promise.all([
    db
      .select()
      .from(customerDatabases)
      .where(where)
      .orderBy(params.dir === "desc" ? desc(column) : asc(column))
      .limit(PAGE_SIZE)
      .offset((params.page - 1) * PAGE_SIZE),
    db.select({ total: count() }).from(customerDatabases).where(where),
  ]);
  const tables = await rows<{ schema: string; n: number }>(
    db,
    sql`select table_schema as schema, count(*)::int as n from information_schema.tables
        where table_schema in (select schema_name from customer_databases) group by table_schema`,
  );
  const bySchema = new Map(tables.map((t) => [t.schema, t.n]));
  return toPage(list.map((d) => ({ ...d, tables: bySchema.get(d.schemaName) ?? 0 })), total, params.page);
}
