import type { JobContext, JobDefinition } from "@/lib/jobs/types";
import { fireCallback } from "@/lib/conversations/callbacks";

/**
 * A callback's delayed run: `scheduleCallback` emits `relais/callback.due` with `ts` = its time,
 * so the run starts then (embedded runner or Inngest alike) and gives the conversation back.
 */
export const fireCallbackJob: JobDefinition = {
  id: "fire-callback",
  triggers: [{ event: "relais/callback.due" }],
  retries: 5,
  async handler({ event, step }: JobContext) {
    const callbackId = Number(event.data?.callbackId);
    const result = await step.run("fire", () => fireCallback(callbackId));
    if (result.to === "queue") await step.sendEvent("route", { name: "relais/routing.requested", data: { reason: "callback" } });
    return result;
  },
};
