import { afterEach, describe, expect, it } from "vitest";
import { createSimulatorClient } from "@/lib/simulator/client";
import { DEMO_ACCOUNT, DEMO_TWITTER_CREDENTIALS } from "@/lib/simulator/demo";
import { startSimulator, type RunningSimulator } from "@/lib/simulator/server";
import { NetworkError, type SourcePosition } from "../types";
import { createTwitterAdapter } from "./adapter";

// The X read side, source by source, against the simulator's real bodies and paging.

let sim: RunningSimulator | undefined;
const start: SourcePosition = { cursor: null, pageToken: null, pendingCursor: null };

async function setup(ownAccountId: string | undefined = DEMO_ACCOUNT.id) {
  sim = await startSimulator({ port: 0, rateLimits: { dmRead: { limit: 1000 } } });
  const adapter = createTwitterAdapter({
    credentials: { baseUrl: sim.url, ...DEMO_TWITTER_CREDENTIALS },
    searchQuery: "panne",
    ownAccountId,
  });
  return { adapter, control: createSimulatorClient(sim.url) };
}

afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

describe("X sources", () => {
  it("lists search, mentions and DMs, search only with a query", async () => {
    const { adapter } = await setup();
    expect(adapter.sources()).toEqual(["x_search", "x_mentions", "x_dms"]);
    const none = createTwitterAdapter({ credentials: { baseUrl: sim!.url, ...DEMO_TWITTER_CREDENTIALS }, searchQuery: " " });
    expect(none.sources()).toEqual(["x_mentions", "x_dms"]);
  });

  it("drains a search burst page by page and moves the cursor only once caught up", async () => {
    const { adapter, control } = await setup();
    const { ids } = await control.postCustomerTweets(
      Array.from({ length: 230 }, (_, i) => ({ authorHandle: `c${i % 9}`, text: `panne ${i}` })),
    );
    const seen: string[] = [];
    let position = start;
    const steps: boolean[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await adapter.fetchSource("x_search", position, { pageCap: 1 });
      seen.push(...r.messages.map((m) => m.externalId));
      steps.push(r.caughtUp);
      expect(r.calls).toBe(1);
      if (!r.caughtUp) {
        expect(r.position.cursor).toBeNull();
        expect(r.position.pendingCursor).toBe(ids.at(-1));
      }
      position = r.position;
      if (r.caughtUp) break;
    }
    expect(steps).toEqual([false, false, true]);
    expect(position).toEqual({ cursor: ids.at(-1), pageToken: null, pendingCursor: null });
    expect(new Set(seen).size).toBe(230);
    expect(seen.sort()).toEqual([...ids].sort());
    // Caught up: nothing new, nothing read again.
    const again = await adapter.fetchSource("x_search", position, { pageCap: 10 });
    expect(again).toMatchObject({ messages: [], caughtUp: true, reads: { posts: 0, users: 0, dmEvents: 0 } });
  });

  it("reads mentions with the author's followers, and learns the account from users/me when not configured", async () => {
    const { control } = await setup();
    const adapter = createTwitterAdapter({ credentials: { baseUrl: sim!.url, ...DEMO_TWITTER_CREDENTIALS }, searchQuery: "panne" });
    const t = await control.postCustomerTweet({ authorHandle: "zoe", authorName: "Zoé", text: "@relais_demo bonjour", followers: 42 });
    await control.postCustomerTweet({ authorHandle: "zoe", text: "rien à voir" });
    const r = await adapter.fetchSource("x_mentions", start, { pageCap: 10 });
    expect(r.messages).toHaveLength(1);
    expect(r.messages[0]).toMatchObject({
      externalId: t.id,
      sourceKind: "x_mentions",
      channel: "mention",
      mentionsAccount: true,
      authorFollowers: 42,
      authorHandle: "zoe",
      isPrivate: false,
    });
    expect(r.reads).toEqual({ posts: 1, users: 1, dmEvents: 0 });
    expect(r.position.cursor).toBe(t.id);
  });

  it("flags a keyword hit that names the account, and not one that does not", async () => {
    const { adapter, control } = await setup();
    const named = await control.postCustomerTweet({ authorHandle: "max", text: "panne chez @relais_demo" });
    const plain = await control.postCustomerTweet({ authorHandle: "max", text: "panne ailleurs" });
    const r = await adapter.fetchSource("x_search", start, { pageCap: 1 });
    const byId = new Map(r.messages.map((m) => [m.externalId, m]));
    expect(byId.get(named.id)).toMatchObject({ mentionsAccount: true, channel: "keyword" });
    expect(byId.get(plain.id)).toMatchObject({ mentionsAccount: false });
  });

  it("reads DM events newest first down to the cursor, without the account's own messages", async () => {
    const { adapter, control } = await setup();
    const first = await control.postCustomerDm({ authorHandle: "lea", authorName: "Léa", text: "un" });
    const r1 = await adapter.fetchSource("x_dms", start, { pageCap: 10 });
    expect(r1.messages.map((m) => m.externalId)).toEqual([first.id]);
    expect(r1.messages[0]).toMatchObject({ channel: "dm", isPrivate: true, threadId: first.dm.conversationId, authorName: "Léa" });
    expect(r1.position.cursor).toBe(first.id);
    const second = await control.postCustomerDm({ authorHandle: "lea", text: "deux" });
    const r2 = await adapter.fetchSource("x_dms", r1.position, { pageCap: 10 });
    expect(r2.messages.map((m) => m.externalId)).toEqual([second.id]);
    expect(r2.reads.dmEvents).toBe(1);
  });

  it("fails with a malformed error on a cut body, and a rate-limit error with the reset on a 429", async () => {
    const { adapter, control } = await setup();
    await control.injectFault({ endpoint: "search", status: "malformed" });
    const bad = await adapter.fetchSource("x_search", start, { pageCap: 1 }).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(NetworkError);
    expect((bad as NetworkError).kind).toBe("malformed");
    await control.injectFault({ endpoint: "mentions", status: 429 });
    const limited = (await adapter.fetchSource("x_mentions", start, { pageCap: 1 }).catch((e: unknown) => e)) as NetworkError;
    expect(limited.kind).toBe("rate_limited");
    expect(limited.retryAt!.getTime()).toBeGreaterThan(Date.now() + 60_000);
  });
});
