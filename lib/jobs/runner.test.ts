import { describe, it, expect } from "vitest";
import { setupTestDatabase } from "@/tests/db";
import { EmbeddedRunner } from "./runner";
import type { JobDefinition } from "./types";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("embedded job runner", () => {
  setupTestDatabase();

  it("runs events sharing a concurrency key one at a time, and other keys in parallel", async () => {
    const running = new Map<number, number>();
    const maxPerKey = new Map<number, number>();
    let maxOverall = 0;
    let overall = 0;
    const job: JobDefinition = {
      id: "poll",
      triggers: [{ event: "relais/campaign.poll" }],
      concurrency: [{ key: "event.data.campaignId", limit: 1 }],
      async handler({ event }) {
        const id = Number(event.data.campaignId);
        running.set(id, (running.get(id) ?? 0) + 1);
        overall++;
        maxOverall = Math.max(maxOverall, overall);
        maxPerKey.set(id, Math.max(maxPerKey.get(id) ?? 0, running.get(id)!));
        await sleep(20);
        running.set(id, running.get(id)! - 1);
        overall--;
      },
    };
    const runner = new EmbeddedRunner([job]);
    for (let i = 0; i < 4; i++) {
      void runner.send({ name: "relais/campaign.poll", data: { campaignId: 1 } });
      void runner.send({ name: "relais/campaign.poll", data: { campaignId: 2 } });
    }
    await runner.idle();
    expect(maxPerKey.get(1)).toBe(1);
    expect(maxPerKey.get(2)).toBe(1);
    expect(maxOverall).toBe(2);
  });

  it("retries a failing job with backoff until it succeeds, and gives up after its retries", async () => {
    let calls = 0;
    const flaky: JobDefinition = {
      id: "flaky",
      triggers: [{ event: "relais/routing.requested" }],
      retries: 3,
      async handler() {
        calls++;
        if (calls < 3) throw new Error("transient");
      },
    };
    let hopelessCalls = 0;
    const hopeless: JobDefinition = {
      id: "hopeless",
      triggers: [{ event: "relais/routing.requested" }],
      retries: 2,
      async handler() {
        hopelessCalls++;
        throw new Error("always");
      },
    };
    const failures: string[] = [];
    const runner = new EmbeddedRunner([flaky, hopeless], { baseBackoffMs: 5, log: (m) => failures.push(m) });
    void runner.send({ name: "relais/routing.requested", data: { reason: "test" } });
    await sleep(200);
    await runner.idle();
    expect(calls).toBe(3);
    expect(hopelessCalls).toBe(3);
    expect(failures.filter((f) => f.includes("hopeless"))).toHaveLength(3);
    await runner.stop();
  });

  it("fires cron jobs at start and then on their tick, until stopped", async () => {
    let ticks = 0;
    const cron: JobDefinition = {
      id: "tick",
      triggers: [{ cron: "* * * * * *" }],
      async handler() {
        ticks++;
      },
    };
    // A clock running 100 times faster: the every-second cron ticks every 10 ms of real time.
    const origin = Date.now();
    const fast = () => new Date(origin + (Date.now() - origin) * 100);
    const runner = new EmbeddedRunner([cron], { now: fast, pollMs: 5 });
    await runner.start();
    for (let waited = 0; ticks < 3 && waited < 10_000; waited += 10) await sleep(10);
    await runner.stop();
    const seen = ticks;
    expect(seen).toBeGreaterThanOrEqual(3);
    await sleep(80);
    expect(ticks).toBe(seen);
  });

  it("forwards events sent by a step to the jobs they trigger", async () => {
    const got: number[] = [];
    const fanOut: JobDefinition = {
      id: "fan-out",
      triggers: [{ event: "relais/routing.requested" }],
      async handler({ step }) {
        await step.sendEvent(
          "fan",
          [1, 2, 3].map((campaignId) => ({ name: "relais/campaign.poll" as const, data: { campaignId } })),
        );
      },
    };
    const poll: JobDefinition = {
      id: "poll",
      triggers: [{ event: "relais/campaign.poll" }],
      async handler({ event }) {
        got.push(Number(event.data.campaignId));
      },
    };
    const runner = new EmbeddedRunner([fanOut, poll]);
    void runner.send({ name: "relais/routing.requested", data: { reason: "x" } });
    await runner.idle();
    expect(got.sort()).toEqual([1, 2, 3]);
  });
});
