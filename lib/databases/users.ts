import { sql } from "drizzle-orm";
import { getDb, rows } from "@/db/client";
import { campaignsUsing, defaultsUsing } from "@/lib/admin/usage";
import { getTranslator } from "@/lib/i18n/server";
import type { MessageKey } from "@/lib/i18n/translate";

/**
 * What uses a named database, as names the admin recognises. Each using domain adds its table
 * here; `to_regclass` keeps this working while a domain's table does not exist yet.
 */
const USERS: { table: string; label: MessageKey; query: string }[] = [
  {
    table: "blacklists",
    label: "adminCommon.usedBy.blacklist",
    query: "select name from blacklists where database_id = $1 and archived_at is null",
  },
  {
    table: "customer_files",
    label: "adminCommon.usedBy.customerFile",
    query: "select table_name as name from customer_files where database_id = $1",
  },
];

export async function databaseUsers(id: number): Promise<string[]> {
  const db = await getDb();
  const names: string[] = [...(await campaignsUsing("databaseId", id)), ...(await defaultsUsing("databaseId", id))];
  const { t } = await getTranslator();
  for (const u of USERS) {
    const [exists] = await rows<{ ok: boolean }>(db, sql`select to_regclass(${u.table}) is not null as ok`);
    if (!exists?.ok) continue;
    const found = await rows<{ name: string }>(db, sql.raw(u.query.replace("$1", String(Math.trunc(id)))));
    names.push(...found.map((f) => t(u.label, { name: f.name })));
  }
  return names;
}
