/**
 * The campaign report over a month with 1,000,000 conversations (PostgreSQL, BENCH_DATABASE_URL)
 * and a smaller set on in-memory PGlite (BENCH_REPORTING_PGLITE_N, default 200,000: PGlite's wasm
 * heap and single core make a million rows + two million messages a several-minute seed).
 * Seeded with generate_series: 10 campaigns over six months (June–November 2026, Paris), half of
 * the traffic on campaign 1, 90 % handled by 200 agents (one answer and one assignment each),
 * 10 % filtered. Measured: the report of campaign 1 for November as an administrator, as one
 * agent («reporting.own») and as a supervisor of 20 agents; baseline: a plain count of the same
 * campaign's conversations closed in November.
 * Run: npx tsx bench/reporting.ts (BENCH_REPORTING_PGLITE_N=0 skips PGlite; BENCH_REPORTING_N sets PostgreSQL's N)
 */
import crypto from "node:crypto";
import { sql } from "drizzle-orm";
import { migrateDatabase, openPglite, openPostgres, rows, setDatabase, type DatabaseHandle } from "@/db/client";
import { campaignReport } from "@/lib/reporting/queries";
import { resolveRange } from "@/lib/reporting/range";

const RUNS = 7;
const PARIS = "Europe/Paris";
const november = resolveRange({ preset: "custom", from: "2026-11-01", to: "2026-11-30" }, PARIS, new Date("2026-12-01T12:00:00Z"));

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

