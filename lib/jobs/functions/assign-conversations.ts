import type { JobContext, JobDefinition } from "@/lib/jobs/types";
import { assignWaitingConversations } from "@/lib/routing/assign";

/**
 * The routing listener: offers waiting conversations to ready agents whenever either side
 * changes (a conversation queued or closed, an agent's presence, an explicit request), with a
 * safety cron (every 15 s embedded, every minute on Inngest). A pass does the same work
 * whatever woke it, so queued passes coalesce into one.
 */
export const assignConversationsJob: JobDefinition = {
  id: "assign-conversations",
  triggers: [
    { event: "relais/routing.requested" },
    { event: "relais/conversation.queued" },
    { event: "relais/conversation.closed" },
    { event: "relais/agent.presence" },
    { cron: "*/15 * * * * *" },
  ],
  concurrency: [{ limit: 1 }],
  coalesce: "job",
  retries: 3,
  async handler({ step }: JobContext) {
    return step.run("assign", () => assignWaitingConversations());
  },
};
