import type { JobContext, JobDefinition } from "@/lib/jobs/types";
import { routeWaiting } from "@/lib/routing/assign";
import { dropLostAgents, expireOffers } from "@/lib/routing/presence";

/**
 * The routing listener: offers waiting conversations to eligible agents whenever either side
 * changes (a conversation queued or closed, an agent's presence, an explicit request), with a
 * safety cron (every 15 s embedded, every minute on Inngest) that also widens conversations
 * whose preferred wait has passed. A pass does the same work whatever woke it, so queued passes
 * coalesce into one, and one pass runs at a time (routing stays correct without it).
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
    const done = await step.run("assign", () => routeWaiting());
    return { assigned: done.length };
  },
};

/**
 * Offer timeouts and lost connections: woken at each offer's expiry (the delayed
 * `relais/offers.expiring` routing sends, one per second of expiry) and by a safety cron.
 * Offers not acted on go back to the queue and pause their agent; agents whose live connection
 * is gone past the grace period go Offline. What it requeues emits conversation.queued, which
 * wakes routing.
 */
export const routingTimeoutsJob: JobDefinition = {
  id: "routing-timeouts",
  triggers: [{ event: "relais/offers.expiring" }, { cron: "*/15 * * * * *" }],
  concurrency: [{ limit: 1 }],
  coalesce: "identical",
  retries: 3,
  async handler({ step }: JobContext) {
    const expired = await step.run("expire-offers", () => expireOffers());
    const lost = await step.run("drop-lost-agents", () => dropLostAgents());
    return { expired: expired.length, lost: lost.length };
  },
};
