import type { JobContext, JobDefinition } from "@/lib/jobs/events";
import { inngest } from "../client";
import { pollCampaignJob } from "./poll-campaign";
import { assignConversationsJob } from "./assign-conversations";
import { computeCampaignSummaryJob } from "./compute-campaign-summary";

export const jobs: JobDefinition[] = [pollCampaignJob, assignConversationsJob, computeCampaignSummaryJob];

/** The same definitions as Inngest functions, served at /api/inngest. */
export const functions = jobs.map((job) =>
  inngest.createFunction(
    { id: job.id, triggers: job.triggers, concurrency: job.concurrency, retries: job.retries as 0 },
    (ctx) => job.handler(ctx as unknown as JobContext),
  ),
);
