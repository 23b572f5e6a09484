import type { JobContext, JobDefinition } from "@/lib/jobs/types";
import { claimDueCampaigns, pollCampaign } from "@/lib/ingestion/poll";

/**
 * Cron run: claims the running campaigns whose check interval has elapsed and fans out one
 * poll event per campaign. Event run: polls one campaign; runs for one campaign never overlap.
 *
 * The cron ticks every second on the embedded runner, so a campaign's check interval (10 s in
 * the demo, 2 s in the browser tests) is honoured to the second; Inngest's crons tick once a
 * minute, so there it is served as "* * * * *" (lib/jobs/cron.ts) and a campaign is polled at
 * most once a minute. The claim (poll_cursors.next_poll_at) makes extra ticks harmless.
 */
export const pollCampaignJob: JobDefinition = {
  id: "poll-campaign",
  triggers: [{ cron: "* * * * * *" }, { event: "relais/campaign.poll" }],
  concurrency: [{ key: "event.data.campaignId", limit: 1 }],
  retries: 2,
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
