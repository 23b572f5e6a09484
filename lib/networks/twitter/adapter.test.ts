import { afterEach, describe, expect, it } from "vitest";
import { createSimulatorClient } from "@/lib/simulator/client";
import { DEMO_ACCOUNT, DEMO_TWITTER_CREDENTIALS } from "@/lib/simulator/demo";
import { startSimulator, type RunningSimulator, type SimulatorOptions } from "@/lib/simulator/server";
import { NetworkError } from "../types";
import { createTwitterAdapter } from "./adapter";

let sim: RunningSimulator | undefined;

async function setup(searchQuery = "panne", opts: SimulatorOptions = {}, adapterOpts: { maxPages?: number; timeoutMs?: number } = {}) {
  sim = await startSimulator({ port: 0, ...opts });
  const adapter = createTwitterAdapter({
    credentials: { baseUrl: sim.url, ...DEMO_TWITTER_CREDENTIALS },
    searchQuery,
    ownAccountId: DEMO_ACCOUNT.id,
    ...adapterOpts,
  });
  return { adapter, control: createSimulatorClient(sim.url) };
}

afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

async function failure(p: Promise<unknown>): Promise<NetworkError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(NetworkError);
    return e as NetworkError;
  }
  throw new Error("expected a NetworkError");
}

describe("twitter adapter against the simulator", () => {
  it("fetches matching tweets oldest first with a cursor, then nothing new with that cursor", async () => {
    const { adapter, control } = await setup();
    const a = await control.postCustomerTweet({ authorHandle: "alice", authorName: "Alice", text: "Panne de fibre", lang: "fr" });
    await control.postCustomerTweet({ authorHandle: "bob", text: "tout va bien" });
    const c = await control.postCustomerTweet({ authorHandle: "carol", text: "@relais_demo encore une panne", inReplyToId: a.id });

    const first = await adapter.fetchNew(null);
    expect(first.messages.map((m) => m.externalId)).toEqual([a.id, c.id]);
    expect(first.cursor).toBe(c.id);
    expect(first.messages[0]).toMatchObject({
      threadId: a.id,
      text: "Panne de fibre",
      authorId: a.tweet.authorId,
      authorHandle: "alice",
      authorName: "Alice",
      authorLang: "fr",
      isPrivate: false,
    });
    expect(first.messages[0].createdAt).toEqual(new Date(a.tweet.createdAt));
    expect(first.messages[1]).toMatchObject({ threadId: a.id, inReplyToId: a.id });
    expect(first.rateLimit).toMatchObject({ limit: 450, remaining: 449 });
    expect(first.rateLimit?.resetAt.getTime()).toBeGreaterThan(Date.now());

    const second = await adapter.fetchNew(first.cursor);
    expect(second.messages).toEqual([]);
    expect(second.cursor).toBe(first.cursor);

    const d = await control.postCustomerTweet({ authorHandle: "dan", text: "panne chez moi aussi" });
    const third = await adapter.fetchNew(second.cursor);
    expect(third.messages.map((m) => m.externalId)).toEqual([d.id]);
    expect(third.cursor).toBe(d.id);
  });

  it("follows next_token pages and returns every message once, oldest first", async () => {
    const { adapter, control } = await setup("retard");
    const ids: string[] = [];
    for (let i = 0; i < 230; i++) ids.push((await control.postCustomerTweet({ authorHandle: `c${i % 7}`, text: `retard ${i}` })).id);
    const res = await adapter.fetchNew(null);
    expect(res.messages.map((m) => m.externalId)).toEqual(ids);
    expect(res.cursor).toBe(ids[ids.length - 1]);
    expect(res.truncated).toBe(false);
    expect(res.readCount).toBe(230);
  });

  it("caps the pages read per call and says so", async () => {
    const { adapter, control } = await setup("retard", {}, { maxPages: 1 });
    for (let i = 0; i < 101; i++) await control.postCustomerTweet({ authorHandle: "c", text: `retard ${i}` });
    const res = await adapter.fetchNew(null);
    expect(res.messages).toHaveLength(100);
    expect(res.truncated).toBe(true);
  });

  it("does not feed the account's own posts back as inbound messages", async () => {
    const { adapter, control } = await setup();
    const q = await control.postCustomerTweet({ authorHandle: "alice", text: "@relais_demo panne totale" });
    await adapter.reply({ inReplyToId: q.id, text: "Désolés pour la panne, on regarde" });
    const res = await adapter.fetchNew(null);
    expect(res.messages.map((m) => m.externalId)).toEqual([q.id]);
  });

  it("posts a reply that reaches the network exactly once", async () => {
    const { adapter, control } = await setup();
    const q = await control.postCustomerTweet({ authorHandle: "alice", text: "@relais_demo où est mon colis ?" });
    const sent = await adapter.reply({ inReplyToId: q.id, text: "Il arrive demain" });
    const replies = await control.listReplies();
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatchObject({ id: sent.externalId, text: "Il arrive demain", inReplyToId: q.id, authorHandle: "relais_demo" });

    const dup = await failure(adapter.reply({ inReplyToId: q.id, text: "Il arrive demain" }));
    expect(dup.kind).toBe("duplicate");
    expect(dup.status).toBe(403);
    expect(await control.listReplies()).toHaveLength(1);
  });

  it("maps an injected 429 to rate_limited with retryAt from x-rate-limit-reset", async () => {
    const { adapter, control } = await setup();
    await control.injectFault({ endpoint: "search", status: 429, count: 1 });
    const before = Date.now();
    const err = await failure(adapter.fetchNew(null));
    expect(err.kind).toBe("rate_limited");
    expect(err.status).toBe(429);
    expect(err.retryable).toBe(true);
    expect(err.retryAt!.getTime()).toBeGreaterThan(before + 14 * 60_000);
    expect(err.retryAt!.getTime()).toBeLessThanOrEqual(before + 16 * 60_000);
  });

  it("maps 401, 403 and 5xx answers to their kinds", async () => {
    const { adapter, control } = await setup();
    await control.injectFault({ endpoint: "me", status: 401, count: 1 });
    expect((await failure(adapter.verify())).kind).toBe("unauthorized");
    await control.injectFault({ endpoint: "post", status: 500, count: 1 });
    expect((await failure(adapter.reply({ inReplyToId: "1", text: "x" }))).kind).toBe("server");
    const stranger = await control.postCustomerTweet({ authorHandle: "bob", text: "panne" });
    expect((await failure(adapter.reply({ inReplyToId: stranger.id, text: "hello" }))).kind).toBe("forbidden");
    await expect(adapter.fetchNew("not-an-id")).rejects.toMatchObject({ kind: "invalid_request", status: 400 });
  });

  it("maps a simulator that has been stopped to unreachable", async () => {
    const { adapter } = await setup();
    await sim!.close();
    const err = await failure(adapter.fetchNew(null));
    expect(err.kind).toBe("unreachable");
    expect((await failure(adapter.verify())).kind).toBe("unreachable");
  });

  it("maps a request the network never answers to unreachable after the timeout", async () => {
    const { adapter, control } = await setup("panne", {}, { timeoutMs: 300 });
    await control.injectFault({ endpoint: "search", status: "timeout", count: 1 });
    expect((await failure(adapter.fetchNew(null))).kind).toBe("unreachable");
  });

  it("rejects wrong credentials as unauthorized", async () => {
    sim = await startSimulator({ port: 0 });
    const adapter = createTwitterAdapter({
      credentials: { baseUrl: sim.url, ...DEMO_TWITTER_CREDENTIALS, bearerToken: "revoked", accessSecret: "revoked" },
      searchQuery: "panne",
    });
    expect((await failure(adapter.fetchNew(null))).kind).toBe("unauthorized");
    expect((await failure(adapter.verify())).kind).toBe("unauthorized");
  });

  it("verify() returns the demo account", async () => {
    const { adapter } = await setup();
    expect(await adapter.verify()).toEqual({ id: DEMO_ACCOUNT.id, handle: "relais_demo", name: "Relais Demo" });
  });
});

describe("stale cursors", () => {
  it("searches again without since_id when X says the cursor is older than the 7-day window", async () => {
    const { adapter, control } = await setup();
    const a = await control.postCustomerTweet({ authorHandle: "alice", text: "panne" });
    // Tweet id 1 dates from 2010: X answers 400 "since_id must be a tweet id created after ...".
    const res = await adapter.fetchNew("1");
    expect(res.messages.map((m) => m.externalId)).toEqual([a.id]);
    expect(res.cursor).toBe(a.id);
  });
});
