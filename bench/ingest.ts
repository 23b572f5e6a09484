/**
 * Ingestion throughput: a simulator backlog of 20,000 posts (10,000 keyword hits, 10,000 mentions
 * of the campaign account) drained through the real X adapter and client by the real poller,
 * for a campaign with a 10,000-word blacklist and 20 distribution rules. Baseline in the same
 * run: the same message rows inserted with 500-row `insert … on conflict do nothing`. PGlite in
 * memory, and a fresh PostgreSQL database when BENCH_DATABASE_URL is set.
 *
 * The network's rate-limit waits are not measured (the bench lets each source be read again at
 * once, and the simulator's limits are raised): what is measured is the ingest engine.
 * Run: npx tsx bench/ingest.ts
 */
import crypto from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { migrateDatabase, openPglite, openPostgres, rows, setDatabase, type DatabaseHandle } from "@/db/client";
import {
  blacklists,
  blacklistWords,
  campaignBlacklists,
  campaigns,
  campaignSources,
  conversations,
  customerDatabases,
  distributionRuleGroups,
  distributionRules,
  messages,
  skillGroups,
  skills,
} from "@/db/schema";
import { seedIfEmpty } from "@/lib/demo/seed";
import { pollCampaign } from "@/lib/ingestion/poll";
import { startSimulator } from "@/lib/simulator/server";
import { createSimulatorClient } from "@/lib/simulator/client";

process.env.RELAIS_SECRET_KEY ||= "relais-bench-secret-key-0123456789";
const POSTS = Number(process.env.BENCH_INGEST_POSTS) || 20_000;
const BLACKLIST_WORDS = 10_000;
const RULES = 20;

async function prepare(handle: DatabaseHandle, simUrl: string): Promise<number> {
  const db = handle.db;
  await seedIfEmpty(db, { demo: true, password: "Bench-password-2026!", simulatorUrl: simUrl, keyword: "colis", pollSeconds: 10 });
  const [campaign] = await db.select().from(campaigns);
  const [database] = await db
    .insert(customerDatabases)
    .values({ name: "Bench", schemaName: `bench_${Date.now()}` })
    .returning();
  const [list] = await db.insert(blacklists).values({ name: "Bench list", databaseId: database.id }).returning();
  const words = Array.from({ length: BLACKLIST_WORDS }, (_, i) => `interdit${i.toString(36)}`);
  for (let i = 0; i < words.length; i += 1000) {
    await db.insert(blacklistWords).values(words.slice(i, i + 1000).map((w) => ({ blacklistId: list.id, word: w, normalized: w })));
  }
  await db.insert(campaignBlacklists).values({ campaignId: campaign.id, blacklistId: list.id });
  const [group] = await db.insert(skillGroups).values({ name: "Bench skills" }).returning();
  const skillRows = await db
    .insert(skills)
    .values(Array.from({ length: 5 }, (_, i) => ({ groupId: group.id, name: `Skill ${i}` })))
    .returning();
  const [rules] = await db.insert(distributionRuleGroups).values({ name: "Bench rules" }).returning();
  const elements = [
    { element: "keyword", operator: "contains", value: "remboursement" },
    { element: "lang", operator: "equals", value: "en" },
    { element: "followers", operator: "gte", value: "4000" },
    { element: "keyword", operator: "in_list", value: "retard, perdu, cassé" },
  ];
  await db.insert(distributionRules).values(
    Array.from({ length: RULES }, (_, i) => ({
      groupId: rules.id,
      position: i,
      ...elements[i % elements.length],
      ...(i % elements.length === 0 ? { value: `mot${i}` } : {}),
      skillId: skillRows[i % skillRows.length].id,
      minLevel: 1 + (i % 3),
    })),
  );
  await db.update(campaigns).set({ distributionGroupId: rules.id, searchQuery: "colis" }).where(eq(campaigns.id, campaign.id));
  return campaign.id;
}

function backlog(): { authorHandle: string; text: string }[] {
  const list: { authorHandle: string; text: string }[] = [];
  for (let i = 0; i < POSTS / 2; i++) {
    list.push({ authorHandle: `client${i % 997}`, text: `Mon colis ${i} est en retard, que faire ?${i % 50 === 0 ? " interdit3k" : ""}` });
    list.push({ authorHandle: `fan${i % 991}`, text: `@relais_demo une question sur la commande ${i}` });
  }
  return list;
}

