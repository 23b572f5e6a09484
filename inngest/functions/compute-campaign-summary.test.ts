import { describe, it, expect } from "vitest";
import { InngestTestEngine } from "@inngest/test";
import { eq } from "drizzle-orm";
import { campaigns, campaignSummaries } from "@/db/schema";
import { setupDemoWorkspace } from "@/tests/demo-fixture";
import { functions } from "./index";

const summaryFunction = functions.find((f) => f.id().endsWith("compute-campaign-summary"))!;

describe("Inngest function compute-campaign-summary", () => {
  const w = setupDemoWorkspace();

  it("declares the change event, a 5-minute safety cron and one run at a time per campaign", () => {
    const config = summaryFunction["opts"] as { triggers: unknown[]; concurrency: unknown };
    expect(config.triggers).toEqual([{ event: "relais/campaign.changed" }, { cron: "*/5 * * * *" }]);
    expect(config.concurrency).toEqual([{ key: "event.data.campaignId", limit: 1 }]);
  });

  it("on a change event, computes and stores that campaign's summary (and stops it: it has no script)", async () => {
    await w.setCampaign({ scriptId: null, scriptVersionId: null });
    const t = new InngestTestEngine({ function: summaryFunction });
    const { result } = await t.execute({ events: [{ name: "relais/campaign.changed", data: { campaignId: w.state.campaignId } }] });
    expect(result).toEqual({ computed: 1, changed: [w.state.campaignId], stopped: [w.state.campaignId] });
    const [stored] = await w.db.select().from(campaignSummaries).where(eq(campaignSummaries.campaignId, w.state.campaignId));
    expect(stored.overall).toBe("red");
    const [campaign] = await w.db.select({ state: campaigns.state }).from(campaigns).where(eq(campaigns.id, w.state.campaignId));
    expect(campaign.state).toBe("stopped");
  });

  it("on its cron, recomputes every campaign, and reports no change when nothing changed", async () => {
    const [demo] = await w.db.select().from(campaigns).where(eq(campaigns.id, w.state.campaignId));
    const [other] = await w.db.insert(campaigns).values({ type: "facebook", name: "Page Facebook", queueId: demo.queueId }).returning();
    const cron = () =>
      new InngestTestEngine({ function: summaryFunction }).execute({ events: [{ name: "inngest/scheduled.timer", data: {} }] });
    expect((await cron()).result).toEqual({ computed: 2, changed: [other.id], stopped: [] });
    expect((await cron()).result).toEqual({ computed: 2, changed: [], stopped: [] });
  });
});
