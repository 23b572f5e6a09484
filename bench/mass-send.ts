/**
 * Mass message throughput (issue 12): 100,000 Messenger contacts inside their 24-hour window (and
 * 1 % outside it), one send to all of them against the simulator's Send API at its configured page
 * rate. Reports the achieved rate against the allowed one (the baseline of the same run: the rate
 * the simulator enforces), and what reached the simulator: duplicates (a person messaged twice) and
 * lost (a sendable person never messaged). PGlite, and PostgreSQL when BENCH_DATABASE_URL is set.
 *
 * The contacts are written straight into the database (ingesting 100,000 threads through the
 * Conversations API at 2 calls per second would take 70 minutes); their people and messages exist
 * in the simulator, so the Send API's 24-hour rule applies for real.
 *
 * Run: npx tsx bench/mass-send.ts   (MASS_BENCH_RECIPIENTS=100000, MASS_BENCH_RATE=300 per second, the simulator's default)
 */
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { migrateDatabase, openPglite, openPostgres, setDatabase, type DatabaseHandle } from "@/db/client";
import { campaigns, massMessages, platforms, queues } from "@/db/schema";
import { encryptSecret } from "@/lib/crypto/secrets";
import { deliverSlice, type SliceResult } from "@/lib/mass-message/deliver";
import { startMassMessage } from "@/lib/mass-message/mutations";
import { DEMO_FACEBOOK_CREDENTIALS } from "@/lib/simulator/demo";
import { createSimulatorClient } from "@/lib/simulator/client";

const RECIPIENTS = Number(process.env.MASS_BENCH_RECIPIENTS) || 100_000;
const RATE = Number(process.env.MASS_BENCH_RATE) || 300;
const OUTSIDE = Math.ceil(RECIPIENTS / 100);
const CHUNK = 10_000;

/**
 * The simulator in a process of its own, as `npm run simulator` runs it: the bench measures
 * Relais' side, not one event loop shared by both ends.
 */
async function simulatorProcess(): Promise<{ url: string; close(): Promise<void> }> {
  const child = spawn(process.execPath, ["--import", "tsx", "bench/support/mass-send-simulator.ts", String(RATE)], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on("data", (d: Buffer) => {
      const m = /URL (\S+)/.exec(d.toString());
      if (m) resolve(m[1]);
    });
    child.once("exit", (c) => reject(new Error(`simulator exited with ${c}`)));
  });
  return {
    url,
    close: async () => {
      child.kill();
      await new Promise((r) => child.once("exit", r));
    },
  };
}

