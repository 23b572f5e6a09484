// Issue 12, item 4: a mass message slows down on its own before the page's usage headers reach
// 100 %, and is never throttled. The simulator's page budget is small (500 calls a day) and
// already three-fifths used when the send starts; its 200 Send API calls take the page's
// X-Business-Use-Case-Usage from 56 % to 96 %. On PGlite and PostgreSQL (TEST_DATABASE_URL).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { campaigns, massMessages, queues } from "@/db/schema";
import { encryptSecret } from "@/lib/crypto/secrets";
import { pollCampaign } from "@/lib/ingestion/poll";
import { startMassMessage } from "@/lib/mass-message/mutations";
import { deliverSlice } from "@/lib/mass-message/deliver";
import { DEMO_FACEBOOK_CREDENTIALS } from "@/lib/simulator/demo";
import { setupDemoWorkspace } from "./demo-fixture";

const BUDGET = 500; // the page's calls per day
const PEOPLE = 200;
const TOP = 0.96; // the usage share the send ends at
const RATE = 30; // the page's Send API rate Relais keeps to here

const w = setupDemoWorkspace({ simulator: { facebookLimits: { pageCallsPerDay: BUDGET, conversationCallsPerSecond: 1000 } } });

describe("a mass message as the page's usage climbs", () => {
  let campaignId = 0;
  let page = { pageId: "", token: "" };
  const before = process.env.RELAIS_FB_SEND_RATE;

  /** The page's usage share now, as the usage header of one cheap call reports it (the call counts too). */
  async function usage(): Promise<number> {
    const res = await fetch(`${w.state.simUrl}/v26.0/${page.pageId}?access_token=${page.token}`);
    const header = JSON.parse(res.headers.get("x-business-use-case-usage") ?? "{}") as Record<string, { call_count: number }[]>;
    return header[page.pageId][0].call_count;
  }

  beforeAll(async () => {
    process.env.RELAIS_FB_SEND_RATE = String(RATE);
    // A page of its own: its usage counts from zero.
    page = await w.sim.createFacebookPage("Page budget serré");
    const [twitter] = await w.db.select().from(campaigns).where(eq(campaigns.id, w.state.campaignId));
    const [queue] = await w.db.insert(queues).values({ code: "USAGEFB", description: "Usage" }).returning();
    const [fb] = await w.db
      .insert(campaigns)
      .values({
        ...twitter,
        id: undefined,
        type: "facebook",
        name: "Usage Facebook",
        queueId: queue.id,
        credentials: encryptSecret({ ...DEMO_FACEBOOK_CREDENTIALS, pageAccessToken: page.token, pageId: page.pageId }),
      })
      .returning();
    campaignId = fb.id;
    await w.sim.postCustomerMessages({ count: PEOPLE, namePrefix: "Client usage", text: "Bonjour", pageId: page.pageId });
    for (let i = 0; i < 20; i++) if ((await pollCampaign(campaignId)).newMessages === 0) break;
  });
  afterAll(() => {
    if (before === undefined) delete process.env.RELAIS_FB_SEND_RATE;
    else process.env.RELAIS_FB_SEND_RATE = before;
  });

  it("slows down past 80 % and ends below 100 %, never throttled, each person reached once", { timeout: 120_000 }, async () => {
    // Other calls of the day (here: cheap reads) bring the page to where the send will end at 96 %.
    const start = Math.round(BUDGET * TOP) - PEOPLE;
    let used = Math.floor(((await usage()) * BUDGET) / 100);
    while (used < start - 1) {
      await usage();
      used++;
    }
    const startShare = await usage();
    expect(startShare).toBeGreaterThanOrEqual(54);
    expect(startShare).toBeLessThan(60);

    const { id, counts } = await startMassMessage(
      { id: w.state.adminId, login: "admin" },
      { campaignId, sendType: "messenger", text: "Promo pour $AUTEUR", template: null, criteria: {} },
    );
    expect(counts.sendable).toBe(PEOPLE);
    let result;
    do result = await deliverSlice(id, { sliceMs: 20_000 });
    while (result.state === "running" && !result.wakeAt);
    // Never throttled: the delivery never had to wait for the page, and nobody failed.
    expect(result.state).toBe("done");
    const [mm] = await w.db.select().from(massMessages).where(eq(massMessages.id, id));
    expect(mm).toMatchObject({ status: "done", sentCount: PEOPLE, failedCount: 0, throttledUntil: null });
    const sent = await w.sim.sentWithMetadata(`relais-mm:${id}:`);
    expect(Object.keys(sent.byRecipient)).toHaveLength(PEOPLE);
    expect(Object.values(sent.byRecipient).every((n) => n === 1)).toBe(true);
    const endShare = await usage();
    expect(endShare).toBeGreaterThanOrEqual(95);
    expect(endShare).toBeLessThan(100);

    // It slowed down by itself: the calls made once the page was past 92 % went at most at half the
    // page's rate (the usage each call saw follows from its rank; at full speed they would go at
    // 97 % of it). A busy machine can only make them slower, never faster, so the bound cannot
    // pass by luck nor fail under load. Rates over each stretch, not single gaps.
    const mine = (await w.sim.listFacebookMessages())
      .filter((m) => m.metadata?.startsWith(`relais-mm:${id}:`))
      .map((m) => Date.parse(m.createdAt))
      .sort((a, b) => a - b);
    expect(mine).toHaveLength(PEOPLE);
    const share = (i: number) => ((startShare * BUDGET) / 100 + i + 1) / BUDGET;
    const rate = (keep: (i: number) => boolean) => {
      const times = mine.filter((_, i) => keep(i));
      return { calls: times.length, perSecond: ((times.length - 1) * 1000) / Math.max(1, times[times.length - 1] - times[0]) };
    };
    const early = rate((i) => i >= 10 && share(i) < 0.78);
    const late = rate((i) => share(i) >= 0.92);
    expect(early.calls).toBeGreaterThan(50);
    expect(late.calls).toBeGreaterThan(10);
    console.log(
      `RESULT mass-message-usage start_pct=${startShare} end_pct=${endShare} below78_per_s=${early.perSecond.toFixed(1)} above92_per_s=${late.perSecond.toFixed(1)} allowed_per_s=${RATE}`,
    );
    expect(late.perSecond).toBeLessThanOrEqual(RATE / 2);
  });
});
