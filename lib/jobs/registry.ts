import { assignConversationsJob } from "./functions/assign-conversations";
import { deliverOutboxJob, sweepOutboxJob } from "./functions/deliver-outbox";
import { computeCampaignSummaryJob } from "./functions/compute-campaign-summary";
import { pollCampaignJob } from "./functions/poll-campaign";
import { summaryFollowsConfigJob } from "./functions/summary-follows-config";
import type { JobDefinition } from "./types";

/** Every background job: run by the embedded runner, or served to Inngest (inngest/functions). */
export const jobs: JobDefinition[] = [
  pollCampaignJob,
  assignConversationsJob,
  computeCampaignSummaryJob,
  summaryFollowsConfigJob,
  deliverOutboxJob,
  sweepOutboxJob,
];
