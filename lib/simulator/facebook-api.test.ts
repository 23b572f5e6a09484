import { createHmac } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { createSimulatorClient } from "./client";
import { DEMO_FACEBOOK_CREDENTIALS, DEMO_FACEBOOK_PAGE } from "./demo";
import { pacificTime } from "./graph-errors";
import { startSimulator, type RunningSimulator, type SimulatorOptions } from "./server";

let sim: RunningSimulator;
const TOKEN = DEMO_FACEBOOK_CREDENTIALS.pageAccessToken;
const PAGE = DEMO_FACEBOOK_PAGE.id;

async function boot(opts: SimulatorOptions = {}) {
  sim = await startSimulator({ port: 0, ...opts });
  return createSimulatorClient(sim.url);
}

afterEach(async () => {
  await sim?.close();
});

async function graph(path: string, params: Record<string, string> = {}, init: RequestInit = {}) {
  const res = await fetch(`${sim.url}/v26.0/${path}?${new URLSearchParams(params)}`, init);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Graph bodies, probed field by field
  return { status: res.status, headers: res.headers, body: (await res.json()) as Record<string, any> };
}

const page = (token = TOKEN, extra: Record<string, string> = {}) => graph(PAGE, { fields: "id,name", access_token: token, ...extra });
const usageOf = (headers: Headers) => ({
  app: JSON.parse(headers.get("x-app-usage") ?? "null"),
  business: JSON.parse(headers.get("x-business-use-case-usage") ?? "null")?.[PAGE]?.[0],
});

describe("GET /v26.0/{page-id}", () => {
  it("returns the page with a good token, in the query or as a Bearer header", async () => {
    await boot();
    const res = await page();
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id: PAGE, name: "Relais Demo" });
    expect(res.headers.get("facebook-api-version")).toBe("v26.0");
    const bearer = await graph(PAGE, { fields: "id,name" }, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(bearer.body).toEqual({ id: PAGE, name: "Relais Demo" });
    expect((await graph("me", { access_token: TOKEN })).body).toEqual({ id: PAGE, name: "Relais Demo" });
  });

  it("answers 190 with Graph's body for a token it cannot parse, and 104 without a token", async () => {
    await boot();
    const bad = await page("not-a-token");
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual({
      error: {
        message: "Invalid OAuth access token - Cannot parse access token",
        type: "OAuthException",
        code: 190,
        fbtrace_id: expect.any(String),
      },
    });
    expect(bad.headers.get("x-fb-trace-id")).toBe(bad.body.error.fbtrace_id);
    const none = await graph(PAGE, { fields: "id,name" });
    expect(none.body.error).toMatchObject({ code: 104, message: "An access token is required to request this resource." });
  });

  it("answers 190/463 with the session-expired message for an expired token", async () => {
    const control = await boot();
    const { token, expiresAt } = await control.issueFacebookToken({ expiresInSeconds: -3600 });
    const res = await page(token);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ type: "OAuthException", code: 190, error_subcode: 463 });
    expect(res.body.error.message).toMatch(
      /^Error validating access token: Session has expired on \w+day, \d\d-\w{3}-\d\d \d\d:\d\d:\d\d P[DS]T\. The current time is \w+day, .+ P[DS]T\.$/,
    );
    expect(res.body.error.message).toContain(pacificTime(new Date(expiresAt!)));
    const fresh = await control.issueFacebookToken({ expiresInSeconds: 3600 });
    expect((await page(fresh.token)).status).toBe(200);
  });

  it("answers 100/33 for an unknown page or a page the token does not manage", async () => {
    await boot();
    const res = await graph("123456789", { fields: "id,name", access_token: TOKEN });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ type: "GraphMethodException", code: 100, error_subcode: 33 });
    expect(res.body.error.message).toMatch(
      /^Unsupported get request\. Object with ID '123456789' does not exist, cannot be loaded due to missing permissions, or does not support this operation/,
    );
    const field = await graph(PAGE, { fields: "id,secret", access_token: TOKEN });
    expect(field.body.error).toMatchObject({ code: 100, message: "(#100) Tried accessing nonexisting field (secret) on node type (Page)" });
  });

  it("checks appsecret_proof when one is sent", async () => {
    await boot();
    const good = createHmac("sha256", DEMO_FACEBOOK_CREDENTIALS.appSecret).update(TOKEN).digest("hex");
    expect((await page(TOKEN, { appsecret_proof: good })).status).toBe(200);
    const wrong = await page(TOKEN, { appsecret_proof: createHmac("sha256", "other").update(TOKEN).digest("hex") });
    expect(wrong.body.error).toMatchObject({ code: 100, message: "Invalid appsecret_proof provided in the API argument" });
  });

  it("refuses other API versions and unknown paths with Graph's errors", async () => {
    await boot();
    const old = await fetch(`${sim.url}/v19.0/${PAGE}?access_token=${TOKEN}`);
    expect(old.status).toBe(400);
    expect((await old.json()).error).toMatchObject({ code: 2635 });
    expect((await graph(`${PAGE}/nope`, { access_token: TOKEN })).body.error).toMatchObject({
      code: 2500,
      message: "Unknown path components: /nope",
    });
  });
});

