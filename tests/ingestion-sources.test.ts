import { describe, it, expect, beforeAll } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { campaigns, campaignSources, conversations, events, messages } from "@/db/schema";
import { encryptSecret } from "@/lib/crypto/secrets";
import { pollCampaign } from "@/lib/ingestion/poll";
import { DEMO_FACEBOOK_CREDENTIALS } from "@/lib/simulator/demo";
import type { SourceKind } from "@/lib/networks/types";
import { setupDemoWorkspace } from "./demo-fixture";

// Every source of a campaign, drained and stored once, with its faults recorded on the source.
// Runs on PGlite, and on PostgreSQL with TEST_DATABASE_URL.

const w = setupDemoWorkspace();

const source = async (campaignId: number, kind: SourceKind) =>
  (
    await w.db
      .select()
      .from(campaignSources)
      .where(and(eq(campaignSources.campaignId, campaignId), eq(campaignSources.kind, kind)))
  )[0];

/** A moment after every source's wait (pacing, backoff), as the scheduler would reach it. */
async function later(campaignId: number): Promise<() => Date> {
  const rows = await w.db
    .select({ next: campaignSources.nextPollAt })
    .from(campaignSources)
    .where(eq(campaignSources.campaignId, campaignId));
  const t = Math.max(Date.now(), ...rows.map((r) => r.next?.getTime() ?? 0)) + 1;
  return () => new Date(t);
}

async function storedIds(campaignId: number): Promise<string[]> {
  const rows = await w.db
    .select({ id: messages.externalId })
    .from(messages)
    .where(and(eq(messages.campaignId, campaignId), eq(messages.direction, "in")));
  return rows.map((r) => r.id!);
}

const resetSources = () => w.db.update(campaignSources).set({ nextPollAt: null });

