// Reliability suite, two hosts (issue 14, item 8): two Relais processes on one PostgreSQL
// database (tests/reliability/fixtures/relais-worker.ts in host mode), each with its embedded job
// runner (polling, routing, outbox delivery) and routing passes of its own, the demo's agents
// spread over both. Customers write; every conversation is given to exactly one agent, answered
// once on the network, and the live events of each conversation reach the viewers of both hosts
// (lib/realtime/bus.ts listens with PostgreSQL's LISTEN, lib/events/emit.ts NOTIFYs on commit).
// PostgreSQL only: PGlite is one process per data folder (db/client.ts locks it).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { openPostgres, type DatabaseHandle } from "@/db/client";
import { assignments, conversations, outbox } from "@/db/schema";
import { createSimulatorClient } from "@/lib/simulator/client";
import { startSimulator } from "@/lib/simulator/server";
import { createServerDatabase, startWorker, type Worker } from "./worker";

const serverUrl = process.env.TEST_DATABASE_URL;
const CUSTOMERS = Number(process.env.RELAIS_TWO_HOSTS_CUSTOMERS) || 30;

if (!serverUrl) console.log("two-hosts: skipped on PGlite — the embedded database is one process per data folder; set TEST_DATABASE_URL");

describe.skipIf(!serverUrl)("two hosts on one PostgreSQL database (skipped on PGlite: one process per data folder)", () => {
  let sim: Awaited<ReturnType<typeof startSimulator>>;
  let db: Awaited<ReturnType<typeof createServerDatabase>>;
  let handle: DatabaseHandle;
  let env: Record<string, string>;
  const workers: Worker[] = [];

  beforeAll(async () => {
    sim = await startSimulator({
      port: 0,
      enforceReplyPolicy: false,
      rateLimits: { search: { limit: 100_000 }, mentions: { limit: 100_000 }, post: { limit: 100_000 }, me: { limit: 100_000 } },
    });
    db = await createServerDatabase(serverUrl!);
    env = {
      RELAIS_SIMULATOR_URL: sim.url,
      RELAIS_SECRET_KEY: process.env.RELAIS_SECRET_KEY!,
      NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET!,
      DATABASE_URL: db.url,
    };
  });

  afterAll(async () => {
    for (const w of workers) await w.kill();
    await handle?.close();
    await sim?.close();
    await db?.drop();
  });

  it(
    "assigns each conversation once, sends each reply once, and both hosts hear every conversation's events",
    async () => {
      const setup = startWorker("setup", { ...env, WORKER_NO_MENTION: "1" });
      workers.push(setup);
      const seeded = await setup.waitFor((l) => l.setup === true);
      await setup.exited;
      const agents = seeded.agents as number[];
      const campaignId = Number(seeded.campaignId);
      const split = { A: agents.slice(0, 3), B: agents.slice(3) };
      const hosts = Object.fromEntries(
        Object.entries(split).map(([host, list]) => [
          host,
          startWorker("host", { ...env, WORKER_HOST: host, WORKER_AGENTS: list.join(",") }),
        ]),
      ) as Record<"A" | "B", Worker>;
      workers.push(hosts.A, hosts.B);
      await Promise.all([hosts.A.waitFor((l) => l.ready === true), hosts.B.waitFor((l) => l.ready === true)]);

      const simc = createSimulatorClient(sim.url, { timeoutMs: 30_000 }); // a loaded machine answers slowly
      for (let i = 0; i < CUSTOMERS; i++) {
        await simc.postCustomerTweet({ authorHandle: `host_client${i}`, text: `@relais_demo question ${i} sur ma commande` });
        await new Promise((r) => setTimeout(r, 60));
      }

      handle = await openPostgres(db.url);
      const deadline = Date.now() + 150_000;
      for (;;) {
        const [c] = await handle.db
          .select({ all: sql<number>`count(*)::int`, closed: sql<number>`count(*) filter (where ${conversations.status} = 'closed')::int` })
          .from(conversations)
          .where(eq(conversations.campaignId, campaignId));
        const [o] = await handle.db.select({ open: sql<number>`count(*) filter (where ${outbox.state} <> 'sent')::int` }).from(outbox);
        if ((c.all === CUSTOMERS && c.closed === CUSTOMERS && o.open === 0) || Date.now() > deadline) break;
        await new Promise((r) => setTimeout(r, 300));
      }
      // Live events of the last commits still on their way.
      await new Promise((r) => setTimeout(r, 1000));
      await hosts.A.kill();
      await hosts.B.kill();

      const convs = await handle.db.select().from(conversations).where(eq(conversations.campaignId, campaignId));
      const lines = { A: hosts.A.lines, B: hosts.B.lines };
      const takers = new Map<number, Set<number>>();
      for (const l of [...lines.A, ...lines.B])
        if (typeof l.assigned === "number")
          (takers.get(l.assigned) ?? takers.set(l.assigned, new Set()).get(l.assigned)!).add(Number(l.agent));
      const refused = [...lines.A, ...lines.B].filter((l) => "refused" in l);
      const accepted = await handle.db
        .select({ conversationId: assignments.conversationId, n: sql<number>`count(*)::int` })
        .from(assignments)
        .where(sql`${assignments.acceptedAt} is not null`)
        .groupBy(assignments.conversationId);
      const rows = await handle.db.select().from(outbox);
      const replies = await simc.listReplies();
      const onNetwork = new Map<string, number>();
      for (const r of replies) onNetwork.set(r.text, (onNetwork.get(r.text) ?? 0) + 1);

      // Which host's agent had each conversation, and whether the other host heard of it.
      const hostOf = (agent: number) => (split.A.includes(agent) ? "A" : "B");
      const heard = (host: "A" | "B", type: string, id: number) => lines[host].some((l) => l.live === type && l.conversationId === id);
      let crossHost = 0;
      const deaf: string[] = [];
      for (const c of convs) {
        for (const type of ["conversation.queued", "conversation.assigned", "conversation.closed"])
          for (const host of ["A", "B"] as const) if (!heard(host, type, c.id)) deaf.push(`${host} missed ${type} of ${c.id}`);
        const agent = [...(takers.get(c.id) ?? [])][0];
        if (agent !== undefined) crossHost += heard(hostOf(agent) === "A" ? "B" : "A", "conversation.closed", c.id) ? 1 : 0;
      }
      const byHost = { A: lines.A.filter((l) => "closed" in l).length, B: lines.B.filter((l) => "closed" in l).length };
      console.log(
        `RESULT two-hosts conversations=${convs.length} closed=${convs.filter((c) => c.status === "closed").length} ` +
          `answered_on_A=${byHost.A} answered_on_B=${byHost.B} assigned_twice=${[...takers.values()].filter((s) => s.size > 1).length} ` +
          `replies=${rows.length} delivered=${replies.length} reply_duplicates=${[...onNetwork.values()].filter((k) => k > 1).length} ` +
          `live_cross_host=${crossHost} live_missed=${deaf.length}`,
      );
      expect(convs).toHaveLength(CUSTOMERS);
      expect(convs.filter((c) => c.status !== "closed").map((c) => [c.id, c.status])).toEqual([]);
      expect([...takers].filter(([, s]) => s.size !== 1)).toEqual([]);
      expect(takers.size).toBe(CUSTOMERS);
      expect(refused).toEqual([]);
      expect(accepted.filter((a) => a.n !== 1)).toEqual([]);
      expect(rows).toHaveLength(CUSTOMERS);
      expect(rows.filter((r) => r.state !== "sent" || onNetwork.get(r.payload.text) !== 1).map((r) => r.id)).toEqual([]);
      expect(replies).toHaveLength(CUSTOMERS);
      // Both hosts answered some: the work really was spread.
      expect(byHost.A).toBeGreaterThan(0);
      expect(byHost.B).toBeGreaterThan(0);
      expect(deaf).toEqual([]);
    },
    5 * 60_000,
  );
});
