/**
 * Latency from the ingest commit to the agent's live event, over 50 messages, through the real
 * path: a customer tweet in the network simulator, a poll (lib/ingestion/poll.ts) commits the
 * conversation and its `conversation.queued` event; the embedded job runner wakes on the commit's
 * NOTIFY and runs the routing job; routing's `conversation.assigned` reaches this process's live
 * listener (lib/realtime/bus.ts, the one the SSE stream uses) through LISTEN/NOTIFY.
 * Baseline in the same run: a bare NOTIFY round trip (emit → listener) with no job or routing.
 * Run: npx tsx bench/latency.ts   (BENCH_DATABASE_URL=postgres://… adds PostgreSQL)
 */
import crypto from "node:crypto";
import { sql } from "drizzle-orm";
import { migrateDatabase, openPglite, openPostgres, rows, setDatabase, type DatabaseHandle } from "@/db/client";
import { seedIfEmpty } from "@/lib/demo/seed";
import { startSimulator } from "@/lib/simulator/server";
import { createSimulatorClient } from "@/lib/simulator/client";
import { pollCampaign } from "@/lib/ingestion/poll";
import { EmbeddedRunner } from "@/lib/jobs/runner";
import { jobs } from "@/lib/jobs/registry";
import { subscribe } from "@/lib/realtime/bus";
import { emit } from "@/lib/events/emit";
import type { LiveMessage } from "@/lib/events/types";
import { makeAgents } from "@/tests/routing-fixture";

process.env.RELAIS_SECRET_KEY ||= "relais-bench-secret-key-0123456789";
const MESSAGES = Number(process.env.LATENCY_MESSAGES) || 50;

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

async function run(engine: string, handle: DatabaseHandle) {
  await migrateDatabase(handle);
  setDatabase(handle);
  (globalThis as { __relaisBus?: unknown }).__relaisBus = undefined; // a fresh LISTEN on this database
  const db = handle.db;
  const sim = await startSimulator({ port: 0, enforceReplyPolicy: false, rateLimits: { search: { limit: 100_000 } } });
  const runner = new EmbeddedRunner(jobs, { log: () => {}, soleRunner: handle.kind === "pglite" });
  try {
    await seedIfEmpty(db, { demo: true, password: "Bench-password-2026!", simulatorUrl: sim.url, keyword: "relais", pollSeconds: 3600 });
    const [campaign] = await rows<{ id: number }>(db, sql`select id from campaigns order by id limit 1`);
    await db.execute(sql`update campaigns set state = 'running'`);
    await db.execute(sql`update agent_presence set state = 'offline'`);
    await makeAgents(
      db,
      Array.from({ length: MESSAGES }, () => ({})),
    );
    const client = createSimulatorClient(sim.url);
    const heardAt = new Map<number, number>();
    const waiters = new Map<number, (at: number) => void>();
    const pings = new Map<number, (at: number) => void>();
    const unsubscribe = await subscribe((m: LiveMessage) => {
      const at = performance.now();
      if (m.type === "conversation.assigned") {
        heardAt.set(m.conversationId, at);
        waiters.get(m.conversationId)?.(at);
      }
      if (m.type === "conversation.updated" && m.agentId === null) pings.get(m.conversationId)?.(at);
    });
    await runner.start();
    // Settle: the first crons fire at start.
    await new Promise((r) => setTimeout(r, 1500));

    // Baseline: a bare live event, emitted in a transaction and heard by the listener.
    const base: number[] = [];
    for (let i = 0; i < MESSAGES; i++) {
      const heard = new Promise<number>((resolve) => pings.set(-1 - i, resolve));
      const t0 = performance.now();
      await db.transaction((tx) => emit(tx, { name: "relais/conversation.updated", data: { conversationId: -1 - i, agentId: null } }));
      base.push((await heard) - t0);
    }

    const lat: number[] = [];
    for (let i = 0; i < MESSAGES; i++) {
      await client.postCustomerTweet({ authorHandle: `client${i}`, text: `relais question ${i} ${crypto.randomBytes(3).toString("hex")}` });
      const result = await pollCampaign(Number(campaign.id));
      const t0 = performance.now(); // the ingest transaction has committed
      const [created] = await rows<{ id: number }>(db, sql`select max(id) as id from conversations`);
      const id = Number(created?.id);
      if (result.status !== "polled" || !id) throw new Error(`poll ${i}: nothing ingested (${JSON.stringify(result)})`);
      const at =
        heardAt.get(id) ??
        (await new Promise<number>((resolve) => {
          const timer = setTimeout(() => resolve(Number.NaN), 10_000);
          waiters.set(id, (t) => (clearTimeout(timer), resolve(t)));
        }));
      if (Number.isNaN(at)) throw new Error(`message ${i}: no live assignment within 10 s`);
      lat.push(at - t0);
    }
    unsubscribe();
    console.log(
      `RESULT latency engine=${engine} messages=${MESSAGES} p50_ms=${quantile(lat, 0.5).toFixed(1)} p95_ms=${quantile(lat, 0.95).toFixed(1)} ` +
        `max_ms=${Math.max(...lat).toFixed(1)} baseline_notify_p50_ms=${quantile(base, 0.5).toFixed(1)} baseline_notify_p95_ms=${quantile(base, 0.95).toFixed(1)}`,
    );
  } finally {
    await runner.stop();
    await sim.close();
    setDatabase(undefined);
  }
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