async function run(engine: "pglite" | "postgres", open: () => Promise<{ handle: DatabaseHandle; drop(): Promise<void> }>) {
  const sim = await startSimulator({
    port: 0,
    rateLimits: { search: { limit: 1_000_000 }, mentions: { limit: 1_000_000 }, dmRead: { limit: 1_000_000 } },
  });
  const { handle, drop } = await open();
  try {
    await migrateDatabase(handle);
    setDatabase(handle);
    const db = handle.db;
    const campaignId = await prepare(handle, sim.url);
    const client = createSimulatorClient(sim.url, { timeoutMs: 60_000 });
    const posted: string[] = [];
    const all = backlog();
    for (let i = 0; i < all.length; i += 5000) posted.push(...(await client.postCustomerTweets(all.slice(i, i + 5000))).ids);

    // Drain: poll until every source is caught up, as the scheduler would once each is due.
    let calls = 0;
    let postsRead = 0;
    const commits: number[] = [];
    const t0 = performance.now();
    for (let polls = 0; polls < 1000; polls++) {
      await db.update(campaignSources).set({ nextPollAt: null }).where(eq(campaignSources.campaignId, campaignId));
      const r = await pollCampaign(campaignId, { onCommit: (ms) => commits.push(ms) });
      const x = r.sources.filter((s) => s.kind === "x_search" || s.kind === "x_mentions");
      calls += x.reduce((n, s) => n + s.calls, 0);
      if (r.sources.some((s) => s.status === "failed")) throw new Error(`poll failed: ${r.error}`);
      if (x.every((s) => s.caughtUp) && r.fetched === 0) break;
    }
    const elapsed = (performance.now() - t0) / 1000;
    const read = await db
      .select({ posts: sql<number>`sum(${campaignSources.postsRead})::int` })
      .from(campaignSources)
      .where(and(eq(campaignSources.campaignId, campaignId), sql`${campaignSources.kind} in ('x_search','x_mentions')`));
    postsRead = read[0].posts;
    const [{ total, distinct }] = await rows<{ total: number; distinct: number }>(
      db,
      sql`select count(*)::int as total, count(distinct external_id)::int as distinct from messages where campaign_id = ${campaignId} and direction = 'in'`,
    );
    const storedIds = new Set(
      (await db.select({ id: messages.externalId }).from(messages).where(eq(messages.campaignId, campaignId))).map((m) => m.id),
    );
    const missed = posted.filter((id) => !storedIds.has(id)).length;

    // Baseline: the same rows, 500 per insert … on conflict do nothing, into another campaign.
    const [base] = await db
      .insert(campaigns)
      .values({ type: "twitter", name: "Baseline", searchQuery: "x" })
      .returning({ id: campaigns.id });
    const [conv] = await db
      .insert(conversations)
      .values({ campaignId: base.id, network: "twitter", threadId: "t", authorId: "a", authorHandle: "a", authorName: "a" })
      .returning({ id: conversations.id });
    const source = await db.select().from(messages).where(eq(messages.campaignId, campaignId));
    const copy = source.map(({ id: _id, ...m }) => ({ ...m, campaignId: base.id, conversationId: conv.id }));
    const b0 = performance.now();
    for (let i = 0; i < copy.length; i += 500)
      await db
        .insert(messages)
        .values(copy.slice(i, i + 500))
        .onConflictDoNothing();
    const baseElapsed = (performance.now() - b0) / 1000;

    commits.sort((a, b) => a - b);
    console.log(
      `ingest engine=${engine}: ${commits.length} store transactions, p50 ${commits[Math.floor(commits.length / 2)].toFixed(0)} ms, max ${commits.at(-1)!.toFixed(0)} ms (≤ 1,000 messages each)`,
    );
    const msgsPerS = total / elapsed;
    const rawPerS = copy.length / baseElapsed;
    console.log(
      `RESULT ingest engine=${engine} msgs_per_s=${Math.round(msgsPerS)} raw_rows_per_s=${Math.round(rawPerS)} ratio=${(msgsPerS / rawPerS).toFixed(3)} posts_per_call=${(postsRead / calls).toFixed(1)} stored_twice=${total - distinct} missed=${missed}`,
    );
  } finally {
    setDatabase(undefined);
    await drop();
    await sim.close();
  }
}

await run("pglite", async () => {
  const handle = await openPglite();
  return { handle, drop: () => handle.close() };
});

const serverUrl = process.env.BENCH_DATABASE_URL;
if (serverUrl) {
  const name = `relais_bench_${process.pid}_${crypto.randomBytes(4).toString("hex")}`;
  const { default: postgres } = await import("postgres");
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  await run("postgres", async () => {
    const handle = await openPostgres(url.toString());
    return {
      handle,
      async drop() {
        await handle.close();
        await admin.unsafe(`drop database if exists "${name}" with (force)`);
      },
    };
  });
  await admin.end();
}
process.exit(0);
