import type { JobContext, JobDefinition } from "@/lib/jobs/events";
import { claimDueCampaigns, pollCampaign } from "@/lib/ingestion/poll";

/**
 * Cron run: claims the running campaigns whose check interval has elapsed and fans out one
 * poll event per campaign. Event run: polls one campaign; runs for one campaign never overlap.
 */
export const pollCampaignJob: JobDefinition = {
  id: "poll-campaign",
  triggers: [{ cron: "* * * * *" }, { event: "relais/campaign.poll" }],
  concurrency: [{ key: "event.data.campaignId", limit: 1 }],
  retries: 2,
  embeddedEveryMs: Number(process.env.RELAIS_SCHEDULER_TICK_MS || 2000),
  async handler({ event, step }: JobContext) {
    const campaignId = Number(event.data?.campaignId);
    if (!campaignId) {
      const due = await step.run("claim-due-campaigns", () => claimDueCampaigns());
      if (due.length > 0) {
        await step.sendEvent(
          "fan-out-polls",
          due.map((id) => ({ name: "relais/campaign.poll" as const, data: { campaignId: id } })),
        );
      }
      return { scheduled: due };
    }
    const result = await step.run("poll", () => pollCampaign(campaignId));
    if (result.newConversations > 0 || result.newMessages > 0) {
      await step.sendEvent("route-new-messages", { name: "relais/routing.requested", data: { reason: "ingested" } });
    }
    return result;
  },
};