async function median(fn: () => Promise<unknown>): Promise<number> {
  await fn(); // warm the cache and the plan
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = process.hrtime.bigint();
    await fn();
    times.push(ms(t0));
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

async function seed(handle: DatabaseHandle, n: number) {
  const db = handle.db;
  const x = (q: string) => db.execute(sql.raw(q));
  await x(`insert into users (login, name, password_hash, role)
           select 'a' || g, 'Agent ' || g, 'x', 'agent' from generate_series(1, 200) g`);
  await x(`insert into work_schedules (name, time_zone, days) values ('Paris', '${PARIS}', '[]')`);
  await x(`insert into qualification_groups (name, currency) values ('Sales', 'EUR')`);
  await x(`insert into qualification_statuses (group_id, code, label, category, benefit, quota_validation, quota, position) values
           (1, 'VENTE', 'Vente', 'positive', 49.90, true, 5000, 1), (1, 'RDV', 'Rendez-vous', 'positive', 0, true, null, 2),
           (1, 'REFUS', 'Refus', 'argued', 0, false, null, 3), (1, 'FAUX', 'Faux numéro', 'not_argued', 0, false, null, 4)`);
  await x(`insert into campaigns (type, name, schedule_id, qualification_group_id)
           select 'twitter', 'Campaign ' || g, 1, 1 from generate_series(1, 10) g`);
  // Six months of arrivals, evenly spread with a deterministic jitter; every tenth is filtered.
  await x(`insert into conversations (campaign_id, network, thread_id, author_id, author_handle, author_name, status, filtered_term,
             waiting_since, created_at, closed_at, qualified_by, qualification_status_id, qualification_code, qualification_label,
             qualification_category, qualification_benefit, first_offered_at, first_response_at)
           select case when g % 2 = 0 then 1 else 2 + g % 9 end, 'twitter', 't' || g, 'u' || (g % 50000), 'u', 'U',
             case when (g / 2) % 10 = 0 then 'filtered' else 'closed' end,
             case when (g / 2) % 10 = 0 then 'spam' end,
             case when (g / 2) % 10 <> 0 then t end, t,
             case when (g / 2) % 10 <> 0 then t + make_interval(secs => 300 + (g * 7919) % 1500) end,
             case when (g / 2) % 10 <> 0 then 1 + ((g / 2) * 31) % 200 end,
             case when (g / 2) % 10 <> 0 then s.id end, s.code, s.label, s.category, s.benefit,
             case when (g / 2) % 10 <> 0 then t + interval '10 seconds' end,
             case when (g / 2) % 10 <> 0 then t + make_interval(secs => 30 + g % 600) end
           from (select g, timestamptz '2026-06-01 00:00 Europe/Paris'
                         + make_interval(secs => (g::float8 / ${n}) * 183 * 86400) as t from generate_series(1::bigint, ${n}) g) a
           left join qualification_statuses s on (g / 2) % 10 <> 0 and s.id = 1 + (g * 13) % 4`);
  await x(`insert into messages (conversation_id, campaign_id, direction, text, author_id, author_handle, author_name, created_at)
           select id, campaign_id, 'in', 'hello', author_id, 'u', 'U', created_at from conversations`);
  // The answers and the offers at the first_response_at / first_offered_at given above, their
  // triggers off for the bulk load (they would rewrite every conversation row once more).
  await x(`alter table messages disable trigger messages_first_response`);
  await x(`insert into messages (conversation_id, campaign_id, direction, text, author_id, author_handle, author_name, sent_by, created_at)
           select id, campaign_id, 'out', 'hi', 'us', 'us', 'Us', qualified_by, first_response_at
           from conversations where qualified_by is not null`);
  await x(`alter table messages enable trigger messages_first_response`);
  await x(`alter table assignments disable trigger assignments_first_offer`);
  await x(`insert into assignments (conversation_id, agent_id, state, why, offered_at, accepted_at, ended_at, end_reason)
           select id, qualified_by, 'ended', 'any', created_at + interval '10 seconds', created_at + interval '20 seconds', closed_at, 'qualified'
           from conversations where qualified_by is not null`);
  await x(`alter table assignments enable trigger assignments_first_offer`);
  // What autovacuum would have done on a live database (visibility map: index-only probes).
  await x(`vacuum analyze`);
}

async function run(engine: "pglite" | "postgres", handle: DatabaseHandle, n: number) {
  await migrateDatabase(handle);
  setDatabase(handle);
  const t0 = process.hrtime.bigint();
  await seed(handle, n);
  const seedS = ms(t0) / 1000;
  const campaign = await median(() => campaignReport({ kind: "all" }, 1, november));
  const agent = await median(() => campaignReport({ kind: "agents", agentIds: [17], own: true }, 1, november));
  const team = Array.from({ length: 20 }, (_, i) => 1 + i * 10);
  const supervisor = await median(() => campaignReport({ kind: "agents", agentIds: team, own: false }, 1, november));
  const baseline = await median(() =>
    rows(
      handle.db,
      sql`select count(*) from conversations where campaign_id = 1 and closed_at >= ${november.from.toISOString()}::timestamptz
          and closed_at < ${november.to.toISOString()}::timestamptz`,
    ),
  );
  const report = (await campaignReport({ kind: "all" }, 1, november))!;
  console.log(
    `\n${engine}: seeded ${n} conversations in ${seedS.toFixed(1)} s; campaign 1 in November: ${report.received} received, ` +
      `${report.totals.handled} handled, conversion ${(report.totals.conversion! * 100).toFixed(1)} %, ${report.agents.length} agents`,
  );
  console.log(
    `RESULT reporting engine=${engine} conversations=${n} campaign_month_ms=${campaign.toFixed(1)} agent_month_ms=${agent.toFixed(1)} ` +
      `supervisor_month_ms=${supervisor.toFixed(1)} baseline_count_ms=${baseline.toFixed(1)} handled_in_month=${report.totals.handled}`,
  );
  setDatabase(undefined);
}

async function main() {
  const pgliteN = Number(process.env.BENCH_REPORTING_PGLITE_N || 200_000);
  if (pgliteN > 0) {
    const pglite = await openPglite();
    try {
      await run("pglite", pglite, pgliteN);
    } finally {
      await pglite.close();
    }
  }
  const server = process.env.BENCH_DATABASE_URL;
  if (!server) {
    console.log("\n(set BENCH_DATABASE_URL=postgres://… to also measure PostgreSQL with 1,000,000 conversations)");
    return;
  }
  const { default: postgres } = await import("postgres");
  const admin = postgres(server, { max: 1, onnotice: () => {} });
  const name = `relais_bench_${crypto.randomBytes(4).toString("hex")}`;
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  const handle = await openPostgres(url.toString());
  try {
    await run("postgres", handle, Number(process.env.BENCH_REPORTING_N || 1_000_000));
  } finally {
    await handle.close();
    if (process.env.BENCH_KEEP_DB) console.log(`kept database ${name}`);
    else await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end();
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
