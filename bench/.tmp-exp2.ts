import { migrateDatabase, openPglite, rows } from "@/db/client";
import { sql } from "drizzle-orm";
import { blacklists, blacklistWords, customerDatabases } from "@/db/schema";
const h = await openPglite();
await migrateDatabase(h);
const [d] = await h.db.insert(customerDatabases).values({ name: "b", schemaName: "b" }).returning();
const [l] = await h.db.insert(blacklists).values({ name: "b", databaseId: d.id }).returning();
const times: number[] = [];
await h.db.transaction(async (tx) => {
  for (let b = 0; b < 20; b++) {
    const batch = JSON.stringify(Array.from({ length: 5000 }, (_, i) => ({ w: "Wörd" + (b * 5000 + i), n: "word" + (b * 5000 + i) })));
    const t = performance.now();
    await rows(tx, sql`insert into ${blacklistWords} (blacklist_id, word, normalized) select ${l.id}, t.w, t.n from json_to_recordset(${batch}::json) as t(w text, n text) on conflict (blacklist_id, normalized) do nothing returning normalized`);
    times.push(Math.round(performance.now() - t));
  }
});
console.log(times.join(" "));
process.exit(0);
