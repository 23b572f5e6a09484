import { describe, it, expect, vi } from "vitest";
import { z } from "zod";
import { ActionError } from "./action-error";
import { PUBLIC, defineRoute, routeAccess } from "./route";

// Public routes load no session, so these need no database: they test the wrapper's own rules.
const url = "http://relais.test/api/x";
const ours = { host: "relais.test", origin: "http://relais.test" };
const post = (body: BodyInit, headers: Record<string, string> = ours) => new Request(url, { method: "POST", body, headers });

describe("defineRoute", () => {
  it("marks the handler it makes, with its access", () => {
    const route = defineRoute(PUBLIC, {}, () => new Response("ok"));
    expect(routeAccess(route)).toEqual({ access: "public", options: {} });
    expect(routeAccess(async () => new Response("bare"))).toBeUndefined();
  });

  it("checks the origin of state-changing requests only", async () => {
    const route = defineRoute(PUBLIC, {}, () => new Response("ok"));
    expect((await route(new Request(url))).status).toBe(200);
    expect((await route(post("x"))).status).toBe(200);
    expect((await route(post("x", { host: "relais.test" }))).status).toBe(403);
    expect((await route(post("x", { host: "relais.test", origin: "https://evil.example" }))).status).toBe(403);
    expect((await route(new Request(url, { method: "DELETE", headers: { host: "relais.test" } }))).status).toBe(403);
    const open = defineRoute(PUBLIC, { sameOrigin: false }, () => new Response("ok"));
    expect((await open(post("x", {}))).status).toBe(200);
  });

  it("refuses a declared length over the limit without running the handler, and counts bytes otherwise", async () => {
    const handler = vi.fn((ctx: { body(): Uint8Array }) => Response.json({ bytes: ctx.body().byteLength }));
    const route = defineRoute(PUBLIC, { maxBytes: 10 }, handler);
    expect((await route(post("0123456789", { ...ours, "content-length": "11" }))).status).toBe(413);
    expect((await route(post("0123456789x"))).status).toBe(413);
    expect(handler).not.toHaveBeenCalled();
    expect(await (await route(post("0123456789"))).json()).toEqual({ bytes: 10 });
    // Without maxBytes a body is still bounded (1 MB, like server actions).
    const unbounded = defineRoute(PUBLIC, {}, () => new Response("ok"));
    const big = await unbounded(post(new Uint8Array(1024 * 1024 + 1)));
    expect(big.status).toBe(413);
    expect(await big.json()).toEqual({ ok: false, error: "errors.tooLarge" });
  });

  it("maps errors once: refusals to 400 with their key, anything else to 500", async () => {
    const failing = (err: unknown) => defineRoute(PUBLIC, {}, () => Promise.reject(err));
    const refused = await failing(new ActionError("queues.errors.x", { code: ["queues.errors.x"] }))(new Request(url));
    expect(refused.status).toBe(400);
    expect(await refused.json()).toEqual({ ok: false, error: "queues.errors.x", fieldErrors: { code: ["queues.errors.x"] } });

    const invalid = await defineRoute(PUBLIC, {}, (ctx) => {
      z.object({ n: z.number({ error: "common.requiredField" }) }).parse(ctx.json());
      return new Response("ok");
    })(post("{}"));
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toEqual({ ok: false, error: "errors.invalidInput", fieldErrors: { n: ["common.requiredField"] } });

    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const crashed = await failing(new Error("boom"))(new Request(url));
    expect(crashed.status).toBe(500);
    expect(await crashed.json()).toEqual({ ok: false, error: "errors.unexpected" });
    expect(log).toHaveBeenCalled();
    log.mockRestore();
  });

  it("answers an ActionResult with the status its error means", async () => {
    const reply = (result: { ok: boolean; error?: string }) =>
      defineRoute(PUBLIC, { okStatus: 201 }, () => result as never)(new Request(url));
    expect((await reply({ ok: true })).status).toBe(201);
    expect((await reply({ ok: false, error: "errors.unauthenticated" })).status).toBe(401);
    expect((await reply({ ok: false, error: "errors.forbidden" })).status).toBe(403);
    expect((await reply({ ok: false, error: "schedules.errors.soundType" })).status).toBe(400);
    expect((await reply({ ok: false, error: "errors.unexpected" })).status).toBe(500);
  });

  it("hands pass-through handlers a request carrying the body it already read", async () => {
    const route = defineRoute(PUBLIC, {}, async (ctx) => new Response(`${ctx.request.method} ${await ctx.request.text()}`));
    expect(await (await route(post("login=1000"))).text()).toBe("POST login=1000");
  });
});
