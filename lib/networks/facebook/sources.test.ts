import { afterEach, describe, expect, it } from "vitest";
import { createSimulatorClient } from "@/lib/simulator/client";
import { DEMO_FACEBOOK_CREDENTIALS } from "@/lib/simulator/demo";
import { startSimulator, type RunningSimulator } from "@/lib/simulator/server";
import { NetworkError, type SourcePosition } from "../types";
import { createFacebookAdapter } from "./adapter";

// The Facebook read side, source by source, against the simulator's Graph API.

let sim: RunningSimulator | undefined;
const start: SourcePosition = { cursor: null, pageToken: null, pendingCursor: null };

async function setup(checkComments = true) {
  sim = await startSimulator({ port: 0 });
  const adapter = createFacebookAdapter({ credentials: { baseUrl: sim.url, ...DEMO_FACEBOOK_CREDENTIALS }, checkComments });
  return { adapter, control: createSimulatorClient(sim.url) };
}

afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

describe("Facebook sources", () => {
  it("lists Messenger, and comments only when the campaign asks for them", async () => {
    expect((await setup(false)).adapter.sources()).toEqual(["fb_messenger"]);
    await sim!.close();
    expect((await setup(true)).adapter.sources()).toEqual(["fb_messenger", "fb_comments"]);
  });

  it("drains more Messenger threads than one poll reads, within the 2 calls per second of the edge", async () => {
    const { adapter, control } = await setup();
    const ids: string[] = [];
    for (let i = 0; i < 60; i++) ids.push((await control.postCustomerMessage({ authorName: `Client ${i}`, text: `Bonjour ${i}` })).id);
    const seen: string[] = [];
    let position = start;
    const r1 = await adapter.fetchSource("fb_messenger", position, { pageCap: 2 });
    expect(r1).toMatchObject({ caughtUp: false, calls: 2 });
    expect(r1.position.cursor).toBeNull();
    seen.push(...r1.messages.map((m) => m.externalId));
    position = r1.position;
    // The next poll comes at least a second later (the campaign claim), as here.
    await new Promise((r) => setTimeout(r, 1100));
    const r2 = await adapter.fetchSource("fb_messenger", position, { pageCap: 2 });
    expect(r2.caughtUp).toBe(true);
    seen.push(...r2.messages.map((m) => m.externalId));
    expect(seen.sort()).toEqual([...ids].sort());
    expect(r2.messages[0]).toMatchObject({ channel: "messenger", sourceKind: "fb_messenger", isPrivate: true });
    const later = await control.postCustomerMessage({ authorName: "Client 3", text: "Encore moi" });
    await new Promise((r) => setTimeout(r, 1100));
    const r3 = await adapter.fetchSource("fb_messenger", r2.position, { pageCap: 2 });
    expect(r3.messages.map((m) => m.externalId)).toEqual([later.id]);
  });

  it("reads new comments of the page's posts, as public comments threaded on their post", async () => {
    const { adapter, control } = await setup();
    const post = await control.postPagePost({ text: "Nouveauté" });
    const c = await control.postCustomerComment({ authorName: "Paul", text: "Super", objectId: post.id });
    const r = await adapter.fetchSource("fb_comments", start, { pageCap: 10 });
    expect(r.messages).toHaveLength(1);
    expect(r.messages[0]).toMatchObject({ externalId: c.id, channel: "comment", isPrivate: false, authorName: "Paul" });
    const again = await adapter.fetchSource("fb_comments", r.position, { pageCap: 10 });
    expect(again.messages).toEqual([]);
  });

  it("reports an expired page token as unauthorized with its reason", async () => {
    const { adapter, control } = await setup();
    await control.injectFault({ endpoint: "facebook-conversations", status: "expired_token" });
    const e = (await adapter.fetchSource("fb_messenger", start, { pageCap: 1 }).catch((x: unknown) => x)) as NetworkError;
    expect(e).toBeInstanceOf(NetworkError);
    expect(e).toMatchObject({ kind: "unauthorized", reason: "token_expired" });
  });
});
