// Reliability suite, crashes (issue 14, item 7): a Relais process (tests/reliability/fixtures/
// relais-worker.ts: the real job runner with every job, polling X and delivering the replies an
// agent queues) is killed with SIGKILL at seeded random moments while customers keep tweeting,
// then started again; the restart recovers (the outbox reconciles what the dead process left
// `sending`, the durable runner resumes its runs). At the end every tweet is stored exactly once
// and every reply is on the network exactly once. On the PGlite data folder of the embedded
// default, or on PostgreSQL with TEST_DATABASE_URL. Mass sends (issue 12) are not covered yet.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { openPglite, openPostgres, type DatabaseHandle } from "@/db/client";
import { messages, outbox } from "@/db/schema";
import { createSimulatorClient } from "@/lib/simulator/client";
import { startSimulator } from "@/lib/simulator/server";
import { createServerDatabase, seeded, startWorker, type Worker } from "./worker";

const ROUNDS = Number(process.env.RELAIS_CRASH_ROUNDS) || 5;
const serverUrl = process.env.TEST_DATABASE_URL;
const engine = serverUrl ? "postgres" : "pglite";

describe(`kill -9 during polls and reply deliveries, then a restart (${engine})`, () => {
  let sim: Awaited<ReturnType<typeof startSimulator>>;
  let env: Record<string, string>;
  let dropDb: (() => Promise<void>) | undefined;
  let dataDir = "";
  const workers: Worker[] = [];

  beforeAll(async () => {
    sim = await startSimulator({
      port: 0,
      enforceReplyPolicy: false,
      rateLimits: { search: { limit: 100_000 }, mentions: { limit: 100_000 }, post: { limit: 100_000 }, me: { limit: 100_000 } },
    });
    env = {
      RELAIS_SIMULATOR_URL: sim.url,
      RELAIS_SECRET_KEY: process.env.RELAIS_SECRET_KEY!,
      NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET!,
      RELAIS_NETWORK_TIMEOUT_MS: "3000",
      WORKER_LEASE_MS: "3000",
    };
    if (serverUrl) {
      const db = await createServerDatabase(serverUrl);
      dropDb = db.drop;
      env.DATABASE_URL = db.url;
    } else {
      dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "relais-crash-"));
      env.RELAIS_DATA_DIR = dataDir;
      delete process.env.DATABASE_URL;
    }
  });

  afterAll(async () => {
    for (const w of workers) await w.kill();
    await sim?.close();
    await dropDb?.();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it(
    "stores every tweet once and puts every reply on the network once, whatever the moment of the kill",
    async () => {
      const simc = createSimulatorClient(sim.url, { timeoutMs: 30_000 }); // a loaded machine answers slowly
      const tweets: string[] = [];
      const setup = startWorker("setup", env);
      workers.push(setup);
      await setup.waitFor((l) => l.seeded === true);
      tweets.push((await simc.postCustomerTweet({ authorHandle: "crash_client", text: "@relais_demo ma commande n'arrive pas" })).id);
      const ready = await setup.waitFor((l) => l.setup === true);
      await setup.exited;
      const campaignId = Number(ready.campaignId);
      const agent = (ready.agents as number[])[0];
      const conversationId = Number(ready.conversationId);
      expect(conversationId).toBeGreaterThan(0);
      const workEnv = {
        ...env,
        WORKER_AGENT: String(agent),
        WORKER_CONVERSATION: String(conversationId),
        WORKER_CAMPAIGN: String(campaignId),
      };

      // Customers keep tweeting, whether Relais is up or not.
      let n = 0;
      const traffic = setInterval(() => {
        void simc
          .postCustomerTweet({ authorHandle: `crash${n % 9}`, text: `relais crash tweet ${n++}` })
          .then((t) => tweets.push(t.id))
          .catch(() => {});
      }, 80);

      const random = seeded(20261201);
      const crashes: { round: number; afterMs: number; queued: number }[] = [];
      const recoveries: Record<string, unknown>[] = [];
      try {
        for (let round = 0; round < ROUNDS; round++) {
          const w = startWorker("work", workEnv);
          workers.push(w);
          recoveries.push(await w.waitFor((l) => l.recovered === true));
          await w.waitFor((l) => l.ready === true);
          const afterMs = 800 + Math.floor(random() * 3200);
          await new Promise((r) => setTimeout(r, afterMs));
          await w.kill(); // SIGKILL: no handler runs, no transaction finishes
          crashes.push({ round, afterMs, queued: w.lines.filter((l) => "queued" in l).length });
        }
      } finally {
        clearInterval(traffic);
      }
      await new Promise((r) => setTimeout(r, 200)); // the last posts in flight

      const drain = startWorker("drain", workEnv);
      workers.push(drain);
      recoveries.push(await drain.waitFor((l) => l.recovered === true));
      const drained = await drain.waitFor((l) => "drained" in l, 200_000);
      await drain.exited;
      expect(drained, JSON.stringify(drain.lines.slice(-3))).toMatchObject({ drained: true });

      // Counted from the outside: the database as the next process finds it, the network as the simulator holds it.
      const handle: DatabaseHandle = serverUrl ? await openPostgres(env.DATABASE_URL) : await openPglite(dataDir);
      try {
        const stored = await handle.db
          .select({ id: messages.externalId, n: sql<number>`count(*)::int` })
          .from(messages)
          .where(eq(messages.campaignId, campaignId))
          .groupBy(messages.externalId);
        const copies = new Map(stored.map((r) => [r.id, r.n]));
        const missing = tweets.filter((id) => !copies.has(id));
        const doubled = stored.filter((r) => r.n > 1);
        const rows = await handle.db.select().from(outbox);
        const replies = (await simc.listReplies()).filter((r) => r.text.startsWith("Réponse crash"));
        const onNetwork = new Map<string, number>();
        for (const r of replies) onNetwork.set(r.text, (onNetwork.get(r.text) ?? 0) + 1);
        const notSent = rows.filter((r) => r.state !== "sent");
        const wrongCount = rows.filter((r) => onNetwork.get(r.payload.text) !== 1);
        const strays = [...onNetwork.keys()].filter((text) => !rows.some((r) => r.payload.text === text));
        const sendingAtRestart = recoveries.reduce((s, r) => s + Number(r.sending), 0);
        const reconciled = recoveries.flatMap((r) => r.reconciled as { state: string }[]);
        const runsAtRestart = recoveries.reduce((s, r) => s + Number(r.runningRuns), 0);
        console.log(
          `RESULT crash engine=${engine} kills=${crashes.length} kill_ms=${crashes.map((c) => c.afterMs).join("/")} tweets=${tweets.length} ` +
            `stored=${tweets.length - missing.length} duplicates=${doubled.length} replies=${rows.length} delivered=${replies.length} ` +
            `reply_duplicates=${[...onNetwork.values()].filter((k) => k > 1).length} sending_at_restart=${sendingAtRestart} ` +
            `reconciled_sent=${reconciled.filter((r) => r.state === "sent").length} reconciled_interrupted=${reconciled.filter((r) => r.state === "failed").length} ` +
            `runs_resumed=${runsAtRestart}`,
        );
        expect(missing).toEqual([]);
        expect(doubled).toEqual([]);
        expect(rows.length).toBeGreaterThan(0);
        expect(notSent.map((r) => [r.id, r.state, r.errorReason])).toEqual([]);
        expect(wrongCount.map((r) => [r.id, r.payload.text, onNetwork.get(r.payload.text) ?? 0])).toEqual([]);
        expect(strays).toEqual([]);
      } finally {
        await handle.close();
      }
    },
    10 * 60_000,
  );
});
