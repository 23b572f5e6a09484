import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createSimulatorClient } from "@/lib/simulator/client";
import { DEMO_FACEBOOK_CREDENTIALS, DEMO_FACEBOOK_PAGE } from "@/lib/simulator/demo";
import { startSimulator, type RunningSimulator, type SimulatorOptions } from "@/lib/simulator/server";
import { NetworkError } from "../types";
import { createFacebookAdapter } from "./adapter";
import { createGraphClient, highestUsage, type FacebookCredentials } from "./client";
import { graphFailure } from "./errors";

let sim: RunningSimulator | undefined;
let raw: http.Server | undefined;

afterEach(async () => {
  await sim?.close();
  sim = undefined;
  if (raw) await new Promise((r) => raw!.close(r));
  raw = undefined;
});

async function setup(opts: SimulatorOptions = {}, overrides: Partial<FacebookCredentials> = {}, timeoutMs?: number) {
  sim = await startSimulator({ port: 0, ...opts });
  const adapter = createFacebookAdapter({ credentials: { baseUrl: sim.url, ...DEMO_FACEBOOK_CREDENTIALS, ...overrides }, timeoutMs });
  return { adapter, control: createSimulatorClient(sim.url) };
}

async function failure(p: Promise<unknown>): Promise<NetworkError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(NetworkError);
    return e as NetworkError;
  }
  throw new Error("expected a NetworkError");
}

const noUsage = { business: [] };

describe("Graph error bodies → NetworkError kinds", () => {
  const cases: Array<[number, number, number | undefined, string, string, string | undefined]> = [
    [400, 190, undefined, "Invalid OAuth access token - Cannot parse access token", "unauthorized", "token_invalid"],
    [
      400,
      190,
      463,
      "Error validating access token: Session has expired on Tuesday, 10-Jun-25 03:00:00 PDT.",
      "unauthorized",
      "token_expired",
    ],
    [
      400,
      190,
      460,
      "Error validating access token: The session has been invalidated because the user changed their password",
      "unauthorized",
      "token_invalid",
    ],
    [400, 100, undefined, "Invalid appsecret_proof provided in the API argument", "unauthorized", "app_secret_invalid"],
    [400, 100, 33, "Unsupported get request. Object with ID '1' does not exist", "invalid_request", "not_found"],
    [400, 100, undefined, "(#100) Tried accessing nonexisting field (x) on node type (Page)", "invalid_request", undefined],
    [403, 10, undefined, "(#10) Requires pages_messaging permission to manage the object", "forbidden", undefined],
    [403, 200, undefined, "(#200) Permissions error", "forbidden", undefined],
    [403, 4, undefined, "(#4) Application request limit reached", "rate_limited", undefined],
    [403, 17, undefined, "(#17) User request limit reached", "rate_limited", undefined],
    [403, 32, undefined, "(#32) Page request limit reached", "rate_limited", undefined],
    [403, 613, undefined, "(#613) Calls to this api have exceeded the rate limit.", "rate_limited", undefined],
    [403, 80001, undefined, "(#80001) There have been too many calls to this Page account.", "rate_limited", undefined],
    [403, 80006, undefined, "(#80006) There have been too many messages sent to this Messenger account.", "rate_limited", undefined],
    [500, 1, undefined, "An unknown error has occurred.", "server", undefined],
    [503, 2, undefined, "(#2) Service temporarily unavailable", "server", undefined],
  ];
  it.each(cases)("HTTP %i code %i/%s → %s", (status, code, subcode, message, kind, reason) => {
    const err = graphFailure(status, { message, type: "OAuthException", code, error_subcode: subcode }, noUsage, "test");
    expect(err.kind).toBe(kind);
    expect(err.reason).toBe(reason);
    expect(err.status).toBe(status);
    expect(err.detail).toBe(message);
  });

  it("takes retryAt from estimated_time_to_regain_access, with a prudent default without one", () => {
    const now = Date.now();
    const usage = {
      business: [{ objectId: "1", type: "pages", callCount: 100, totalTime: 10, totalCputime: 10, estimatedTimeToRegainAccess: 7 }],
    };
    const estimated = graphFailure(403, { code: 80001, message: "x" }, usage, "test");
    expect(estimated.retryAt!.getTime() - now).toBeGreaterThanOrEqual(7 * 60_000 - 50);
    expect(estimated.retryAt!.getTime() - now).toBeLessThan(7 * 60_000 + 1_000);
    const app = graphFailure(403, { code: 4, message: "x" }, noUsage, "test");
    expect(Math.round((app.retryAt!.getTime() - now) / 60_000)).toBe(5);
    const perSecond = graphFailure(403, { code: 613, message: "x" }, noUsage, "test");
    expect(Math.round((perSecond.retryAt!.getTime() - now) / 60_000)).toBe(1);
    expect(highestUsage(usage)).toBe(100);
  });

  it("maps a body that is not Graph's (a proxy's HTML page) by its HTTP status", async () => {
    raw = http.createServer((_req, res) => {
      res.writeHead(502, { "content-type": "text/html" });
      res.end("<html>Bad gateway</html>");
    });
    await new Promise<void>((r) => raw!.listen(0, "127.0.0.1", r));
    const url = `http://127.0.0.1:${(raw.address() as AddressInfo).port}`;
    const graph = createGraphClient({ baseUrl: url, ...DEMO_FACEBOOK_CREDENTIALS });
    const err = await failure(graph.get("me"));
    expect(err.kind).toBe("server");
    expect(err.status).toBe(502);
  });
});

