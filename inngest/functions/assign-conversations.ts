import type { JobContext, JobDefinition } from "@/lib/jobs/events";
import { assignWaitingConversations } from "@/lib/routing/assign";

/** Offers waiting conversations to ready agents whenever either side changes. */
export const assignConversationsJob: JobDefinition = {
  id: "assign-conversations",
  triggers: [{ event: "relais/routing.requested" }, { cron: "* * * * *" }],
  concurrency: [{ limit: 1 }],
  retries: 3,
  embeddedEveryMs: 15_000,
  async handler({ step }: JobContext) {
    return step.run("assign", () => assignWaitingConversations());
  },
};
