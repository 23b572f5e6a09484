// Reliability suite, network faults (issue 14, item 6): the real simulator answers with 429s
// (with their reset), 5xx, timeouts, cut bodies and refused or expired tokens, during ingestion
// (X search, mentions, DMs; Messenger, comments) and during replies (the outbox). Every message
// the customers wrote is stored exactly once, every reply reaches the network exactly once or
// is reported failed with its reason (on the reply, and on the campaign summary), and every
// ingestion fault shows in the campaign summary. A Facebook mass message (issue 12) meets every
// one of these faults on the Send API: each sendable recipient is delivered exactly once or
// reported failed with the reason, and the administrator sees the throttling on the send's
// progress and the failures on the campaign summary. Runs on PGlite, and on PostgreSQL with
// TEST_DATABASE_URL.
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { campaigns, campaignSources, conversations, massMessageRecipients, massMessages, messages, outbox } from "@/db/schema";
import { resetClock, setClockAt } from "@/lib/clock";
import { encryptSecret } from "@/lib/crypto/secrets";
import { pollCampaign } from "@/lib/ingestion/poll";
import { deliverOnce, MAX_ATTEMPTS } from "@/lib/outbox/deliver";
import { retrySend, sendAnswer } from "@/lib/outbox/replies";
import { computeCampaignSummary } from "@/lib/summary";
import { changeMassMessage, startMassMessage } from "@/lib/mass-message/mutations";
import { deliverSlice } from "@/lib/mass-message/deliver";
import { massMessageProgress, recipientsPage } from "@/lib/mass-message/queries";
import { DEMO_FACEBOOK_CREDENTIALS } from "@/lib/simulator/demo";
import type { FaultEndpoint, FaultStatus } from "@/lib/simulator/limits";
import type { SourceKind } from "@/lib/networks/types";
import { setupDemoWorkspace } from "../demo-fixture";

// A timeout fault holds the request unanswered: Relais gives up after this, not after 15 s.
process.env.RELAIS_NETWORK_TIMEOUT_MS = "1000";
// X's windows are 15 minutes; two seconds here, so that a 429's reset comes within the test.
const WINDOW_S = 2;
const w = setupDemoWorkspace({
  simulator: {
    // Polls here follow each other within milliseconds: the conversations edge's 2 calls a second would refuse them.
    facebookLimits: { conversationCallsPerSecond: 1000 },
    rateLimits: Object.fromEntries(
      ["search", "searchUser", "mentions", "mentionsUser", "dmRead", "dmSend", "post", "me"].map((b) => [
        b,
        { limit: 10_000, windowSeconds: WINDOW_S },
      ]),
    ),
  },
});