describe("facebook client against the simulator", () => {
  it("reads the page with the v26.0 prefix, the token and appsecret_proof, and reports usage", async () => {
    const { adapter } = await setup({ facebookLimits: { appCallsPerHour: 10 } });
    expect(await adapter.verify()).toEqual({ id: DEMO_FACEBOOK_PAGE.id, handle: DEMO_FACEBOOK_PAGE.id, name: "Relais Demo" });
    const res = await adapter.graph.get<{ id: string }>("me", { fields: "id" });
    expect(res.data).toEqual({ id: DEMO_FACEBOOK_PAGE.id });
    expect(res.usage.app).toEqual({ callCount: 20, totalTime: 20, totalCputime: 20 });
    expect(res.usage.business[0]).toMatchObject({ objectId: DEMO_FACEBOOK_PAGE.id, type: "pages", estimatedTimeToRegainAccess: 0 });
  });

  it("always calls v26.0, even with a base URL pasted with another version", async () => {
    await setup();
    const graph = createGraphClient({ baseUrl: `${sim!.url}/v19.0/`, ...DEMO_FACEBOOK_CREDENTIALS });
    expect((await graph.get("me", { fields: "id" })).data).toEqual({ id: DEMO_FACEBOOK_PAGE.id });
  });

  it("maps invalid and expired tokens to unauthorized, telling which", async () => {
    const { control } = await setup();
    const bad = createFacebookAdapter({ credentials: { baseUrl: sim!.url, ...DEMO_FACEBOOK_CREDENTIALS, pageAccessToken: "EAAwrong" } });
    const invalid = await failure(bad.verify());
    expect(invalid).toMatchObject({ kind: "unauthorized", reason: "token_invalid", status: 400 });
    expect(invalid.message).toContain("the page access token is invalid");
    expect(invalid.detail).toBe("Invalid OAuth access token - Cannot parse access token");

    const { token } = await control.issueFacebookToken({ expiresInSeconds: -60 });
    const old = createFacebookAdapter({ credentials: { baseUrl: sim!.url, ...DEMO_FACEBOOK_CREDENTIALS, pageAccessToken: token } });
    const expired = await failure(old.verify());
    expect(expired).toMatchObject({ kind: "unauthorized", reason: "token_expired" });
    expect(expired.message).toContain("has expired");
    expect(expired.retryable).toBe(false);
  });

  it("maps a wrong app secret, an unknown page, throttling and server errors", async () => {
    const { adapter, control } = await setup({ facebookLimits: { pageCallsPerDay: 3 } });
    const wrongSecret = createFacebookAdapter({ credentials: { baseUrl: sim!.url, ...DEMO_FACEBOOK_CREDENTIALS, appSecret: "wrong" } });
    expect(await failure(wrongSecret.verify())).toMatchObject({ kind: "unauthorized", reason: "app_secret_invalid" });
    const otherPage = createFacebookAdapter({ credentials: { baseUrl: sim!.url, ...DEMO_FACEBOOK_CREDENTIALS, pageId: "999" } });
    expect(await failure(otherPage.verify())).toMatchObject({ kind: "invalid_request", reason: "not_found" });

    await control.injectFault({ endpoint: "facebook-page", status: 503 });
    const down = await failure(adapter.verify());
    expect(down).toMatchObject({ kind: "server", status: 503 });
    expect(down.retryable).toBe(true);

    expect(await adapter.verify()).toMatchObject({ name: "Relais Demo" });
    // A token the Graph cannot read is not metered; the three other calls used the page's daily
    // allowance, so the next one is refused for about a day.
    const before = Date.now();
    const limited = await failure(adapter.verify());
    expect(limited).toMatchObject({ kind: "rate_limited", detail: expect.stringContaining("(#80001)") });
    expect(limited.retryAt!.getTime()).toBeGreaterThanOrEqual(before + 24 * 3_600_000);
  });

  it("maps a stopped simulator and a request never answered to unreachable", async () => {
    const { adapter, control } = await setup({}, {}, 300);
    await control.injectFault({ endpoint: "facebook-page", status: "timeout" });
    const timedOut = await failure(adapter.verify());
    expect(timedOut.kind).toBe("unreachable");
    expect(timedOut.message).toContain("no answer within 300 ms");
    await sim!.close();
    const stopped = await failure(adapter.verify());
    expect(stopped.kind).toBe("unreachable");
    expect(stopped.message).toContain("ECONNREFUSED");
  });

  it("says clearly that replies are not there yet", async () => {
    const { adapter } = await setup();
    await expect(adapter.reply({ inReplyToId: "1", text: "x" })).rejects.toMatchObject({
      kind: "server",
      message: expect.stringContaining("not implemented"),
    });
  });
});