describe("Facebook usage headers and throttling", () => {
  it("reports the app's and the page's usage as percentages on every metered answer", async () => {
    await boot({ facebookLimits: { appCallsPerHour: 4 } });
    const seen: number[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await page();
      expect(res.status).toBe(200);
      const usage = usageOf(res.headers);
      expect(usage.app).toEqual({ call_count: expect.any(Number), total_time: expect.any(Number), total_cputime: expect.any(Number) });
      expect(usage.business).toMatchObject({ type: "pages", call_count: 0, estimated_time_to_regain_access: 0 });
      seen.push(usage.app.call_count);
    }
    expect(seen).toEqual([25, 50, 75, 100]);
    // Errors after a good token are metered too, and still carry the headers.
    const unknown = await graph("42", { access_token: TOKEN });
    expect(unknown.status).toBe(403);
    expect(unknown.body.error).toMatchObject({ code: 4, message: "(#4) Application request limit reached", is_transient: true });
    expect(usageOf(unknown.headers).app.call_count).toBe(125);
  });

  it("throttles a page past its 24-hour business limit with 80001 and the time to regain access", async () => {
    await boot({ facebookLimits: { pageCallsPerDay: 2 } });
    await page();
    await page();
    const res = await page();
    expect(res.status).toBe(403);
    expect(res.body.error).toMatchObject({ code: 80001, is_transient: true });
    const usage = usageOf(res.headers).business;
    expect(usage.call_count).toBe(150);
    // The oldest calls leave the rolling 24-hour window in about a day.
    expect(usage.estimated_time_to_regain_access).toBeGreaterThanOrEqual(24 * 60);
    expect(usage.estimated_time_to_regain_access).toBeLessThanOrEqual(24 * 60 + 16);
  });

  it("injects throttling (32), server errors, invalid and expired tokens for the next N calls", async () => {
    const control = await boot();
    await control.injectFault({ endpoint: "facebook-page", status: 429, count: 1 });
    const throttled = await page();
    expect(throttled.status).toBe(403);
    expect(throttled.body.error).toMatchObject({ code: 32, message: "(#32) Page request limit reached" });
    expect(usageOf(throttled.headers).business).toMatchObject({ call_count: 100, estimated_time_to_regain_access: 1 });

    await control.injectFault({ endpoint: "facebook-page", status: "expired_token", count: 2 });
    for (let i = 0; i < 2; i++) expect((await page()).body.error).toMatchObject({ code: 190, error_subcode: 463 });

    await control.injectFault({ endpoint: "facebook-page", status: 401 });
    await control.injectFault({ endpoint: "facebook-page", status: 500 });
    await control.injectFault({ endpoint: "facebook-page", status: 503 });
    expect((await page()).body.error).toMatchObject({ code: 190, message: "Invalid OAuth access token - Cannot parse access token" });
    const unknown = await page();
    expect(unknown.status).toBe(500);
    expect(unknown.body.error).toMatchObject({ code: 1, message: "An unknown error has occurred.", is_transient: true });
    expect((await page()).body.error).toMatchObject({ code: 2, message: "(#2) Service temporarily unavailable" });
    expect((await page()).status).toBe(200);
  });

  it("holds the request on an injected timeout, and refuses an expired-token fault on X endpoints", async () => {
    const control = await boot();
    await control.injectFault({ endpoint: "facebook-page", status: "timeout" });
    await expect(fetch(`${sim.url}/v26.0/${PAGE}?access_token=${TOKEN}`, { signal: AbortSignal.timeout(200) })).rejects.toThrow();
    await expect(control.injectFault({ endpoint: "search", status: "expired_token" })).rejects.toMatchObject({ status: 400 });
    expect(await control.listFaults()).toEqual([]);
  });
});
