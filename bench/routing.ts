/**
 * Routing: 500 Ready agents with a skill mix (capacity 1–3), 5,000 waiting conversations asking
 * for various skills (a third ask none; the oldest are past their preferred wait). Measures a
 * routing pass alone (mode=single) and two passes in parallel (mode=parallel2, real parallel
 * connections on PostgreSQL), and in the same run the baseline: the raw "take the next waiting
 * conversation" update without routing logic, one transaction per assignment.
 * p50_ms / p99_ms: cost per assignment (each transaction's time divided by the offers it made);
 * tx_p99_ms: a whole transaction (the time a conversation stays locked). 20,000 closed conversations
 * sit beside the queue, as in a live database; the PostgreSQL plan of the queue read is printed.
 * Run: npx tsx bench/routing.ts   (BENCH_DATABASE_URL=postgres://… adds PostgreSQL)
 */
import crypto from "node:crypto";
import { sql } from "drizzle-orm";
import { migrateDatabase, openPglite, openPostgres, rows, setDatabase, type DatabaseHandle } from "@/db/client";
import { seedIfEmpty } from "@/lib/demo/seed";
import { routeWaiting } from "@/lib/routing/assign";
import { makeAgents, makeSkill, queueConversations, routingViolations, type AgentSpec } from "@/tests/routing-fixture";

process.env.RELAIS_SECRET_KEY ||= "relais-bench-secret-key-0123456789";

const AGENTS = 500;
const CONVERSATIONS = 5000;
const HISTORY = 20_000;

let seed = 7;
const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)];

