import { describe, it, expect } from "vitest";
import { InngestTestEngine } from "@inngest/test";
import type { JobDefinition } from "@/lib/jobs/types";
import { toInngestFunction } from "./index";

// The JobStep sleep of a job definition is Inngest's own step.sleep once served to Inngest.
describe("a job that sleeps, served as an Inngest function", () => {
  const calls = { before: 0, after: 0 };
  const job: JobDefinition = {
    id: "sleep-then-work",
    triggers: [{ event: "relais/routing.requested" }],
    throttle: { limit: 2, period: "1m" },
    async handler({ step }) {
      await step.run("before", async () => ++calls.before);
      await step.sleep("pause", "1h");
      return step.run("after", async () => ++calls.after);
    },
  };
  const fn = toInngestFunction(job);

  it("passes the throttle to Inngest and sleeps with Inngest's step.sleep between its steps", async () => {
    expect((fn["opts"] as { throttle: unknown }).throttle).toEqual({ limit: 2, period: "1m" });
    // The test engine does not wait an hour: the sleep step is mocked, as @inngest/test does for any step.
    const t = new InngestTestEngine({ function: fn, steps: [{ id: "pause", handler: () => null }] });
    const { result, ctx } = await t.execute({ events: [{ name: "relais/routing.requested", data: { reason: "test" } }] });
    expect(ctx.step.sleep).toHaveBeenCalledWith("pause", "1h");
    expect(result).toBe(1);
    expect(calls).toEqual({ before: 1, after: 1 });
  });
});
