import { afterEach, describe, expect, it } from "vitest";
import { createSimulatorClient } from "@/lib/simulator/client";
import { DEMO_ACCOUNT, DEMO_FACEBOOK_CREDENTIALS, DEMO_FACEBOOK_PAGE, DEMO_TWITTER_CREDENTIALS } from "@/lib/simulator/demo";
import { startSimulator, type RunningSimulator } from "@/lib/simulator/server";
import { createFacebookAdapter } from "./facebook/adapter";
import type { FacebookCredentials } from "./facebook/client";
import { testConnection } from "./test-connection";
import { createTwitterAdapter } from "./twitter/adapter";
import type { TwitterCredentials } from "./twitter/client";

let sim: RunningSimulator | undefined;

afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

async function boot() {
  sim = await startSimulator({ port: 0 });
  return createSimulatorClient(sim.url);
}

const facebook = (overrides: Partial<FacebookCredentials> = {}) =>
  createFacebookAdapter({ credentials: { baseUrl: sim!.url, ...DEMO_FACEBOOK_CREDENTIALS, ...overrides }, timeoutMs: 2_000 });
const twitter = (overrides: Partial<TwitterCredentials> = {}) =>
  createTwitterAdapter({
    credentials: { baseUrl: sim!.url, ...DEMO_TWITTER_CREDENTIALS, ...overrides },
    searchQuery: "x",
    timeoutMs: 2_000,
  });

describe("testConnection with Facebook", () => {
  it("reports the page found with good credentials", async () => {
    await boot();
    expect(await testConnection(facebook())).toEqual({
      ok: true,
      account: { id: DEMO_FACEBOOK_PAGE.id, handle: DEMO_FACEBOOK_PAGE.id, name: "Relais Demo" },
    });
  });

  it("tells an invalid token from an expired one and from a wrong app secret", async () => {
    const control = await boot();
    expect(await testConnection(facebook({ pageAccessToken: "EAAbad" }))).toMatchObject({
      ok: false,
      kind: "unauthorized",
      reason: "token_invalid",
      detail: "Invalid OAuth access token - Cannot parse access token",
    });
    await control.injectFault({ endpoint: "facebook-page", status: "expired_token" });
    expect(await testConnection(facebook())).toMatchObject({ ok: false, kind: "unauthorized", reason: "token_expired" });
    expect(await testConnection(facebook({ appSecret: "wrong" }))).toMatchObject({
      ok: false,
      kind: "unauthorized",
      reason: "app_secret_invalid",
    });
    expect(await testConnection(facebook({ pageId: "555" }))).toMatchObject({ ok: false, kind: "invalid_request", reason: "not_found" });
  });

  it("reports rate limiting with the time to try again", async () => {
    const control = await boot();
    await control.injectFault({ endpoint: "facebook-page", status: 429 });
    const result = await testConnection(facebook());
    expect(result).toMatchObject({ ok: false, kind: "rate_limited", detail: "(#32) Page request limit reached" });
    if (result.ok) throw new Error("unreachable");
    expect(result.retryAt!.getTime()).toBeGreaterThan(Date.now() + 50_000);
  });

  it("reports an unreachable network when the simulator is stopped", async () => {
    await boot();
    const adapter = facebook();
    await sim!.close();
    const result = await testConnection(adapter);
    expect(result).toMatchObject({ ok: false, kind: "unreachable" });
    if (!result.ok) expect(result.message).toContain("network unreachable");
  });
});

describe("testConnection with X", () => {
  it("reports the account found with good credentials", async () => {
    await boot();
    expect(await testConnection(twitter())).toEqual({
      ok: true,
      account: { id: DEMO_ACCOUNT.id, handle: "relais_demo", name: "Relais Demo" },
    });
  });

  it("reports bad credentials as unauthorized and a 429 as rate limited", async () => {
    const control = await boot();
    expect(await testConnection(twitter({ accessSecret: "wrong" }))).toMatchObject({
      ok: false,
      kind: "unauthorized",
      detail: "Unauthorized",
    });
    await control.injectFault({ endpoint: "me", status: 429 });
    expect(await testConnection(twitter())).toMatchObject({ ok: false, kind: "rate_limited", retryAt: expect.any(Date) });
  });

  it("reports an unreachable network when the simulator is stopped", async () => {
    await boot();
    const adapter = twitter();
    await sim!.close();
    expect(await testConnection(adapter)).toMatchObject({ ok: false, kind: "unreachable" });
  });
});

describe("testConnection's own deadline", () => {
  it("gives up after timeoutMs even if the adapter would wait longer", async () => {
    const control = await boot();
    await control.injectFault({ endpoint: "facebook-page", status: "timeout" });
    const slow = createFacebookAdapter({ credentials: { baseUrl: sim!.url, ...DEMO_FACEBOOK_CREDENTIALS }, timeoutMs: 10_000 });
    const started = Date.now();
    expect(await testConnection(slow, { timeoutMs: 200 })).toMatchObject({ ok: false, kind: "unreachable" });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("reports a programming error as server rather than throwing", async () => {
    expect(await testConnection({ verify: () => Promise.reject(new TypeError("boom")) })).toEqual({
      ok: false,
      kind: "server",
      message: "boom",
    });
  });
});