const figures = {
  faults: 0,
  messages: 0,
  stored: 0,
  duplicates: 0,
  sends: 0,
  delivered: 0,
  sendDuplicates: 0,
  reportedFailed: 0,
  massRecipients: 0,
  massDelivered: 0,
  massDuplicates: 0,
  massReportedFailed: 0,
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let fbCampaignId = 0;

beforeAll(async () => {
  const [twitter] = await w.db.select().from(campaigns).where(eq(campaigns.id, w.state.campaignId));
  const rest: Partial<typeof twitter> = { ...twitter };
  delete rest.id;
  const [fb] = await w.db
    .insert(campaigns)
    .values({
      ...rest,
      type: "facebook",
      name: "Pannes Facebook",
      checkComments: true,
      credentials: encryptSecret(DEMO_FACEBOOK_CREDENTIALS),
    })
    .returning();
  fbCampaignId = fb.id;
});

afterAll(() => {
  resetClock();
  console.log(
    `RESULT network-faults faults=${figures.faults} messages=${figures.messages} stored=${figures.stored} duplicates=${figures.duplicates} ` +
      `sends=${figures.sends} delivered=${figures.delivered} send_duplicates=${figures.sendDuplicates} reported_failed=${figures.reportedFailed} ` +
      `mass_recipients=${figures.massRecipients} mass_delivered=${figures.massDelivered} mass_duplicates=${figures.massDuplicates} ` +
      `mass_reported_failed=${figures.massReportedFailed}`,
  );
});

async function inject(endpoint: FaultEndpoint, status: FaultStatus) {
  await w.sim.injectFault({ endpoint, status, count: 1 });
  figures.faults++;
}

const source = async (campaignId: number, kind: SourceKind) =>
  (
    await w.db
      .select()
      .from(campaignSources)
      .where(and(eq(campaignSources.campaignId, campaignId), eq(campaignSources.kind, kind)))
  )[0];

/** The wait a failure set (backoff, pacing) is over: the scheduler would poll now. */
const due = (campaignId: number) =>
  w.db.update(campaignSources).set({ nextPollAt: null }).where(eq(campaignSources.campaignId, campaignId));

/** Stored copies of each external id, for the messages customers wrote. */
async function copies(ids: string[]): Promise<Map<string, number>> {
  const rows = await w.db
    .select({ id: messages.externalId, n: sql<number>`count(*)::int` })
    .from(messages)
    .where(eq(messages.direction, "in"))
    .groupBy(messages.externalId);
  const all = new Map(rows.map((r) => [r.id!, r.n]));
  return new Map(ids.map((id) => [id, all.get(id) ?? 0]));
}

type IngestCase = {
  kind: SourceKind;
  endpoint: FaultEndpoint;
  campaign: () => number;
  post: (i: number) => Promise<string>;
  faults: FaultStatus[];
};

const X_FAULTS: FaultStatus[] = [429, 500, 503, "timeout", "malformed", 401];
const FB_FAULTS: FaultStatus[] = [429, 500, 503, "timeout", "malformed", 401, "expired_token"];
let postId = "";
const ingestCases: IngestCase[] = [
  {
    kind: "x_search",
    endpoint: "search",
    campaign: () => w.state.campaignId,
    post: async (i) => (await w.sim.postCustomerTweet({ authorHandle: `search${i % 5}`, text: `relais colis en panne ${i}` })).id,
    faults: X_FAULTS,
  },
  {
    kind: "x_mentions",
    endpoint: "mentions",
    campaign: () => w.state.campaignId,
    post: async (i) => (await w.sim.postCustomerTweet({ authorHandle: `mention${i % 5}`, text: `@relais_demo une question ${i}` })).id,
    faults: X_FAULTS,
  },
  {
    kind: "x_dms",
    endpoint: "dm-events",
    campaign: () => w.state.campaignId,
    post: async (i) => (await w.sim.postCustomerDm({ authorHandle: `dm${i % 5}`, text: `Bonjour, message privé ${i}` })).id,
    faults: X_FAULTS,
  },
  {
    kind: "fb_messenger",
    endpoint: "facebook-conversations",
    campaign: () => fbCampaignId,
    post: async (i) => (await w.sim.postCustomerMessage({ authorName: `Client Messenger ${i % 5}`, text: `Bonjour Messenger ${i}` })).id,
    faults: FB_FAULTS,
  },
  {
    kind: "fb_comments",
    endpoint: "facebook-feed",
    campaign: () => fbCampaignId,
    post: async (i) => {
      postId ||= (await w.sim.postPagePost({ text: "Nos horaires d'été" })).id;
      return (await w.sim.postCustomerComment({ authorName: `Fan ${i % 5}`, text: `Commentaire ${i}`, objectId: postId })).id;
    },
    faults: FB_FAULTS,
  },
];

describe("ingestion under network faults", () => {
  for (const c of ingestCases) {
    it(`${c.kind}: each fault fails the source visibly, and once it clears every message is stored exactly once`, async () => {
      const campaignId = c.campaign();
      const posted: string[] = [];
      let n = 0;
      // What was there before the faults is read first.
      await due(campaignId);
      await pollCampaign(campaignId);
      for (const fault of c.faults) {
        for (let i = 0; i < 3; i++) posted.push(await c.post(n++));
        await due(campaignId);
        await inject(c.endpoint, fault);
        const failed = await pollCampaign(campaignId);
        const result = failed.sources.find((s) => s.kind === c.kind)!;
        expect(result.status, `${c.kind} ${fault}`).toBe("failed");
        const row = await source(campaignId, c.kind);
        expect(row.lastErrorKind, `${c.kind} ${fault}`).toBe(
          fault === 429
            ? "rate_limited"
            : fault === "timeout"
              ? "unreachable"
              : fault === "malformed"
                ? "malformed"
                : fault === 401 || fault === "expired_token"
                  ? "unauthorized"
                  : "server",
        );
        if (fault === 429) {
          // The source waits for the reset the network gave, not for the check interval.
          expect(row.nextPollAt!.getTime()).toBeGreaterThan(Date.now());
          if (c.endpoint.startsWith("facebook-")) expect(row.nextPollAt!.getTime()).toBeGreaterThan(Date.now() + 30_000);
        }
        // The administrator sees it on the campaign summary.
        const summary = await computeCampaignSummary(campaignId);
        const element = summary.elements.find((e) => e.element === "sources")!;
        expect(element.light, `${c.kind} ${fault}`).not.toBe("green");
        expect(String(element.params?.sources)).toContain(c.kind);
        if (fault === 401 || fault === "expired_token")
          expect(element).toMatchObject({ light: "red", reason: "summary.reasons.sources.tokenRefused" });

        // The fault clears (the reset passes, the token is renewed…): the next poll reads all of it.
        if (fault === 429 && !c.endpoint.startsWith("facebook-")) await sleep(Math.max(0, row.nextPollAt!.getTime() - Date.now()) + 50);
        if (fault === 401 || fault === "expired_token") {
          // A refused token turns the summary red, which stops the campaign: the administrator
          // renews the token and starts it again.
          expect((await w.db.select().from(campaigns).where(eq(campaigns.id, campaignId)))[0].state).not.toBe("running");
          await w.db.update(campaigns).set({ state: "running" }).where(eq(campaigns.id, campaignId));
        }
        await due(campaignId);
        const recovered = (await pollCampaign(campaignId)).sources.find((s) => s.kind === c.kind)!;
        expect(recovered.status, `${c.kind} after ${fault}: ${recovered.error}`).toBe("polled");
        expect((await source(campaignId, c.kind)).lastErrorKind).toBeNull();
      }
      const stored = await copies(posted);
      figures.messages += posted.length;
      figures.stored += [...stored.values()].filter((k) => k > 0).length;
      figures.duplicates += [...stored.values()].reduce((s, k) => s + Math.max(0, k - 1), 0);
      expect([...stored].filter(([, k]) => k !== 1)).toEqual([]);
      expect((await computeCampaignSummary(campaignId)).elements.find((e) => e.element === "sources")!.light).toBe("green");
    });
  }
});

describe("replies under network faults", () => {
  const key = () => crypto.randomUUID();
  let agent = 0;

  /** A stored conversation of this source, given to the test agent as routing would. */
  async function conversationOf(campaignId: number, channel: (typeof conversations.$inferSelect)["channel"]) {
    const [conv] = await w.db
      .select()
      .from(conversations)
      .where(and(eq(conversations.campaignId, campaignId), eq(conversations.channel, channel)))
      .orderBy(conversations.id)
      .limit(1);
    expect(conv, channel).toBeTruthy();
    await w.db.update(conversations).set({ status: "assigned", assignedAgentId: agent }).where(eq(conversations.id, conv.id));
    return conv.id;
  }

  async function delivered(kind: string, text: string): Promise<number> {
    if (kind === "x_reply") return (await w.sim.listReplies()).filter((r) => r.text === text).length;
    if (kind === "x_dm") return (await w.sim.listDms()).filter((d) => d.text === text && d.fromApp).length;
    if (kind === "messenger") return (await w.sim.listFacebookMessages()).filter((m) => m.text === text && m.fromPage).length;
    return (await w.sim.listFacebookComments()).filter((m) => m.text === text).length;
  }

  const row = async (id: number) => (await w.db.select().from(outbox).where(eq(outbox.id, id)))[0];

  /** Delivery attempts as the job would make them, each when the row is due again. */
  async function deliverUntilSettled(id: number): Promise<string> {
    let state = await deliverOnce(id);
    for (let i = 0; state === "queued" && i < MAX_ATTEMPTS + 1; i++) {
      const r = await row(id);
      setClockAt(new Date(r.nextAttemptAt.getTime() + 1));
      state = await deliverOnce(id);
      resetClock();
    }
    return state;
  }

  beforeAll(async () => {
    agent = w.state.agents[0];
  });

  const sendCases: {
    kind: "x_reply" | "x_dm" | "messenger" | "fb_comment_reply";
    campaign: () => number;
    channel: (typeof conversations.$inferSelect)["channel"];
    endpoint: FaultEndpoint;
  }[] = [
    { kind: "x_reply", campaign: () => w.state.campaignId, channel: "mention", endpoint: "post" },
    { kind: "x_dm", campaign: () => w.state.campaignId, channel: "dm", endpoint: "dm" },
    { kind: "messenger", campaign: () => fbCampaignId, channel: "messenger", endpoint: "facebook-send" },
    { kind: "fb_comment_reply", campaign: () => fbCampaignId, channel: "comment", endpoint: "facebook-send" },
  ];

  for (const c of sendCases) {
    it(`${c.kind}: after each fault the reply reaches the network exactly once, or is reported failed with its reason until retried`, async () => {
      const conversationId = await conversationOf(c.campaign(), c.channel);
      const faults: FaultStatus[] = c.endpoint.startsWith("facebook-") ? FB_FAULTS : X_FAULTS;
      for (const fault of faults) {
        const text = `Réponse ${c.kind} après ${fault} ${crypto.randomBytes(3).toString("hex")}`;
        const queued = await sendAnswer(agent, { conversationId, kind: c.kind, text, idempotencyKey: key() });
        figures.sends++;
        await inject(c.endpoint, fault);
        if (fault === 429 && !c.endpoint.startsWith("facebook-")) {
          // X's reset is real time on the simulator: the retry goes after it.
          expect(await deliverOnce(queued.id)).toBe("queued");
          expect(await row(queued.id)).toMatchObject({ errorReason: "outbox.reasons.rateLimited", errorCode: "429" });
          await sleep(WINDOW_S * 1000 + 100);
        }
        let state = await deliverUntilSettled(queued.id);
        if (fault === 401 || fault === "expired_token") {
          // Not worth retrying by itself: the agent sees why, and retries once the token is renewed.
          expect(state).toBe("failed");
          const failed = await row(queued.id);
          expect(failed.errorReason).toBe(fault === 401 ? "outbox.reasons.tokenInvalid" : "outbox.reasons.tokenExpired");
          const [thread] = await w.db.select().from(messages).where(eq(messages.id, failed.messageId!));
          expect(thread).toMatchObject({ sendState: "failed", sendError: failed.errorReason });
          expect(await delivered(c.kind, text)).toBe(0);
          figures.reportedFailed++;
          // The administrator sees it on the campaign summary too, with the reason.
          const seen = (await computeCampaignSummary(c.campaign())).elements.find((e) => e.element === "replies")!;
          expect(seen).toMatchObject({
            light: "orange",
            reason: "summary.reasons.replies.failing",
            params: { count: 1, reason: failed.errorReason },
          });
          await retrySend(agent, queued.id);
          state = await deliverUntilSettled(queued.id);
          expect((await computeCampaignSummary(c.campaign())).elements.find((e) => e.element === "replies")!.light).toBe("green");
        }
        expect(state, `${c.kind} after ${fault}`).toBe("sent");
        const copies = await delivered(c.kind, text);
        if (copies > 0) figures.delivered++;
        figures.sendDuplicates += Math.max(0, copies - 1);
        expect(copies, `${c.kind} after ${fault}: copies on the network`).toBe(1);
        const sent = await row(queued.id);
        expect(sent.externalId).toBeTruthy();
      }
    });
  }
});

describe("a mass message under network faults", () => {
  it("meets every fault on the Send API: each sendable recipient delivered exactly once, a refused token pausing the send with its reason, the faults visible to the administrator", async () => {
    // Twenty more Messenger contacts in their window, beside those the ingestion cases wrote.
    await w.sim.postCustomerMessages({ count: 20, namePrefix: "Client masse", text: "Bonjour, des nouvelles ?" });
    for (let i = 0; i < 5; i++) {
      await due(fbCampaignId);
      if ((await pollCampaign(fbCampaignId)).newMessages === 0) break;
    }
    const { id, counts } = await startMassMessage(
      { id: w.state.adminId, login: "admin" },
      { campaignId: fbCampaignId, sendType: "messenger", text: "Offre de la semaine pour $AUTEUR", template: null, criteria: {} },
    );
    expect(counts.sendable).toBeGreaterThanOrEqual(20);
    // The first seven Send API calls meet, in turn: a page throttle with its reset, 500, 503, a
    // timeout, a cut answer (the message was made), a refused token and an expired one.
    for (const fault of FB_FAULTS) await inject("facebook-send", fault);

    let state = "running";
    let throttleShown = false;
    const pauses: string[] = [];
    for (let i = 0; i < 30 && (state === "running" || state === "paused"); i++) {
      const result = await deliverSlice(id, { sliceMs: 10_000 });
      state = result.state;
      if (state === "paused") {
        // A refused or expired token pauses the whole send (every other call would fail the same
        // way): the progress page and the campaign summary say why; the administrator renews the
        // token (the simulator's fault was a single call) and resumes.
        const progress = (await massMessageProgress(id, fbCampaignId))!;
        pauses.push(progress.mm.errorReason ?? "");
        const element = (await computeCampaignSummary(fbCampaignId)).elements.find((e) => e.element === "massMessages")!;
        expect(element).toMatchObject({ light: "orange", reason: "summary.reasons.massMessages.paused" });
        expect(element.params?.reason).toBe(progress.mm.errorReason);
        expect(element.fix).toBe(`/admin/campaigns/${fbCampaignId}/mass-message/${id}`);
        await changeMassMessage({ id: w.state.adminId, login: "admin" }, id, "resume");
        continue;
      }
      if (state !== "running" || !result.wakeAt) continue;
      // The progress page says the page is throttled and when the send goes on (the 429's reset).
      const progress = (await massMessageProgress(id, fbCampaignId))!;
      if (progress.throttled && progress.mm.throttledUntil!.getTime() > Date.now() + 30_000) throttleShown = true;
      // The wait the network gave is over (as `due` does for a source): the delivery goes on.
      await w.db.update(massMessages).set({ throttledUntil: null }).where(eq(massMessages.id, id));
    }
    expect(state).toBe("done");
    expect(throttleShown).toBe(true);

    const recipients = await w.db.select().from(massMessageRecipients).where(eq(massMessageRecipients.massMessageId, id));
    const sendable = recipients.filter((r) => r.status !== "not_sendable");
    expect(sendable).toHaveLength(counts.sendable);
    const sent = await w.sim.sentWithMetadata(`relais-mm:${id}:`);
    const copies = (r: (typeof recipients)[number]) => sent.byRecipient[r.contactId] ?? 0;
    const failed = sendable.filter((r) => r.status === "failed");
    // Every transient fault was read back or retried, and the two token refusals paused the send
    // instead of failing anyone (once, or twice when the two refusals fell in different batches,
    // the first reason first): each sendable person reached once.
    expect(pauses[0]).toBe("outbox.reasons.tokenInvalid");
    expect(pauses.length).toBeLessThanOrEqual(2);
    expect(pauses.every((r) => r === "outbox.reasons.tokenInvalid" || r === "outbox.reasons.tokenExpired")).toBe(true);
    expect(sendable.filter((r) => r.status !== "sent" || copies(r) !== 1)).toEqual([]);
    expect(failed).toEqual([]);
    figures.massRecipients += sendable.length;
    figures.massDelivered += sendable.filter((r) => copies(r) > 0).length;
    figures.massDuplicates += sendable.reduce((n, r) => n + Math.max(0, copies(r) - 1), 0);
    figures.massReportedFailed += failed.length;

    // Once resumed and done, the counts say so and the summary's «Messages en masse» is green again.
    const [mm] = await w.db.select().from(massMessages).where(eq(massMessages.id, id));
    expect(mm).toMatchObject({ status: "done", sentCount: sendable.length, failedCount: 0, errorReason: null });
    expect((await recipientsPage(id, "failed", 1)).total).toBe(0);
    const element = (await computeCampaignSummary(fbCampaignId)).elements.find((e) => e.element === "massMessages")!;
    expect(element).toMatchObject({ light: "green", reason: "summary.reasons.massMessages.ok" });
  });
});
