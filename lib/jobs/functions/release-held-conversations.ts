import type { JobContext, JobDefinition } from "@/lib/jobs/types";
import { releaseHeldConversations } from "@/lib/ingestion/held";

/**
 * Held conversations enter the queue when their campaign opens (lib/ingestion/held.ts). The cron
 * ticks every 15 s on the embedded runner (every minute on Inngest), so a queue opening at 09:00
 * receives its night's messages by 09:00:15; a pass that finds every campaign still closed costs
 * one indexed query. The release emits `relais/conversation.queued`, which wakes routing.
 */
export const releaseHeldConversationsJob: JobDefinition = {
  id: "release-held-conversations",
  triggers: [{ cron: "*/15 * * * * *" }, { event: "relais/held.release" }],
  concurrency: [{ limit: 1 }],
  coalesce: "job",
  retries: 3,
  async handler({ step }: JobContext) {
    return step.run("release", () => releaseHeldConversations());
  },
};