async function run(engine: "pglite" | "postgres", handle: DatabaseHandle) {
  process.env.RELAIS_SECRET_KEY ||= "relais-bench-secret-key-0123456789";
  process.env.RELAIS_FB_SEND_RATE = String(RATE);
  await migrateDatabase(handle);
  setDatabase(handle);
  // The page's Send API limit is the configured rate; the hourly and daily call budgets are
  // raised so that they do not end a 100,000-message bench (a real page has 200 × its engaged users).
  const sim = await simulatorProcess();
  const client = createSimulatorClient(sim.url);
  try {
    const db = handle.db;
    // A platform pointing at the simulator, a queue and the Facebook campaign (the demo seed loads
    // next-auth, which a plain tsx script cannot import).
    const [platform] = await db
      .insert(platforms)
      .values({ name: "Simulateur", twitterBaseUrl: sim.url, facebookBaseUrl: sim.url })
      .returning();
    const [queue] = await db.insert(queues).values({ code: "BENCHFB", description: "Mass send bench" }).returning();
    const [fb] = await db
      .insert(campaigns)
      .values({
        type: "facebook",
        name: "Bench Facebook",
        platformId: platform.id,
        queueId: queue.id,
        credentials: encryptSecret(DEMO_FACEBOOK_CREDENTIALS),
      })
      .returning();

    let t0 = Date.now();
    const people = [
      ...(await client.postCustomerMessages({ count: RECIPIENTS, namePrefix: "Client", text: "Bonjour" })).people,
      ...(await client.postCustomerMessages({ count: OUTSIDE, namePrefix: "Ancien", text: "Bonjour", ageHours: 30 })).people,
    ];
    for (let i = 0; i < people.length; i += CHUNK) {
      const list = people.slice(i, i + CHUNK).map((p) => ({ psid: p.id, name: p.name, at: p.createdAt }));
      await db.execute(
        sql`with c as (
              insert into conversations (campaign_id, queue_id, network, thread_id, author_id, author_handle, author_name, is_private, channel, status, created_at, updated_at, closed_at)
              select ${fb.id}, ${queue.id}, 'facebook', 't_' || x.psid, x.psid, x.name, x.name, true, 'messenger', 'closed', x.at, x.at, x.at
              from json_to_recordset(${JSON.stringify(list)}::json) as x(psid text, name text, at timestamptz)
              returning id, author_id, author_name, created_at)
            insert into messages (conversation_id, campaign_id, direction, external_id, text, author_id, author_handle, author_name, source_kind, network_created_at, created_at)
            select c.id, ${fb.id}, 'in', 'm_' || c.author_id, 'Bonjour', c.author_id, c.author_name, c.author_name, 'fb_messenger', c.created_at, c.created_at from c`,
      );
    }
    const seedS = (Date.now() - t0) / 1000;

    t0 = Date.now();
    const { id, counts } = await startMassMessage(
      { id: 0, login: "bench" },
      { campaignId: fb.id, sendType: "messenger", text: "Bonjour $AUTEUR, nos soldes commencent", template: null, criteria: {} },
    );
    const startS = (Date.now() - t0) / 1000;
    if (counts.sendable !== RECIPIENTS) throw new Error(`expected ${RECIPIENTS} sendable, got ${counts.sendable}`);

    t0 = Date.now();
    // As the job does: a slice that ends throttled sleeps until the network's time.
    let result: SliceResult;
    let waits = 0;
    for (;;) {
      result = await deliverSlice(id, { sliceMs: 20_000 });
      if (result.state !== "running") break;
      if (result.wakeAt) {
        waits++;
        const until = Date.parse(result.wakeAt);
        await new Promise((r) => setTimeout(r, Math.max(0, until - Date.now())));
      }
    }
    const elapsedS = (Date.now() - t0) / 1000;
    if (result.state !== "done") throw new Error(`delivery ended ${result.state} ${result.wakeAt ?? ""}`);

    const sent = await client.sentWithMetadata(`relais-mm:${id}:`);
    const perRecipient = Object.values(sent.byRecipient);
    const duplicates = perRecipient.reduce((n, c) => n + Math.max(0, c - 1), 0);
    const lost = RECIPIENTS - perRecipient.length;
    const [mm] = await db.select().from(massMessages).where(eq(massMessages.id, id));
    const achieved = sent.total / elapsedS;
    console.log(
      `RESULT mass_send engine=${engine} recipients=${RECIPIENTS} allowed_per_s=${RATE} achieved_per_s=${achieved.toFixed(1)} ` +
        `ratio=${(achieved / RATE).toFixed(3)} duplicates=${duplicates} lost=${lost} not_sendable=${mm.notSendableCount} ` +
        `failed=${mm.failedCount} throttle_waits=${waits} send_s=${elapsedS.toFixed(1)} start_s=${startS.toFixed(1)} seed_s=${seedS.toFixed(1)}`,
    );
  } finally {
    await sim.close();
  }
}

async function main() {
  const pglite = await openPglite();
  try {
    await run("pglite", pglite);
  } finally {
    await pglite.close();
  }
  const server = process.env.BENCH_DATABASE_URL;
  if (!server) {
    console.log("(set BENCH_DATABASE_URL=postgres://… to also measure PostgreSQL)");
    return;
  }
  const name = `relais_bench_mass_${crypto.randomBytes(4).toString("hex")}`;
  const { default: postgres } = await import("postgres");
  const admin = postgres(server, { max: 1, onnotice: () => {} });
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

void main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
