/**
 * Computes the summaries of 1,000 campaigns in a fresh PGlite database, and in a fresh PostgreSQL
 * database when BENCH_DATABASE_URL is set (dropped afterwards); prints the times.
 * Run: npx tsx bench/campaign-summary.ts
 */
import crypto from "node:crypto";
import { count } from "drizzle-orm";
import { migrateDatabase, openPglite, openPostgres, setDatabase, type DatabaseHandle } from "@/db/client";
import { adminNotifications, campaignSummaries } from "@/db/schema";
import { computeCampaignSummaries, computeCampaignSummary } from "@/lib/summary/compute";
import { computeSummary } from "@/lib/summary/rules";
import { loadCampaignSnapshots } from "@/lib/summary/snapshot";
import { buildWorkload } from "./campaign-summary-workload";

const CAMPAIGNS = 1000;
const RUNS = 7;

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
const fmt = (n: number) => `${n.toFixed(1)} ms`;

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t0 = process.hrtime.bigint();
  const result = await fn();
  return [result, ms(t0)];
}

async function series(runs: number, fn: () => Promise<unknown>) {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push((await timed(fn))[1]);
  times.sort((a, b) => a - b);
  return { min: times[0], median: times[Math.floor(times.length / 2)], max: times[times.length - 1] };
}

async function run(label: string, handle: DatabaseHandle) {
  await migrateDatabase(handle);
  setDatabase(handle);
  const [ids, buildMs] = await timed(() => buildWorkload(handle.db, CAMPAIGNS));

  // First run: every summary is new (1,000 inserts, 1,000 live events).
  const [first, firstMs] = await timed(() => computeCampaignSummaries());
  const [{ stored }] = await handle.db.select({ stored: count() }).from(campaignSummaries);
  const [{ notes }] = await handle.db.select({ notes: count() }).from(adminNotifications);
  // Steady state: what the 5-minute cron costs when nothing changed.
  const steady = await series(RUNS, () => computeCampaignSummaries());
  const load = await series(RUNS, () => loadCampaignSnapshots(handle.db));
  const snapshots = await loadCampaignSnapshots(handle.db);
  const rules = await series(RUNS, async () => snapshots.map(computeSummary));
  const one = await series(RUNS * 3, () => computeCampaignSummary(ids[Math.floor(ids.length / 2)]));

  const lights = { green: 0, orange: 0, red: 0 };
  for (const s of snapshots.map(computeSummary)) lights[s.overall]++;
  console.log(`\n${label}`);
  console.log(
    `  workload: ${ids.length} campaigns (${lights.green} green, ${lights.orange} orange, ${lights.red} red), built in ${(buildMs / 1000).toFixed(1)} s`,
  );
  console.log(
    `  first computeCampaignSummaries(), all new: ${fmt(firstMs)} — ${first.computed} computed, ${first.changed.length} changed, ${stored} stored, ${notes} notifications`,
  );
  console.log(
    `  computeCampaignSummaries(), nothing changed (${RUNS} runs): min ${fmt(steady.min)}, median ${fmt(steady.median)}, max ${fmt(steady.max)}`,
  );
  console.log(
    `    of which loadCampaignSnapshots(): min ${fmt(load.min)}, median ${fmt(load.median)}; rules (pure): min ${fmt(rules.min)}, median ${fmt(rules.median)}`,
  );
  console.log(`  computeCampaignSummary(one campaign) (${RUNS * 3} runs): min ${fmt(one.min)}, median ${fmt(one.median)}`);
  // Baseline: the pure rules over the same snapshots, without the database.
  const engine = label.startsWith("PGlite") ? "pglite" : "postgres";
  console.log(
    `RESULT campaign-summary engine=${engine} campaigns=${ids.length} first_ms=${firstMs.toFixed(0)} steady_median_ms=${steady.median.toFixed(0)} ` +
      `load_median_ms=${load.median.toFixed(0)} rules_baseline_median_ms=${rules.median.toFixed(1)} one_median_ms=${one.median.toFixed(1)}`,
  );
  setDatabase(undefined);
}

async function main() {
  const pglite = await openPglite();
  try {
    await run("PGlite (in memory)", pglite);
  } finally {
    await pglite.close();
  }
  const server = process.env.BENCH_DATABASE_URL;
  if (!server) {
    console.log("\n(set BENCH_DATABASE_URL=postgres://… to also measure PostgreSQL)");
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
    await run(`PostgreSQL (${url.host})`, handle);
  } finally {
    await handle.close();
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
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
