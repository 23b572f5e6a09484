import type { JobContext, JobDefinition } from "@/lib/jobs/types";
import { computeCampaignSummaries } from "@/lib/summary/compute";

/**
 * Keeps the campaign summaries current: an event run recomputes the campaign that changed (or all
 * of them when the event names none); the cron is a safety net for a lost event or a change made
 * outside Relais (a customer-file table dropped by hand). Runs for one campaign never overlap.
 */
export const computeCampaignSummaryJob: JobDefinition = {
  id: "compute-campaign-summary",
  triggers: [{ event: "relais/campaign.changed" }, { cron: "*/5 * * * *" }],
  concurrency: [{ key: "event.data.campaignId", limit: 1 }],
  retries: 3,
  async handler({ event, step }: JobContext) {
    const campaignId = Number(event.data?.campaignId);
    const ids = Number.isInteger(campaignId) && campaignId > 0 ? [campaignId] : undefined;
    return step.run("compute-summaries", () => computeCampaignSummaries(ids));
  },
};
