import { jobs } from "@/lib/jobs/registry";
import { toInngestCron } from "@/lib/jobs/cron";
import type { JobContext, JobDefinition } from "@/lib/jobs/types";
import { inngest } from "../client";

/** One job definition as an Inngest function: the same options, a cron in its minute form. */
export function toInngestFunction(job: JobDefinition) {
  return inngest.createFunction(
    {
      id: job.id,
      triggers: job.triggers.map((t) => ("cron" in t ? { cron: toInngestCron(t.cron) } : t)),
      concurrency: job.concurrency,
      ...(job.throttle ? { throttle: job.throttle as { limit: number; period: "1s"; key?: string } } : {}),
      retries: job.retries as 0,
    },
    (ctx) => job.handler(ctx as unknown as JobContext),
  );
}

/** The job registry (lib/jobs/registry.ts) as Inngest functions, served at /api/inngest. */
export const functions = jobs.map(toInngestFunction);
