import { and, eq, lt, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { massMessages } from "@/db/schema";
import { emit } from "@/lib/events/emit";
import type { JobContext, JobDefinition } from "@/lib/jobs/types";
import { deliverSlice, type SliceResult } from "@/lib/mass-message/deliver";

async function requestSummary(id: number): Promise<void> {
  const db = await getDb();
  const [mm] = await db
    .select({ campaignId: massMessages.campaignId, failed: massMessages.failedCount })
    .from(massMessages)
    .where(eq(massMessages.id, id));
  if (mm && mm.failed > 0) await emit(db, { name: "relais/campaign.changed", data: { campaignId: mm.campaignId } });
}

/** Slices per run (20 s each): a long send hands over to a fresh run so no run's step list grows without end. */
const SLICES_PER_RUN = 30;

/**
 * Delivers a running mass message, one 20-second slice per step. Progress lives in the recipient
 * rows, so a slice cut short by a crash is simply done again by the resumed run (rows it left
 * `sending` are read back first). One run per mass message at a time, on any number of hosts.
 */
export const deliverMassMessageJob: JobDefinition = {
  id: "deliver-mass-message",
  triggers: [{ event: "relais/massMessage.started" }],
  concurrency: [{ key: "event.data.massMessageId", limit: 1 }],
  coalesce: "identical",
  retries: 10,
  async handler({ event, step }: JobContext) {
    const id = Number(event.data?.massMessageId);
    if (!Number.isInteger(id) || id <= 0) return { skipped: "no mass message id" };
    for (let i = 0; i < SLICES_PER_RUN; i++) {
      const result = await step.run<SliceResult>(`slice-${i}`, () => deliverSlice(id));
      if (result.state !== "running") {
        // The campaign summary's «Messages en masse» counts the recipients reported failed.
        await step.run("summary", () => requestSummary(id));
        return { id, state: result.state };
      }
      if (result.wakeAt) await step.sleepUntil(`throttled-${i}`, result.wakeAt);
    }
    await step.sendEvent("continue", { name: "relais/massMessage.started", data: { massMessageId: id } });
    return { id, state: "running", continued: true };
  },
};

/**
 * Safety net: a running mass message whose counts have not moved for two minutes gets its
 * delivery started again (a lost run); a duplicate run waits behind the first (concurrency 1).
 */
export const sweepMassMessagesJob: JobDefinition = {
  id: "sweep-mass-messages",
  triggers: [{ cron: "*/30 * * * * *" }],
  concurrency: [{ limit: 1 }],
  retries: 1,
  async handler({ step }: JobContext) {
    const ids = await step.run("stalled", async () => {
      const db = await getDb();
      const rows = await db
        .select({ id: massMessages.id })
        .from(massMessages)
        .where(
          and(
            eq(massMessages.status, "running"),
            lt(massMessages.updatedAt, new Date(Date.now() - 120_000)),
            sql`(${massMessages.throttledUntil} is null or ${massMessages.throttledUntil} < now())`,
            sql`not exists (select 1 from job_runs j where j.job_id = 'deliver-mass-message' and j.state in ('queued', 'scheduled', 'running')
                  and (j.event_data->>'massMessageId')::int = ${massMessages.id})`,
          ),
        );
      return rows.map((r) => r.id);
    });
    if (ids.length > 0)
      await step.sendEvent(
        "restart",
        ids.map((massMessageId) => ({ name: "relais/massMessage.started" as const, data: { massMessageId } })),
      );
    return { restarted: ids };
  },
};