function quantile(values: number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

async function reset(handle: DatabaseHandle) {
  const db = handle.db;
  await db.execute(sql`delete from events`);
  await db.execute(sql`delete from assignments`);
  await db.execute(
    sql`update conversations set status = 'waiting', assigned_agent_id = null, assigned_at = null where status = 'assigned'`,
  );
  await db.execute(sql`update agent_presence set active_count = 0, last_assignment_ended_at = null`);
}

async function run(engine: string, handle: DatabaseHandle) {
  await migrateDatabase(handle);
  setDatabase(handle);
  const db = handle.db;
  await seedIfEmpty(db, {
    demo: true,
    password: "Bench-password-2026!",
    simulatorUrl: "http://127.0.0.1:9",
    keyword: "relais",
    pollSeconds: 10,
  });
  const [campaign] = await rows<{ id: number }>(db, sql`select id from campaigns order by id limit 1`);
  await db.execute(sql`update campaigns set state = 'running', preferred_wait_seconds = 60`);
  await db.execute(sql`update agent_presence set state = 'offline'`);
  const skills: number[] = [];
  for (const name of ["French", "English", "Spanish", "Billing", "Tech", "VIP"]) skills.push(await makeSkill(db, name));
  const agentSpecs: AgentSpec[] = Array.from({ length: AGENTS }, () => {
    const held = new Map<number, number>();
    const n = 1 + Math.floor(random() * 3);
    for (let k = 0; k < n; k++) held.set(pick(skills), 1 + Math.floor(random() * 10));
    return { max: 1 + Math.floor(random() * 3), skills: [...held] };
  });
  await makeAgents(db, agentSpecs);
  const capacity = agentSpecs.reduce((a, s) => a + (s.max ?? 1), 0);
  const now = Date.now();
  // History: a live database holds far more closed conversations than waiting ones.
  await queueConversations(
    db,
    Number(campaign.id),
    Array.from({ length: HISTORY }, () => ({})),
  );
  await db.execute(sql`update conversations set status = 'closed'`);
  await queueConversations(
    db,
    Number(campaign.id),
    Array.from({ length: CONVERSATIONS }, (_, i) => ({
      requestedSkills: i % 3 === 0 ? [] : [{ skillId: pick(skills), minLevel: 1 + Math.floor(random() * 8) }],
      ruleId: null,
      waitingSince: new Date(now - Math.floor(random() * 600_000)),
      priority: pick([3, 5, 5, 5, 8]),
    })),
  );
  // As autovacuum would have: the history's rows left the partial queue index.
  await db.execute(sql`vacuum analyze conversations`);

  if (handle.kind === "postgres") {
    const plan = await rows<{ "QUERY PLAN": string }>(
      db,
      sql`explain select c.id, c.campaign_id, c.network, c.requested_skills, c.matched_rule_id, c.waiting_since, c.priority
          from conversations c where c.status = 'waiting'
          order by c.priority desc, c.waiting_since, c.id limit 50 for update skip locked`,
    );
    console.log(`${engine} queue read plan: ${plan.map((p) => p["QUERY PLAN"].trim()).join(" | ")}`);
  }

  // Baseline: the raw update, one transaction per assignment, no routing logic (no skills, no capacity).
  {
    await reset(handle);
    const agents = (
      await rows<{ user_id: number }>(db, sql`select user_id from agent_presence where state = 'ready' order by user_id`)
    ).map((a) => Number(a.user_id));
    const times: number[] = [];
    const t0 = performance.now();
    for (let i = 0; i < capacity; i++) {
      const s = performance.now();
      await db.transaction(async (tx) => {
        await tx.execute(
          sql`update conversations set status = 'assigned', assigned_agent_id = ${agents[i % agents.length]}, assigned_at = now()
              where id = (select id from conversations where status = 'waiting' order by priority desc, waiting_since, id limit 1 for update skip locked)`,
        );
      });
      times.push(performance.now() - s);
    }
    const total = (performance.now() - t0) / 1000;
    console.log(
      `RESULT routing engine=${engine} mode=baseline-raw-update assignments=${capacity} assignments_per_s=${(capacity / total).toFixed(0)} ` +
        `p50_ms=${quantile(times, 0.5).toFixed(2)} p99_ms=${quantile(times, 0.99).toFixed(2)}`,
    );
  }

  for (const mode of ["single", "parallel2"] as const) {
    await reset(handle);
    const per: number[] = [];
    const tx: number[] = [];
    const onBatch = (ms: number, n: number) => {
      tx.push(ms);
      for (let i = 0; i < n; i++) per.push(ms / n);
    };
    const t0 = performance.now();
    const passes = mode === "single" ? [routeWaiting({ onBatch })] : [routeWaiting({ onBatch }), routeWaiting({ onBatch })];
    const done = (await Promise.all(passes)).flat();
    const total = (performance.now() - t0) / 1000;
    const v = await routingViolations(db);
    console.log(
      `RESULT routing engine=${engine} mode=${mode} assignments=${done.length} capacity=${capacity} assignments_per_s=${(done.length / total).toFixed(0)} ` +
        `p50_ms=${quantile(per, 0.5).toFixed(2)} p99_ms=${quantile(per, 0.99).toFixed(2)} tx_p50_ms=${quantile(tx, 0.5).toFixed(1)} ` +
        `tx_p99_ms=${quantile(tx, 0.99).toFixed(1)} double_assigned=${v.doubleAssigned} over_capacity=${v.overCapacity} count_drift=${v.countDrift}`,
    );
  }
  setDatabase(undefined);
}

async function main() {
  const server = process.env.BENCH_DATABASE_URL;
  if (server) {
    const { default: postgres } = await import("postgres");
    const admin = postgres(server, { max: 1, onnotice: () => {} });
    const name = `relais_bench_${crypto.randomBytes(4).toString("hex")}`;
    await admin.unsafe(`create database "${name}"`);
    const url = new URL(server);
    url.pathname = `/${name}`;
    const handle = await openPostgres(url.toString());
    try {
      await run("postgres", handle);
    } finally {
      await handle.close();
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    }
  }
  const pglite = await openPglite();
  await run("pglite", pglite);
  await pglite.close();
  if (!server) console.log("(set BENCH_DATABASE_URL=postgres://… to also measure PostgreSQL)");
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