describe("an X campaign's sources", () => {
  it("drains a burst larger than the page cap over successive polls: none missed, none twice", async () => {
    const posted: string[] = [];
    for (let i = 0; i < 250; i++)
      posted.push((await w.sim.postCustomerTweet({ authorHandle: `burst${i % 40}`, text: `relais colis ${i}` })).id);

    const first = await pollCampaign(w.state.campaignId, { pageCap: 1 });
    const search = first.sources.find((s) => s.kind === "x_search")!;
    expect(search).toMatchObject({ status: "polled", fetched: 100, caughtUp: false });
    const draining = await source(w.state.campaignId, "x_search");
    expect(draining.pageToken).toBeTruthy();
    expect(draining.cursor).toBeNull(); // the cursor moves only once caught up
    expect(draining.pendingCursor).toBe(posted.at(-1));

    // Customers keep writing during the drain.
    for (let i = 0; i < 5; i++) posted.push((await w.sim.postCustomerTweet({ authorHandle: "late_one", text: `relais encore ${i}` })).id);
    let polls = 1;
    while ((await source(w.state.campaignId, "x_search")).pageToken && polls < 10) {
      await pollCampaign(w.state.campaignId, { pageCap: 1, now: await later(w.state.campaignId) });
      polls++;
    }
    expect(polls).toBe(3);
    expect((await source(w.state.campaignId, "x_search")).cursor).toBe(posted[249]);
    await pollCampaign(w.state.campaignId, { pageCap: 1, now: await later(w.state.campaignId) });

    const ids = await storedIds(w.state.campaignId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(posted.filter((id) => !ids.includes(id))).toEqual([]);
    const row = await source(w.state.campaignId, "x_search");
    expect(row).toMatchObject({ cursor: posted.at(-1), pageToken: null, pendingCursor: null, messagesStored: 255, postsRead: 255 });
    // Every new conversation waits in the queue with the campaign's priority, and was announced once.
    const [campaign] = await w.db.select().from(campaigns).where(eq(campaigns.id, w.state.campaignId));
    const waiting = await w.db.select().from(conversations).where(eq(conversations.status, "waiting"));
    expect(waiting.length).toBe(255);
    expect(waiting.every((c) => c.priority === campaign.queuePriority && c.waitingSince !== null && c.channel === "keyword")).toBe(true);
    const [{ n }] = await w.db
      .select({ n: sql<number>`count(*)::int` })
      .from(events)
      .where(eq(events.name, "relais/conversation.queued"));
    expect(n).toBe(255);
    await resetSources();
  });

  it("stores each message once when two pollers run at the same time", async () => {
    const before = (await storedIds(w.state.campaignId)).length;
    const posted: string[] = [];
    for (let i = 0; i < 120; i++)
      posted.push((await w.sim.postCustomerTweet({ authorHandle: `twin${i % 7}`, text: `relais double ${i}` })).id);
    const [a, b] = await Promise.all([pollCampaign(w.state.campaignId), pollCampaign(w.state.campaignId)]);
    expect(a.newMessages + b.newMessages).toBe(120);
    const ids = await storedIds(w.state.campaignId);
    expect(ids.length).toBe(before + 120);
    expect(new Set(ids).size).toBe(ids.length);
    expect((await source(w.state.campaignId, "x_search")).cursor).toBe(posted.at(-1));
    await resetSources();
  });

  it("reads mentions of the campaign account and DMs to it, each with its channel", async () => {
    const mention = await w.sim.postCustomerTweet({
      authorHandle: "ana_m",
      text: "@relais_demo ma commande n'arrive pas",
      followers: 1234,
    });
    const dm = await w.sim.postCustomerDm({ authorHandle: "ana_m", authorName: "Ana M.", text: "Bonjour, voici mon numéro de commande" });
    const result = await pollCampaign(w.state.campaignId, { now: await later(w.state.campaignId) });
    expect(result.sources.find((s) => s.kind === "x_mentions")).toMatchObject({ status: "polled", newConversations: 1 });
    expect(result.sources.find((s) => s.kind === "x_dms")).toMatchObject({ status: "polled", newConversations: 1 });

    const [m] = await w.db.select().from(messages).where(eq(messages.externalId, mention.id));
    expect(m).toMatchObject({ sourceKind: "x_mentions", mentionsAccount: true });
    const [mc] = await w.db.select().from(conversations).where(eq(conversations.id, m.conversationId));
    expect(mc).toMatchObject({ channel: "mention", isPrivate: false, authorFollowers: 1234, authorHandle: "ana_m" });
    const [d] = await w.db.select().from(messages).where(eq(messages.externalId, dm.id));
    const [dc] = await w.db.select().from(conversations).where(eq(conversations.id, d.conversationId));
    expect(dc).toMatchObject({ channel: "dm", isPrivate: true, threadId: dm.dm.conversationId, authorName: "Ana M." });

    // DM reads are limited to 15 per 15 minutes: the source waits its share of the window.
    const dms = await source(w.state.campaignId, "x_dms");
    expect(dms.nextPollAt!.getTime()).toBeGreaterThan(Date.now() + 30_000);
    expect(dms.dmEventsRead).toBe(1);
    await resetSources();
  });

  it("waits for the reset X gives after a 429, and the other sources go on", async () => {
    await w.sim.injectFault({ endpoint: "mentions", status: 429 });
    const tweet = await w.sim.postCustomerTweet({ authorHandle: "busy", text: "relais pendant la limite" });
    const result = await pollCampaign(w.state.campaignId);
    expect(result.sources.find((s) => s.kind === "x_mentions")).toMatchObject({ status: "failed", errorKind: "rate_limited" });
    expect(result.sources.find((s) => s.kind === "x_search")).toMatchObject({ status: "polled", newMessages: 1 });
    expect(await storedIds(w.state.campaignId)).toContain(tweet.id);
    const mentions = await source(w.state.campaignId, "x_mentions");
    expect(mentions.lastErrorKind).toBe("rate_limited");
    // The simulator's window is 15 minutes: the reset is minutes away, not the check interval.
    expect(mentions.nextPollAt!.getTime()).toBeGreaterThan(Date.now() + 60_000);
    expect((await pollCampaign(w.state.campaignId)).sources.find((s) => s.kind === "x_mentions")?.status).toBe("skipped");
    await resetSources();
    await w.db.update(campaignSources).set({ lastErrorKind: null, lastError: null });
  });

  it("backs off after 5xx answers, each wait longer than the last", async () => {
    await w.sim.injectFault({ endpoint: "search", status: 503, count: 2 });
    const t0 = Date.now();
    await pollCampaign(w.state.campaignId, { now: () => new Date(t0) });
    const first = await source(w.state.campaignId, "x_search");
    expect(first.lastErrorKind).toBe("server");
    const wait1 = first.nextPollAt!.getTime() - t0;
    const t1 = first.nextPollAt!.getTime() + 1;
    await pollCampaign(w.state.campaignId, { now: () => new Date(t1) });
    const second = await source(w.state.campaignId, "x_search");
    expect(second.nextPollAt!.getTime() - t1).toBe(wait1 * 2);
    await resetSources();
    const t2 = Date.now() + 1;
    await pollCampaign(w.state.campaignId, { now: () => new Date(t2) });
    expect((await source(w.state.campaignId, "x_search")).lastErrorKind).toBeNull();
    await resetSources();
  });

  it("fails cleanly on a malformed body: nothing stored, position kept, error on the source", async () => {
    const before = await source(w.state.campaignId, "x_search");
    const count = (await storedIds(w.state.campaignId)).length;
    await w.sim.postCustomerTweet({ authorHandle: "garbled", text: "relais réponse coupée" });
    await w.sim.injectFault({ endpoint: "search", status: "malformed" });
    const result = await pollCampaign(w.state.campaignId);
    expect(result.sources.find((s) => s.kind === "x_search")).toMatchObject({ status: "failed", errorKind: "malformed" });
    const after = await source(w.state.campaignId, "x_search");
    expect(after).toMatchObject({ cursor: before.cursor, pageToken: before.pageToken, lastErrorKind: "malformed" });
    expect((await storedIds(w.state.campaignId)).length).toBe(count);
    await resetSources();
    expect((await pollCampaign(w.state.campaignId)).sources.find((s) => s.kind === "x_search")).toMatchObject({ newMessages: 1 });
    await resetSources();
  });

  it("marks a source whose token is refused, and stops at the monthly read budget", async () => {
    await w.sim.injectFault({ endpoint: "dm-events", status: 401 });
    const result = await pollCampaign(w.state.campaignId, { now: await later(w.state.campaignId) });
    expect(result.sources.find((s) => s.kind === "x_dms")).toMatchObject({ status: "failed", errorKind: "unauthorized" });
    expect((await source(w.state.campaignId, "x_dms")).lastError).toMatch(/401/);
    await resetSources();

    // Spent so far is a few dollars; a budget with less than one page's worst cost left stops reading.
    const rows = await w.db.select().from(campaignSources).where(eq(campaignSources.campaignId, w.state.campaignId));
    const spent = rows.reduce((n, r) => n + (r.kind === "x_dms" ? r.dmEventsRead + r.usersRead : r.postsRead * 0.5 + r.usersRead), 0);
    await w.setCampaign({ monthlyReadBudgetCents: Math.ceil(spent) + 100 });
    const capped = await pollCampaign(w.state.campaignId);
    expect(capped.sources.filter((s) => s.status === "budget").map((s) => s.kind)).toEqual(["x_search", "x_mentions", "x_dms"]);
    const search = await source(w.state.campaignId, "x_search");
    expect(search.lastErrorKind).toBe("budget");
    expect(search.nextPollAt!.getUTCDate()).toBe(1); // the first of next month
    // Raising the budget lets the sources read again at the next poll, without waiting for next month.
    await w.setCampaign({ monthlyReadBudgetCents: null });
    const resumed = await pollCampaign(w.state.campaignId);
    expect(resumed.sources.find((s) => s.kind === "x_search")?.status).toBe("polled");
    expect((await source(w.state.campaignId, "x_search")).lastErrorKind).toBeNull();
    await w.db.update(campaignSources).set({ nextPollAt: null, lastErrorKind: null, lastError: null });
  });
});

describe("a Facebook campaign's sources", () => {
  let campaignId = 0;
  beforeAll(async () => {
    const [twitter] = await w.db.select().from(campaigns).where(eq(campaigns.id, w.state.campaignId));
    const { id: _id, ...rest } = twitter;
    const [fb] = await w.db
      .insert(campaigns)
      .values({
        ...rest,
        type: "facebook",
        name: "Démo Facebook",
        checkComments: true,
        credentials: encryptSecret(DEMO_FACEBOOK_CREDENTIALS),
      })
      .returning();
    campaignId = fb.id;
  });

  it("turns a Messenger message and a comment on a page post into conversations, once", async () => {
    const dm = await w.sim.postCustomerMessage({ authorName: "Louise Martin", text: "Bonjour, ma carte ne marche plus" });
    const post = await w.sim.postPagePost({ text: "Nos nouveaux horaires" });
    const comment = await w.sim.postCustomerComment({ authorName: "Paul Durand", text: "Et le dimanche ?", objectId: post.id });

    const result = await pollCampaign(campaignId);
    expect(result.sources.map((s) => [s.kind, s.status, s.newConversations])).toEqual([
      ["fb_messenger", "polled", 1],
      ["fb_comments", "polled", 1],
    ]);
    const rows = await w.db.select().from(conversations).where(eq(conversations.campaignId, campaignId)).orderBy(conversations.id);
    expect(rows.map((c) => [c.channel, c.isPrivate, c.authorName, c.status])).toEqual([
      ["messenger", true, "Louise Martin", "waiting"],
      ["comment", false, "Paul Durand", "waiting"],
    ]);
    const ids = await storedIds(campaignId);
    expect(ids.sort()).toEqual([dm.id, comment.id].sort());
    await resetSources();
    expect((await pollCampaign(campaignId)).newMessages).toBe(0);
  });

  it("drains a comment burst larger than the page cap", async () => {
    const post = await w.sim.postPagePost({ text: "Jeu concours" });
    const posted: string[] = [];
    for (let i = 0; i < 230; i++)
      posted.push((await w.sim.postCustomerComment({ authorName: `Fan ${i}`, text: `Je participe ${i}`, objectId: post.id })).id);
    let polls = 0;
    do {
      await resetSources();
      await pollCampaign(campaignId, { pageCap: 2 });
      polls++;
    } while ((await source(campaignId, "fb_comments")).pageToken && polls < 20);
    expect(polls).toBeGreaterThan(1);
    const ids = await storedIds(campaignId);
    expect(posted.filter((id) => !ids.includes(id))).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
    await resetSources();
  });

  it("marks the Messenger source red-worthy when the page token expired, and stores nothing half", async () => {
    await w.sim.injectFault({ endpoint: "facebook-conversations", status: "expired_token" });
    await w.sim.postCustomerMessage({ authorName: "Louise Martin", text: "Vous êtes là ?" });
    const count = (await storedIds(campaignId)).length;
    const result = await pollCampaign(campaignId);
    expect(result.sources.find((s) => s.kind === "fb_messenger")).toMatchObject({ status: "failed", errorKind: "unauthorized" });
    expect((await source(campaignId, "fb_messenger")).lastError).toMatch(/expired/);
    expect((await storedIds(campaignId)).length).toBe(count);
  });
});
