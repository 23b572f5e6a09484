import { afterEach, describe, expect, it } from "vitest";
import { createSimulatorClient } from "@/lib/simulator/client";
import { DEMO_FACEBOOK_CREDENTIALS } from "@/lib/simulator/demo";
import { startSimulator, type RunningSimulator, type SimulatorOptions } from "@/lib/simulator/server";
import { createFacebookAdapter, type FacebookAdapterOptions } from "./adapter";

let sim: RunningSimulator | undefined;

async function setup(adapterOpts: Partial<FacebookAdapterOptions> = {}, simOpts: SimulatorOptions = {}) {
  sim = await startSimulator({ port: 0, ...simOpts });
  const adapter = createFacebookAdapter({ credentials: { baseUrl: sim.url, ...DEMO_FACEBOOK_CREDENTIALS }, ...adapterOpts });
  return { adapter, control: createSimulatorClient(sim.url) };
}

afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

describe("facebook adapter polling the simulator", () => {
  it("fetches Messenger messages oldest first, then only what is new after the cursor", async () => {
    // Four polls in a row: past the edge's 2 calls per second, which the 613 test below covers.
    const { adapter, control } = await setup({}, { facebookLimits: { conversationCallsPerSecond: 100 } });
    const a = await control.postCustomerMessage({ authorName: "Camille Bernard", text: "Bonjour" });
    const b = await control.postCustomerMessage({ authorName: "Hugo Petit", text: "Mon colis ?" });

    const first = await adapter.fetchNew(null);
    expect(first.messages.map((m) => m.externalId)).toEqual([a.id, b.id]);
    expect(first.messages[0]).toMatchObject({
      threadId: a.message.conversationId,
      text: "Bonjour",
      authorId: a.message.fromId,
      authorName: "Camille Bernard",
      isPrivate: true,
    });
    expect(first.readCount).toBe(2);
    expect(first.rateLimit).toMatchObject({ limit: 100 });

    expect((await adapter.fetchNew(first.cursor)).messages).toEqual([]);
    // Within the same second as the previous ones: Graph's times cannot tell them apart, the cursor can.
    const c = await control.postCustomerMessage({ authorName: "Camille Bernard", text: "Toujours là ?" });
    const second = await adapter.fetchNew(first.cursor);
    expect(second.messages.map((m) => [m.externalId, m.threadId])).toEqual([[c.id, a.message.conversationId]]);
    expect((await adapter.fetchNew(second.cursor)).messages).toEqual([]);
  });

  it("reads comments on recent posts when asked, replies keeping their thread", async () => {
    const { adapter, control } = await setup({ checkComments: true }, { facebookLimits: { conversationCallsPerSecond: 100 } });
    const post = await control.postPagePost({ text: "Nouveaux horaires" });
    const top = await control.postCustomerComment({ objectId: post.id, authorName: "Inès Dubois", text: "Et le dimanche ?" });
    const gone = await control.postCustomerComment({ objectId: post.id, authorName: "Spam Bot", text: "promo!!!" });
    await control.deleteCustomerComment(gone.id);
    const reply = await control.postCustomerComment({ objectId: top.id, authorName: "Lucas Martin", text: "Pareil" });

    const first = await adapter.fetchNew(null);
    expect(first.messages.map((m) => [m.externalId, m.threadId, m.inReplyToId ?? null, m.isPrivate])).toEqual([
      [top.id, top.id, null, false],
      [reply.id, top.id, top.id, false],
    ]);
    const later = await control.postCustomerComment({ objectId: post.id, authorName: "Léa Moreau", text: "Merci" });
    const msg = await control.postCustomerMessage({ authorName: "Léa Moreau", text: "En privé" });
    const second = await adapter.fetchNew(first.cursor);
    expect(second.messages.map((m) => m.externalId).sort()).toEqual([later.id, msg.id].sort());
  });

  it("follows conversation pages up to maxPages and says when it stopped early", async () => {
    const { adapter, control } = await setup({ maxPages: 1 });
    for (let i = 0; i < 30; i++) await control.postCustomerMessage({ authorName: `Client ${i}`, text: `message ${i}` });
    const capped = await adapter.fetchNew(null);
    expect(capped.messages).toHaveLength(25);
    expect(capped.truncated).toBe(true);

    const full = createFacebookAdapter({ credentials: { baseUrl: sim!.url, ...DEMO_FACEBOOK_CREDENTIALS }, maxPages: 5 });
    // The conversations edge allows 2 calls per second per page.
    await new Promise((r) => setTimeout(r, 1_100));
    const all = await full.fetchNew(null);
    expect(all.messages).toHaveLength(30);
    expect(all.truncated).toBe(false);
    expect(all.messages[0].text).toBe("message 0");
  });

  it("turns a throttled inbox read into rate_limited", async () => {
    const { adapter, control } = await setup();
    await control.injectFault({ endpoint: "facebook-conversations", status: 429 });
    await expect(adapter.fetchNew(null)).rejects.toMatchObject({ kind: "rate_limited", retryAt: expect.any(Date) });
    // Polling faster than the edge's 2 calls per second per page earns #613.
    await adapter.fetchNew(null);
    await expect(adapter.fetchNew(null)).rejects.toMatchObject({ kind: "rate_limited", detail: expect.stringContaining("(#613)") });
  });
});
