import { assignConversationsJob, routingTimeoutsJob } from "./functions/assign-conversations";
import { fireCallbackJob } from "./functions/fire-callback";
import { deliverOutboxJob, sweepOutboxJob } from "./functions/deliver-outbox";
import { computeCampaignSummaryJob } from "./functions/compute-campaign-summary";
import { pollCampaignJob } from "./functions/poll-campaign";
import { releaseHeldConversationsJob } from "./functions/release-held-conversations";
import { purgeLoginAttemptsJob } from "./functions/purge-login-attempts";
import { summaryFollowsConfigJob } from "./functions/summary-follows-config";
import { deliverMassMessageJob, sweepMassMessagesJob } from "./functions/deliver-mass-message";
import type { JobDefinition } from "./types";

/** Every background job: run by the embedded runner, or served to Inngest (inngest/functions). */
export const jobs: JobDefinition[] = [
  pollCampaignJob,
  assignConversationsJob,
  computeCampaignSummaryJob,
  summaryFollowsConfigJob,
  releaseHeldConversationsJob,
  routingTimeoutsJob,
  fireCallbackJob,
  purgeLoginAttemptsJob,
  deliverOutboxJob,
  sweepOutboxJob,
  deliverMassMessageJob,
  sweepMassMessagesJob,
];
