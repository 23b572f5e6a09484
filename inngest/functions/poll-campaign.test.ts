import { describe, it, expect } from "vitest";
import { InngestTestEngine } from "@inngest/test";
import { count } from "drizzle-orm";
import { conversations, pollCursors } from "@/db/schema";
import { setupDemoWorkspace } from "@/tests/demo-fixture";
import { functions } from "./index";

const pollFunction = functions.find((f) => f.id().endsWith("poll-campaign"))!;

// Sending events needs an Inngest server: the send steps are mocked, and asserted on.
const sentEvents = () => [
  { id: "fan-out-polls", handler: () => ({ ids: [] }) },
  { id: "route-new-messages", handler: () => ({ ids: [] }) },
];

describe("Inngest function poll-campaign", () => {
  const w = setupDemoWorkspace();

  it("declares a cron, the poll event and one run at a time per campaign", () => {
    const config = pollFunction["opts"] as { triggers: unknown[]; concurrency: unknown };
    expect(config.triggers).toEqual([{ cron: "* * * * *" }, { event: "relais/campaign.poll" }]);
    expect(config.concurrency).toEqual([{ key: "event.data.campaignId", limit: 1 }]);
  });

  it("on its cron, claims the due campaign and fans out a poll event for it", async () => {
    await w.db.update(pollCursors).set({ nextPollAt: null });
    const t = new InngestTestEngine({ function: pollFunction, steps: sentEvents() });
    const { result, ctx } = await t.execute({ events: [{ name: "inngest/scheduled.timer", data: {} }] });
    expect(result).toEqual({ scheduled: [w.state.campaignId] });
    expect(ctx.step.sendEvent).toHaveBeenCalledWith("fan-out-polls", [
      { name: "relais/campaign.poll", data: { campaignId: w.state.campaignId } },
    ]);
    // Claimed: the next cron run within the interval schedules nothing.
    const again = await new InngestTestEngine({ function: pollFunction, steps: sentEvents() }).execute({
      events: [{ name: "inngest/scheduled.timer", data: {} }],
    });
    expect(again.result).toEqual({ scheduled: [] });
  });

  it("on a poll event, stores the campaign's new tweets as conversations", async () => {
    await w.sim.postCustomerTweet({ authorHandle: "inngest_user", text: "relais via inngest" });
    const t = new InngestTestEngine({ function: pollFunction, steps: sentEvents() });
    const { result, ctx } = await t.execute({ events: [{ name: "relais/campaign.poll", data: { campaignId: w.state.campaignId } }] });
    expect(result).toMatchObject({ status: "polled", newConversations: 1 });
    expect(ctx.step.sendEvent).toHaveBeenCalledWith("route-new-messages", {
      name: "relais/routing.requested",
      data: { reason: "ingested" },
    });
    const [{ n }] = await w.db.select({ n: count() }).from(conversations);
    expect(n).toBe(1);
  });
});
