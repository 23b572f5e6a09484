import { describe, it, expect } from "vitest";
import { count, eq } from "drizzle-orm";
import { and } from "drizzle-orm";
import { campaigns, campaignSources, conversations, messages, pollCursors, scriptVersions } from "@/db/schema";
import { claimDueCampaigns, pollCampaign } from "@/lib/ingestion/poll";
import { setupDemoWorkspace } from "./demo-fixture";

describe("polling a Twitter campaign", () => {
  const w = setupDemoWorkspace();

  const searchSource = () =>
    w.db
      .select()
      .from(campaignSources)
      .where(and(eq(campaignSources.campaignId, w.state.campaignId), eq(campaignSources.kind, "x_search")));

  const countRows = async () => ({
    conversations: (await w.db.select({ n: count() }).from(conversations))[0].n,
    messages: (await w.db.select({ n: count() }).from(messages))[0].n,
  });

  it("turns a customer tweet with the keyword into exactly one conversation, however often it polls", async () => {
    const posted = await w.sim.postCustomerTweet({
      authorHandle: "claire_b",
      authorName: "Claire B.",
      text: "Mon colis Relais est en retard !",
    });
    await w.sim.postCustomerTweet({ authorHandle: "someone", text: "Nothing to see here" });

    const first = await pollCampaign(w.state.campaignId);
    expect(first).toMatchObject({ status: "polled", newConversations: 1, newMessages: 1 });
    const second = await pollCampaign(w.state.campaignId);
    expect(second).toMatchObject({ status: "polled", newConversations: 0, newMessages: 0 });
    expect(await countRows()).toEqual({ conversations: 1, messages: 1 });

    const [conv] = await w.db.select().from(conversations);
    expect(conv).toMatchObject({ status: "waiting", authorHandle: "claire_b", authorName: "Claire B.", network: "twitter" });
    const [search] = await searchSource();
    expect(search.cursor).toBe(posted.id);
  });

  it("re-reading messages after a lost cursor stores nothing twice", async () => {
    await w.db.update(campaignSources).set({ cursor: null }).where(eq(campaignSources.kind, "x_search"));
    const again = await pollCampaign(w.state.campaignId);
    expect(again.fetched).toBeGreaterThan(0);
    expect(again.newMessages).toBe(0);
    expect(await countRows()).toEqual({ conversations: 1, messages: 1 });
  });

  it("adds a follow-up in the same thread to the open conversation", async () => {
    const [root] = await w.db.select({ externalId: messages.externalId }).from(messages);
    await w.sim.postCustomerTweet({ authorHandle: "claire_b", text: "Toujours rien de Relais…", inReplyToId: root.externalId! });
    const result = await pollCampaign(w.state.campaignId);
    expect(result).toMatchObject({ newConversations: 0, newMessages: 1 });
    expect(await countRows()).toEqual({ conversations: 1, messages: 2 });
  });

  it("records a network failure on the search source and keeps its cursor where it was", async () => {
    const [before] = await searchSource();
    await w.sim.injectFault({ endpoint: "search", status: 503, count: 1 });
    const result = await pollCampaign(w.state.campaignId);
    expect(result.sources.find((s) => s.kind === "x_search")).toMatchObject({ status: "failed", errorKind: "server" });
    const [after] = await searchSource();
    expect(after.cursor).toBe(before.cursor);
    expect(after.lastError).toBeTruthy();
    // After the backoff the next poll works again and clears the error.
    const later = new Date(after.nextPollAt!.getTime() + 1);
    expect((await pollCampaign(w.state.campaignId, { now: () => later })).sources.find((s) => s.kind === "x_search")?.status).toBe(
      "polled",
    );
    expect((await searchSource())[0].lastError).toBeNull();
    await w.db.update(campaignSources).set({ nextPollAt: null });
  });

  it("claims a due campaign once per check interval", async () => {
    await w.db.update(pollCursors).set({ nextPollAt: null });
    const now = new Date();
    expect(await claimDueCampaigns(now)).toEqual([w.state.campaignId]);
    expect(await claimDueCampaigns(new Date(now.getTime() + 5_000))).toEqual([]);
    expect(await claimDueCampaigns(new Date(now.getTime() + 10_001))).toEqual([w.state.campaignId]);
  });

  it("does not poll a stopped campaign", async () => {
    await w.setCampaign({ state: "stopped" });
    await w.db.update(pollCursors).set({ nextPollAt: null });
    expect(await claimDueCampaigns()).toEqual([]);
    await w.sim.postCustomerTweet({ authorHandle: "late", text: "relais ?" });
    expect((await pollCampaign(w.state.campaignId)).status).toBe("skipped");
    await w.setCampaign({ state: "running" });
  });

  it("pins the campaign's production script version on each new conversation", async () => {
    const [campaign] = await w.db.select().from(campaigns);
    const [first] = await w.db.select().from(conversations).orderBy(conversations.id).limit(1);
    expect(first.scriptVersionId).toBe(campaign.scriptVersionId);

    // The campaign moves to a newer production version: open conversations keep theirs.
    const [current] = await w.db.select().from(scriptVersions).where(eq(scriptVersions.id, campaign.scriptVersionId!));
    const [newer] = await w.db
      .insert(scriptVersions)
      .values({ scriptId: current.scriptId, kind: "production", number: current.number + 1, model: current.model, customerFile: null })
      .returning();
    await w.setCampaign({ scriptVersionId: newer.id });
    await w.sim.postCustomerTweet({ authorHandle: "newcomer", text: "relais, une question" });
    await pollCampaign(w.state.campaignId);
    const [newcomer] = await w.db.select().from(conversations).where(eq(conversations.authorHandle, "newcomer"));
    expect(newcomer.scriptVersionId).toBe(newer.id);
    expect((await w.db.select().from(conversations).where(eq(conversations.id, first.id)))[0].scriptVersionId).toBe(current.id);
  });
});
