/**
 * What the reporting rollups' triggers (migration 0022) cost the writes that feed them, on
 * PostgreSQL (BENCH_DATABASE_URL, else the local server): 20 ingestion-like inserts of 500
 * conversations (one statement each, the statement-level trigger aggregates them) and 5,000
 * qualifications, one row-level UPDATE each, in 10 campaigns and 50 agents; baseline: the same
 * writes with the triggers disabled, in the same run.
 * Run: npx tsx bench/reporting-triggers.ts
 */
import crypto from "node:crypto";
import { sql } from "drizzle-orm";
import { migrateDatabase, openPostgres } from "@/db/client";
async function main() {
  const server = process.env.BENCH_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";
  const { default: postgres } = await import("postgres");
  const admin = postgres(server, { max: 1, onnotice: () => {} });
  const name = `relais_trig_${crypto.randomBytes(3).toString("hex")}`;
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  const h = await openPostgres(url.toString());
  try {
    await migrateDatabase(h);
    const x = (q: string) => h.db.execute(sql.raw(q));
    await x(`insert into users (login, name, password_hash, role) select 'a'||g, 'A', 'x', 'agent' from generate_series(1, 50) g`);
    await x(`insert into campaigns (type, name) select 'twitter', 'C'||g from generate_series(1, 10) g`);
    const time = async (fn: () => Promise<unknown>) => {
      const t0 = process.hrtime.bigint();
      await fn();
      return Number(process.hrtime.bigint() - t0) / 1e6;
    };
    const batch = (k: number) =>
      x(`insert into conversations (campaign_id, network, thread_id, author_id, author_handle, author_name, created_at, waiting_since)
         select 1 + g % 10, 'twitter', 't${k}-'||g, 'u', 'u', 'U', now() - make_interval(secs => g), now() from generate_series(1, 500) g`);
    const qualify = (from: number, to: number) =>
      x(`do $$ begin for i in ${from}..${to} loop
           update conversations set status = 'closed', closed_at = now() - make_interval(secs => i % 7200), qualified_by = 1 + i % 50,
             qualification_code = 'V', qualification_label = 'Vente', qualification_category = 'positive', qualification_benefit = 10
           where id = i; end loop; end $$`);
    const res: Record<string, number> = {};
    for (const on of [true, false]) {
      const mode = on ? "on" : "off";
      await x(`alter table conversations ${on ? "enable" : "disable"} trigger conversations_report_insert`);
      await x(`alter table conversations ${on ? "enable" : "disable"} trigger conversations_report_update`);
      const base = on ? 0 : 20;
      res[`insert_500_ms_${mode}`] =
        (await time(async () => {
          for (let k = 0; k < 20; k++) await batch(base + k);
        })) / 20;
      const first = on ? 1 : 10001;
      res[`qualify_us_${mode}`] = ((await time(() => qualify(first, first + 4999))) / 5000) * 1000;
    }
    console.log(
      "RESULT rollup_triggers " +
        Object.entries(res)
          .map(([k, v]) => `${k}=${v.toFixed(2)}`)
          .join(" "),
    );
  } finally {
    await h.close();
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end();
  }
}
main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
