import crypto from "node:crypto";
import { describe, it, expect } from "vitest";
import { eq } from "drizzle-orm";
import { agentProfiles, conversations, messages, qualificationStatuses } from "@/db/schema";
import { pollCampaign } from "@/lib/ingestion/poll";
import { assignWaitingConversations } from "@/lib/routing/assign";
import { qualifyConversation, setPresence } from "@/lib/conversations/mutations";
import { sendAnswer } from "@/lib/outbox/replies";
import { deliverOnce } from "@/lib/outbox/deliver";
import { outbox } from "@/db/schema";
import { currentConversation } from "@/lib/conversations/queries";
import { setupDemoWorkspace } from "./demo-fixture";

describe("an agent answers and qualifies a conversation", () => {
  const w = setupDemoWorkspace();

  it("gives the conversation to one ready agent, posts the reply once, and closes it with a frozen qualification", async () => {
    const [agentA, agentB] = w.state.agents;
    const tweet = await w.sim.postCustomerTweet({
      authorHandle: "marc",
      authorName: "Marc",
      text: "@relais_demo Relais, où est ma commande ?",
    });
    await pollCampaign(w.state.campaignId);

    // Nobody is ready: the conversation waits.
    expect(await assignWaitingConversations()).toEqual([]);
    await setPresence(agentA, "ready");
    const assigned = await assignWaitingConversations();
    expect(assigned).toHaveLength(1);
    expect(assigned[0].agentId).toBe(agentA);
    await setPresence(agentB, "ready");
    expect(await assignWaitingConversations()).toEqual([]);

    const conv = await currentConversation(agentA);
    expect(conv?.thread.map((m) => m.text)).toEqual(["@relais_demo Relais, où est ma commande ?"]);
    expect(await currentConversation(agentB)).toBeNull();

    // Another agent can neither answer nor close it.
    await expect(
      sendAnswer(agentB, { conversationId: conv!.id, kind: "x_reply", text: "Hello", idempotencyKey: crypto.randomUUID() }),
    ).rejects.toThrow("workspace.errors.notYours");

    const requestKey = crypto.randomUUID();
    const reply = {
      conversationId: conv!.id,
      kind: "x_reply" as const,
      text: "Bonjour Marc, elle arrive demain.",
      idempotencyKey: requestKey,
    };
    const first = await sendAnswer(agentA, reply);
    const second = await sendAnswer(agentA, reply); // a double submit
    expect(second.id).toBe(first.id);
    await deliverOnce(first.id);
    await deliverOnce(first.id);
    const replies = await w.sim.listReplies();
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatchObject({ text: "Bonjour Marc, elle arrive demain.", inReplyToId: tweet.id });

    const statuses = await w.db.select().from(qualificationStatuses);
    const positive = statuses.find((s) => s.category === "positive")!;
    await expect(qualifyConversation(agentB, { conversationId: conv!.id, statusId: positive.id })).rejects.toThrow(
      "workspace.errors.notYours",
    );
    await qualifyConversation(agentA, { conversationId: conv!.id, statusId: positive.id });

    // Editing the status afterwards does not rewrite history.
    await w.db
      .update(qualificationStatuses)
      .set({ label: "Renamed", category: "not_argued", benefit: "999" })
      .where(eq(qualificationStatuses.id, positive.id));
    const [closed] = await w.db.select().from(conversations).where(eq(conversations.id, conv!.id));
    expect(closed).toMatchObject({
      status: "closed",
      qualificationCode: positive.code,
      qualificationLabel: positive.label,
      qualificationCategory: "positive",
      qualificationBenefit: positive.benefit,
      qualifiedBy: agentA,
    });
    expect(await currentConversation(agentA)).toBeNull();
    const outbound = await w.db.select().from(messages).where(eq(messages.direction, "out"));
    expect(outbound).toHaveLength(1);
    expect(outbound[0]).toMatchObject({ sendState: "sent", externalId: replies[0].id });
  });

  it("refuses a qualification from another campaign's group", async () => {
    const [agentA, agentB] = w.state.agents;
    await w.sim.postCustomerTweet({ authorHandle: "lea", text: "@relais_demo relais encore" });
    await pollCampaign(w.state.campaignId);
    await assignWaitingConversations();
    // Closing paused agent A (his profile is not «Directement Prêt»): the Ready agent B gets it.
    expect(await currentConversation(agentA)).toBeNull();
    const conv = await currentConversation(agentB);
    expect(conv).not.toBeNull();
    await expect(qualifyConversation(agentB, { conversationId: conv!.id, statusId: 999_999 })).rejects.toThrow(
      "workspace.errors.qualificationInvalid",
    );
  });

  it("keeps a reply the network answered 503 to queued for a later attempt, without posting", async () => {
    const [, agentB] = w.state.agents;
    const conv = await currentConversation(agentB);
    await w.sim.injectFault({ endpoint: "post", status: 503, count: 1 });
    const before = (await w.sim.listReplies()).length;
    const queued = await sendAnswer(agentB, {
      conversationId: conv!.id,
      kind: "x_reply",
      text: "Nous regardons.",
      idempotencyKey: crypto.randomUUID(),
    });
    expect(await deliverOnce(queued.id)).toBe("queued");
    expect((await w.sim.listReplies()).length).toBe(before);
    const [row] = await w.db.select().from(outbox).where(eq(outbox.id, queued.id));
    expect(row).toMatchObject({ state: "queued", errorReason: "outbox.reasons.networkError", errorCode: "503", attempts: 1 });
  });
});

describe("routing under contention", () => {
  const w = setupDemoWorkspace();

  it("assigns each conversation to one agent and no agent above his capacity, with parallel routers", async () => {
    for (let i = 0; i < 12; i++) await w.sim.postCustomerTweet({ authorHandle: `client${i}`, text: `relais question ${i}` });
    await pollCampaign(w.state.campaignId);
    for (const agent of w.state.agents) await setPresence(agent, "ready");
    // The demo's agent 1003 works two conversations at once; the others one.
    const profiles = await w.db.select({ userId: agentProfiles.userId, max: agentProfiles.maxConversations }).from(agentProfiles);
    const capacity = (id: number) => profiles.find((p) => p.userId === id)?.max ?? 1;
    const total = w.state.agents.reduce((n, id) => n + capacity(id), 0);

    const results = (await Promise.all([assignWaitingConversations(), assignWaitingConversations(), assignWaitingConversations()])).flat();
    expect(results).toHaveLength(total);
    for (const agent of w.state.agents) expect(results.filter((r) => r.agentId === agent)).toHaveLength(capacity(agent));
    expect(new Set(results.map((r) => r.conversationId)).size).toBe(total);

    const rows = await w.db.select().from(conversations);
    expect(rows.filter((c) => c.status === "assigned")).toHaveLength(total);
    expect(rows.filter((c) => c.status === "waiting")).toHaveLength(12 - total);
  });
});
