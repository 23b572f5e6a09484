/**
 * Server time of a reply action (issue 10): `sendAnswer` — the reply policy re-checked, the
 * outbox row, the thread row, the offer accepted and the events, in one transaction — over 20
 * replies, with the delivery attempt (claim, POST to the simulator, record) timed apart. Baseline
 * measured in the same run: one plain insert of a thread row. PGlite, and PostgreSQL when
 * BENCH_DATABASE_URL is set (a database of its own, dropped afterwards).
 * Run: npx tsx bench/reply.ts
 */
import crypto from "node:crypto";
import { and, eq } from "drizzle-orm";
import { migrateDatabase, openPglite, openPostgres, setDatabase, type DatabaseHandle } from "@/db/client";
import { agentPresence, campaigns, conversations, messages, users, type AgentState } from "@/db/schema";
import { seedIfEmpty } from "@/lib/demo/seed";
import { pollCampaign } from "@/lib/ingestion/poll";
import { deliverOnce } from "@/lib/outbox/deliver";
import { sendAnswer } from "@/lib/outbox/replies";
import { assignWaitingConversations } from "@/lib/routing/assign";
import { createSimulatorClient } from "@/lib/simulator/client";
import { startSimulator } from "@/lib/simulator/server";

const RUNS = 20;
const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// Presence written directly: the workspace's mutation module also loads next-auth, which a plain
// tsx script cannot import.
async function setPresence(db: DatabaseHandle["db"], userId: number, state: AgentState) {
  await db
    .insert(agentPresence)
    .values({ userId, state, since: new Date() })
    .onConflictDoUpdate({ target: agentPresence.userId, set: { state, since: new Date() } });
}

async function run(engine: "pglite" | "postgres", handle: DatabaseHandle) {
  process.env.RELAIS_SECRET_KEY ||= "relais-bench-secret-key-0123456789";
  await migrateDatabase(handle);
  setDatabase(handle);
  const sim = await startSimulator({ port: 0, enforceReplyPolicy: true });
  const client = createSimulatorClient(sim.url);
  try {
    await seedIfEmpty(handle.db, {
      demo: true,
      password: "Bench-password-2026!",
      simulatorUrl: sim.url,
      keyword: "relais",
      pollSeconds: 10,
    });
    const [campaign] = await handle.db.select({ id: campaigns.id }).from(campaigns);
    const agents: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const [u] = await handle.db
        .insert(users)
        .values({ login: `bench${i}`, name: `Bench ${i}`, role: "agent", passwordHash: "-" })
        .returning();
      agents.push(u.id);
    }
    const replyMs: number[] = [];
    const deliverMs: number[] = [];
    const baselineMs: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      await client.postCustomerTweet({ authorHandle: `bench_${i}`, text: `@relais_demo relais question ${i}` });
      await pollCampaign(campaign.id);
      await setPresence(handle.db, agents[i], "ready");
      await assignWaitingConversations();
      await setPresence(handle.db, agents[i], "paused");
      const [conv] = await handle.db
        .select({ id: conversations.id })
        .from(conversations)
        .where(and(eq(conversations.assignedAgentId, agents[i]), eq(conversations.status, "assigned")));
      let t0 = process.hrtime.bigint();
      const sent = await sendAnswer(agents[i], {
        conversationId: conv.id,
        kind: "x_reply",
        text: `Réponse ${i}`,
        idempotencyKey: crypto.randomUUID(),
      });
      replyMs.push(ms(t0));
      t0 = process.hrtime.bigint();
      const state = await deliverOnce(sent.id);
      deliverMs.push(ms(t0));
      if (state !== "sent") throw new Error(`reply ${i} ended ${state}`);
      t0 = process.hrtime.bigint();
      const [row] = await handle.db
        .insert(messages)
        .values({
          conversationId: conv.id,
          campaignId: campaign.id,
          direction: "out",
          text: "baseline",
          authorId: "0",
          authorHandle: "",
          authorName: "",
        })
        .returning({ id: messages.id });
      baselineMs.push(ms(t0));
      await handle.db.delete(messages).where(eq(messages.id, row.id));
    }
    const posted = (await client.listReplies()).length;
    console.log(
      `RESULT reply engine=${engine} runs=${RUNS} median_ms=${median(replyMs).toFixed(1)} deliver_median_ms=${median(deliverMs).toFixed(1)} ` +
        `baseline_insert_ms=${median(baselineMs).toFixed(2)} posted=${posted}`,
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
  const name = `relais_bench_reply_${crypto.randomBytes(4).toString("hex")}`;
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
