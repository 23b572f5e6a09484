import { sql } from "drizzle-orm";
import { getDb, rows } from "@/db/client";
import { campaignsUsing, defaultsUsing } from "@/lib/admin/usage";

/**
 * What uses a named database, as names the admin recognises. Each using domain adds its table
 * here; `to_regclass` keeps this working while a domain's table does not exist yet.
 */
const USERS: { table: string; label: string; query: string }[] = [
  { table: "blacklists", label: "Liste noire", query: "select name from blacklists where database_id = $1 and archived_at is null" },
  { table: "customer_files", label: "Fichier clients", query: "select table_name as name from customer_files where database_id = $1" },
];

export async function databaseUsers(id: number): Promise<string[]> {
  const db = await getDb();
  const names: string[] = [...(await campaignsUsing("databaseId", id)), ...(await defaultsUsing("databaseId", id))];
  for (const u of USERS) {
    const [exists] = await rows<{ ok: boolean }>(db, sql`select to_regclass(${u.table}) is not null as ok`);
    if (!exists?.ok) continue;
    const found = await rows<{ name: string }>(db, sql.raw(u.query.replace("$1", String(Math.trunc(id)))));
    names.push(...found.map((f) => `${u.label} « ${f.name} »`));
  }
  return names;
}
