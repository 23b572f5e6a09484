import type { JobContext, JobDefinition } from "@/lib/jobs/types";
import { callNetwork, claimRow, dueRows, reconcileStuck, recordOutcome, type AttemptOutcome } from "@/lib/outbox/deliver";

/**
 * Delivers one outbox row. The claim and the network call are one step, whose result the
 * runner keeps: a run resumed after a failure to record the outcome records it without calling
 * the network again, and a run resumed after a crash mid-call finds the row already `sending`
 * and leaves it to the reconciler instead of sending blindly.
 */
export const deliverOutboxJob: JobDefinition = {
  id: "deliver-outbox",
  triggers: [{ event: "relais/outbox.queued" }],
  concurrency: [{ key: "event.data.outboxId", limit: 1 }],
  retries: 5,
  async handler({ event, step }: JobContext) {
    const id = Number(event.data?.outboxId);
    if (!Number.isInteger(id) || id <= 0) return { skipped: "no outbox id" };
    const outcome = await step.run<AttemptOutcome>("attempt", async () => {
      const claimed = await claimRow(id);
      return claimed ? callNetwork(claimed) : { type: "skipped", state: "queued" };
    });
    const state = await step.run("record", () => recordOutcome(id, outcome));
    return { id, state };
  },
};

/**
 * The outbox's safety net: hands due rows whose event was lost to the delivery job again and
 * reconciles rows an interrupted attempt left `sending`.
 */
export const sweepOutboxJob: JobDefinition = {
  id: "sweep-outbox",
  triggers: [{ cron: "*/15 * * * * *" }],
  concurrency: [{ limit: 1 }],
  retries: 1,
  async handler({ step }: JobContext) {
    const reconciled = await step.run("reconcile", () => reconcileStuck());
    const due = await step.run("due", () => dueRows());
    if (due.length > 0)
      await step.sendEvent(
        "redeliver",
        due.map((outboxId) => ({ name: "relais/outbox.queued" as const, data: { outboxId } })),
      );
    return { reconciled, due };
  },
};
