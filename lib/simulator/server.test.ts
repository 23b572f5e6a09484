import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ApiResponseError } from "twitter-api-v2";
import { createTwitterClients } from "../networks/twitter/client";
import { createSimulatorClient } from "./client";
import { DEMO_ACCOUNT, DEMO_TWITTER_CREDENTIALS } from "./demo";
import { startSimulator, type RunningSimulator, type SimulatorOptions } from "./server";

let sim: RunningSimulator;

async function boot(opts: SimulatorOptions = {}) {
  sim = await startSimulator({ port: 0, ...opts });
  return createSimulatorClient(sim.url);
}

afterEach(async () => {
  await sim?.close();
});

async function search(params: Record<string, string>, token = DEMO_TWITTER_CREDENTIALS.bearerToken) {
  const res = await fetch(`${sim.url}/2/tweets/search/recent?${new URLSearchParams(params)}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- X response bodies, probed field by field
  return { status: res.status, headers: res.headers, body: (await res.json()) as Record<string, any> };
}

function userClient(overrides: Partial<typeof DEMO_TWITTER_CREDENTIALS> = {}) {
  return createTwitterClients({ baseUrl: sim.url, ...DEMO_TWITTER_CREDENTIALS, ...overrides }).user;
}

async function expectApiError(p: Promise<unknown>): Promise<ApiResponseError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ApiResponseError) return e;
    throw e;
  }
  throw new Error("expected the call to fail");
}

describe("GET /2/tweets/search/recent", () => {
  beforeEach(async () => {
    await boot();
  });

  it("returns only meta, with no data key, when nothing matches", async () => {
    const res = await search({ query: "introuvable" });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ meta: { result_count: 0 } });
    expect("data" in res.body).toBe(false);
  });

  it("returns matches newest first with includes.users and meta", async () => {
    const control = createSimulatorClient(sim.url);
    const a = await control.postCustomerTweet({ authorHandle: "alice", authorName: "Alice A.", text: "Ma box est en panne" });
    await control.postCustomerTweet({ authorHandle: "bob", text: "Rien à voir" });
    const c = await control.postCustomerTweet({ authorHandle: "carol", text: "PANNE encore", lang: "fr" });
    const res = await search({
      query: "panne",
      expansions: "author_id",
      "user.fields": "username,name",
      "tweet.fields": "created_at,lang,conversation_id",
    });
    expect(res.body.data.map((t: { id: string }) => t.id)).toEqual([c.id, a.id]);
    expect(res.body.data[1]).toMatchObject({ text: "Ma box est en panne", conversation_id: a.id, author_id: a.tweet.authorId });
    expect(res.body.includes.users).toContainEqual({ id: a.tweet.authorId, name: "Alice A.", username: "alice" });
    expect(res.body.meta).toEqual({ newest_id: c.id, oldest_id: a.id, result_count: 2 });
  });

  it("only returns tweets newer than since_id", async () => {
    const control = createSimulatorClient(sim.url);
    const first = await control.postCustomerTweet({ authorHandle: "alice", text: "colis perdu 1" });
    const second = await control.postCustomerTweet({ authorHandle: "alice", text: "colis perdu 2" });
    const res = await search({ query: "colis", since_id: first.id });
    expect(res.body.data.map((t: { id: string }) => t.id)).toEqual([second.id]);
    const none = await search({ query: "colis", since_id: second.id });
    expect(none.body).toEqual({ meta: { result_count: 0 } });
  });

  it("pages with next_token until the last page, which has none", async () => {
    const control = createSimulatorClient(sim.url);
    const ids: string[] = [];
    for (let i = 0; i < 25; i++) ids.push((await control.postCustomerTweet({ authorHandle: `user${i}`, text: `retard numéro ${i}` })).id);
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const res = await search({ query: "retard", max_results: "10", ...(token ? { next_token: token } : {}) });
      pages++;
      seen.push(...res.body.data.map((t: { id: string }) => t.id));
      token = res.body.meta.next_token;
    } while (token);
    expect(pages).toBe(3);
    expect(seen).toEqual([...ids].reverse());
  });

  it("rejects max_results outside 10-100 with X's 400 body", async () => {
    const res = await search({ query: "panne", max_results: "5" });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      errors: [{ parameters: { max_results: ["5"] }, message: "The `max_results` query parameter value [5] is not between 10 and 100" }],
      title: "Invalid Request",
      detail: "One or more parameters to your request was invalid.",
      type: "https://api.twitter.com/2/problems/invalid-request",
    });
    expect((await search({ query: "panne", max_results: "101" })).status).toBe(400);
  });

  it("rejects an invalid query with a 400 naming the problem", async () => {
    const res = await search({ query: "(panne" });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].message).toContain('Missing ")"');
  });

  it("answers 401 with X's body on a bad or missing token", async () => {
    const bad = await search({ query: "panne" }, "wrong-token");
    expect(bad.status).toBe(401);
    expect(bad.body).toEqual({ title: "Unauthorized", type: "about:blank", status: 401, detail: "Unauthorized" });
    const missing = await fetch(`${sim.url}/2/tweets/search/recent?query=panne`);
    expect(missing.status).toBe(401);
  });
});

describe("rate limits", () => {
  it("sends x-rate-limit headers on every response and 429s past the limit", async () => {
    await boot({ rateLimits: { search: { limit: 3 } } });
    const before = Math.floor(Date.now() / 1000);
    for (const remaining of [2, 1, 0]) {
      const res = await search({ query: "panne" });
      expect(res.status).toBe(200);
      expect(res.headers.get("x-rate-limit-limit")).toBe("3");
      expect(res.headers.get("x-rate-limit-remaining")).toBe(String(remaining));
      const reset = Number(res.headers.get("x-rate-limit-reset"));
      expect(reset).toBeGreaterThanOrEqual(before + 899);
      expect(reset).toBeLessThanOrEqual(before + 901);
    }
    const limited = await search({ query: "panne" });
    expect(limited.status).toBe(429);
    expect(limited.body).toEqual({ title: "Too Many Requests", type: "about:blank", status: 429, detail: "Too Many Requests" });
    expect(limited.headers.get("x-rate-limit-remaining")).toBe("0");
  });

  it("injects faults for the next N calls only", async () => {
    const control = await boot();
    await control.injectFault({ endpoint: "search", status: 503, count: 2 });
    expect((await search({ query: "panne" })).status).toBe(503);
    const second = await search({ query: "panne" });
    expect(second.body).toEqual({ title: "Service Unavailable", type: "about:blank", status: 503, detail: "Service Unavailable" });
    expect((await search({ query: "panne" })).status).toBe(200);
  });
});

describe("POST /2/tweets and GET /2/users/me", () => {
  it("posts as the app's account with OAuth 1.0a and records the reply once", async () => {
    const control = await boot();
    const customer = await control.postCustomerTweet({ authorHandle: "alice", text: "@relais_demo ma commande ?" });
    const res = await userClient().v2.post(
      "tweets",
      { text: "Nous regardons", reply: { in_reply_to_tweet_id: customer.id } },
      { fullResponse: true },
    );
    expect(res.data.data).toMatchObject({ text: "Nous regardons" });
    expect(res.headers["x-rate-limit-limit"]).toBe("100");
    const replies = await control.listReplies();
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatchObject({ id: res.data.data.id, inReplyToId: customer.id, authorHandle: "relais_demo", fromApp: true });
    expect(replies[0].conversationId).toBe(customer.id);
  });

  it("refuses duplicate content from the same account with X's 403 body", async () => {
    await boot();
    await userClient().v2.post("tweets", { text: "Bonjour à tous" });
    const err = await expectApiError(userClient().v2.post("tweets", { text: "Bonjour à tous" }));
    expect(err.code).toBe(403);
    expect(err.data).toEqual({
      detail: "You are not allowed to create a Tweet with duplicate content.",
      type: "about:blank",
      title: "Forbidden",
      status: 403,
    });
  });

  it("refuses a Bearer token on user-context endpoints with 403 Unsupported Authentication", async () => {
    await boot();
    for (const [method, path] of [
      ["POST", "/2/tweets"],
      ["GET", "/2/users/me"],
    ]) {
      const res = await fetch(`${sim.url}${path}`, {
        method,
        headers: { authorization: "Bearer sim-demo-bearer", "content-type": "application/json" },
        body: method === "POST" ? JSON.stringify({ text: "hi" }) : undefined,
      });
      expect(res.status).toBe(403);
      expect(await res.json()).toMatchObject({ title: "Unsupported Authentication", status: 403 });
    }
  });

  it("rejects a bad OAuth 1.0a signature or unknown token with 401", async () => {
    await boot();
    for (const bad of [{ apiSecret: "wrong" }, { accessSecret: "wrong" }, { accessToken: "unknown" }]) {
      const err = await expectApiError(userClient(bad).v2.post("tweets", { text: "hello" }));
      expect(err.code).toBe(401);
      expect(err.data).toEqual({ title: "Unauthorized", type: "about:blank", status: 401, detail: "Unauthorized" });
    }
  });

  it("enforces X's reply policy: no public reply to a post that does not engage the account", async () => {
    const control = await boot();
    const stranger = await control.postCustomerTweet({ authorHandle: "bob", text: "le réseau est en panne" });
    const err = await expectApiError(userClient().v2.post("tweets", { text: "Désolé", reply: { in_reply_to_tweet_id: stranger.id } }));
    expect(err.code).toBe(403);
    expect((err.data as { detail: string }).detail).toContain("not allowed because you have not been mentioned");
    expect(await control.listReplies()).toEqual([]);
  });

  it("verifies OAuth 1.0a signatures over query strings with spaces, quotes and operators", async () => {
    const control = await boot();
    const t = await control.postCustomerTweet({ authorHandle: "alice", text: "Le service client* (agence) ne répond pas", lang: "fr" });
    const res = await userClient().v2.get(
      "tweets/search/recent",
      { query: '"service client" (agence OR boutique) lang:fr -from:bob', "tweet.fields": "lang" },
      { fullResponse: true },
    );
    expect(res.data.data).toEqual([{ id: t.id, text: t.tweet.text, edit_history_tweet_ids: [t.id], lang: "fr" }]);
    // User-context search is limited per user (300/15 min), not per app.
    expect(res.headers["x-rate-limit-limit"]).toBe("300");
  });

  it("returns the app's account on /2/users/me", async () => {
    await boot();
    const me = await userClient().v2.get("users/me");
    expect(me).toEqual({ data: { id: DEMO_ACCOUNT.id, name: "Relais Demo", username: "relais_demo" } });
  });
});

describe("control API", () => {
  it("lists every tweet newest first, resets, and validates input", async () => {
    const control = await boot();
    const a = await control.postCustomerTweet({ authorHandle: "alice", text: "un" });
    const b = await control.postCustomerTweet({ authorHandle: "bob", text: "deux", inReplyToId: a.id });
    const tweets = await control.listTweets();
    expect(tweets.map((t) => t.id)).toEqual([b.id, a.id]);
    expect(tweets[0]).toMatchObject({ inReplyToId: a.id, fromApp: false, authorHandle: "bob" });
    await expect(control.postCustomerTweet({ authorHandle: "not a handle", text: "x" })).rejects.toMatchObject({ status: 400 });
    await expect(control.postCustomerTweet({ authorHandle: "relais_demo", text: "x" })).rejects.toMatchObject({ status: 400 });
    await control.reset();
    expect(await control.listTweets()).toEqual([]);
    expect(await control.health()).toEqual({ ok: true });
  });

  it("generates traffic at the requested rate", async () => {
    const control = await boot();
    const run = await control.startTraffic({ perMinute: 6000, durationSeconds: 1, keyword: "Relais" });
    expect(run.total).toBe(100);
    await new Promise((r) => setTimeout(r, 300));
    const posted = (await control.listTweets()).length;
    expect(posted).toBeGreaterThan(5);
    const res = await search({ query: "relais", max_results: "10" });
    expect(res.body.meta.result_count).toBe(10);
    await control.stopTraffic();
  });
});
