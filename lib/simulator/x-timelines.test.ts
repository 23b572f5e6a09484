import { afterEach, describe, expect, it } from "vitest";
import { createSimulatorClient } from "./client";
import { DEMO_ACCOUNT, DEMO_TWITTER_CREDENTIALS } from "./demo";
import { startSimulator, type RunningSimulator } from "./server";

// The simulator's mentions timeline and DM events, as X serves them on the wire.

let sim: RunningSimulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

const bearer = { authorization: `Bearer ${DEMO_TWITTER_CREDENTIALS.bearerToken}` };

describe("GET /2/users/:id/mentions", () => {
  it("pages newest first with pagination_token and previous_token, with no data key when empty", async () => {
    sim = await startSimulator({ port: 0 });
    const control = createSimulatorClient(sim.url);
    const url = `${sim.url}/2/users/${DEMO_ACCOUNT.id}/mentions`;
    const empty = await (await fetch(url, { headers: bearer })).json();
    expect(empty).toEqual({ meta: { result_count: 0 } });

    const { ids } = await control.postCustomerTweets(
      Array.from({ length: 12 }, (_, i) => ({ authorHandle: "ana", text: `@relais_demo n°${i}` })),
    );
    await control.postCustomerTweet({ authorHandle: "ana", text: "no mention here" });
    const res = await fetch(`${url}?max_results=5&expansions=author_id&user.fields=public_metrics`, { headers: bearer });
    expect(res.headers.get("x-rate-limit-limit")).toBe("450");
    const p1 = await res.json();
    expect(p1.data.map((t: { id: string }) => t.id)).toEqual(ids.slice(-5).reverse());
    expect(p1.meta).toMatchObject({ result_count: 5, newest_id: ids[11], oldest_id: ids[7] });
    expect(p1.meta.previous_token).toBeUndefined();
    expect(p1.includes.users[0]).toMatchObject({ username: "ana", public_metrics: { followers_count: expect.any(Number) } });
    const p2 = await (await fetch(`${url}?max_results=5&pagination_token=${p1.meta.next_token}`, { headers: bearer })).json();
    expect(p2.data.map((t: { id: string }) => t.id)).toEqual(ids.slice(2, 7).reverse());
    const back = await (await fetch(`${url}?max_results=5&pagination_token=${p2.meta.previous_token}`, { headers: bearer })).json();
    expect(back.data.map((t: { id: string }) => t.id)).toEqual(p1.data.map((t: { id: string }) => t.id));
    const bad = await fetch(`${url}?max_results=3`, { headers: bearer });
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors[0].message).toContain("is not between 5 and 100");
  });
});

describe("GET /2/dm_events", () => {
  it("refuses app-only authentication, as X does", async () => {
    sim = await startSimulator({ port: 0 });
    const res = await fetch(`${sim.url}/2/dm_events`, { headers: bearer });
    expect(res.status).toBe(403);
    expect((await res.json()).title).toBe("Unsupported Authentication");
  });
});
