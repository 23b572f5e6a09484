import type { ConfigChange } from "@/lib/events/types";
import type { JobContext, JobDefinition } from "@/lib/jobs/types";
import { campaignsTouchedBy } from "@/lib/summary/dependents";

// Above this many campaigns one "every campaign" run (a fixed number of queries) is cheaper
// than one run per campaign.
const MANY = 20;

/**
 * The summary listener of configuration changes: works out which campaigns read the changed
 * object and asks for their summaries only (compute-campaign-summary).
 */
export const summaryFollowsConfigJob: JobDefinition = {
  id: "summary-follows-config",
  triggers: [{ event: "relais/config.changed" }],
  retries: 3,
  async handler({ event, step }: JobContext) {
    const campaigns = await step.run("campaigns-touched", () => campaignsTouchedBy(event.data as unknown as ConfigChange));
    if (campaigns.length === 0) return { campaigns };
    await step.sendEvent(
      "recompute-summaries",
      campaigns.length > MANY
        ? { name: "relais/campaign.changed", data: {} }
        : campaigns.map((campaignId) => ({ name: "relais/campaign.changed" as const, data: { campaignId } })),
    );
    return { campaigns };
  },
};
