import { afterEach, describe, it, expect } from "vitest";
import { and, eq } from "drizzle-orm";
import { jobRuns } from "@/db/schema";
import { emit } from "@/lib/events/emit";
import { setupTestDatabase } from "@/tests/db";
import { EmbeddedRunner, type RunnerOptions } from "./runner";
import { pruneHistory } from "./store";
import type { JobDefinition } from "./types";

// Time is the runners' injected clock, moved by hand: nothing here waits for a real delay, so
// "not before its time" is checked at an instant before it, and "at its time" at that instant.
const clock = (() => {
  let t = Date.parse("2026-03-02T09:00:00Z");
  return { now: () => new Date(t), advance: (ms: number) => void (t += ms) };
})();
const MINUTE = 60_000;

describe("durable embedded runner (database)", () => {
  const db = setupTestDatabase();
  const runners: EmbeddedRunner[] = [];
  const runner = (jobs: JobDefinition[], options: RunnerOptions = {}) => {
    const r = new EmbeddedRunner(jobs, { now: clock.now, baseBackoffMs: 1000, ...options });
    runners.push(r);
    return r;
  };
  afterEach(async () => {
    for (const r of runners.splice(0)) await Promise.race([r.stop(), new Promise((resolve) => setTimeout(resolve, 100))]);
  });
  const runsOf = (jobId: string) => db.handle.db.select().from(jobRuns).where(eq(jobRuns.jobId, jobId));
  const routing = (reason: string) => ({ name: "relais/routing.requested" as const, data: { reason } });

  it("a runner killed mid-queue: a new runner on the same database does every pending run, each once", async () => {
    const done: string[] = [];
    let dying = true;
    const job: JobDefinition = {
      id: "restart-work",
      triggers: [{ event: "relais/routing.requested" }],
      concurrency: [{ limit: 1 }],
      async handler({ event, step }) {
        const n = String(event.data.reason);
        await step.run("work", async () => {
          // The first process dies while doing run 2: it never finishes it.
          if (dying && n === "2") await new Promise(() => {});
          done.push(n);
        });
      },
    };
    const first = runner([job], { leaseMs: MINUTE });
    for (const n of ["1", "2", "3", "4", "5"]) await first.send(routing(n));
    for (let i = 0; i < 500 && !(await runsOf(job.id)).some((r) => r.state === "running" && r.eventData.reason === "2"); i++) {
      await new Promise((r) => setTimeout(r, 10));
    }
    first.abandon();
    expect(done).toEqual(["1"]);
    const left = await runsOf(job.id);
    expect(left.filter((r) => r.state === "queued")).toHaveLength(3);

    dying = false;
    const second = runner([job], { leaseMs: MINUTE });
    // The dead runner's lease still holds: run 2 is not taken over, and nothing passes it.
    await second.idle();
    expect(done).toEqual(["1"]);
    clock.advance(MINUTE + 1);
    await second.idle();
    expect(done).toEqual(["1", "2", "3", "4", "5"]);
    const runs = await runsOf(job.id);
    expect(runs.map((r) => r.state)).toEqual(["done", "done", "done", "done", "done"]);
    expect(runs.find((r) => r.eventData.reason === "2")?.attempt).toBe(1);
    // A third runner on the same database finds nothing left to do.
    await runner([job]).idle();
    expect(done).toHaveLength(5);
  });

  it("the embedded database's sole runner resumes at start what a killed process left running, without waiting for its lease", async () => {
    let dying = true;
    const done: string[] = [];
    const job: JobDefinition = {
      id: "sole-runner-work",
      triggers: [{ event: "relais/routing.requested" }],
      async handler({ event }) {
        if (dying) await new Promise(() => {});
        done.push(String(event.data.reason));
      },
    };
    const first = runner([job]);
    await first.send(routing("left running"));
    // Under a loaded machine the first runner can take seconds to claim the run: wait until it
    // holds it (and say so if it never does), so the second runner finds a run left running.
    for (let i = 0; i < 3000 && !(await runsOf(job.id)).some((r) => r.state === "running"); i++)
      await new Promise((r) => setTimeout(r, 10));
    expect((await runsOf(job.id)).map((r) => r.state)).toContain("running");
    first.abandon();
    dying = false;
    const second = runner([job], { soleRunner: true });
    await second.start();
    await second.idle();
    expect(done).toEqual(["left running"]);
  });

  it("two identical pending runs coalesce into one; different ones do not", async () => {
    let calls = 0;
    const job: JobDefinition = {
      id: "coalesce-work",
      triggers: [{ event: "relais/campaign.changed" }],
      async handler() {
        calls++;
      },
    };
    const r = runner([job]);
    const later = clock.now().getTime() + 10 * MINUTE;
    // Identical in one batch, then identical again once the first is stored and still pending.
    await emit(db.handle.db, [
      { name: "relais/campaign.changed", data: { campaignId: 7 }, ts: later },
      { name: "relais/campaign.changed", data: { campaignId: 7 }, ts: later },
    ]);
    await r.idle();
    await emit(db.handle.db, { name: "relais/campaign.changed", data: { campaignId: 7 }, ts: later + MINUTE });
    await emit(db.handle.db, { name: "relais/campaign.changed", data: { campaignId: 8 }, ts: later });
    await r.idle();
    const queued = await db.handle.db
      .select()
      .from(jobRuns)
      .where(and(eq(jobRuns.jobId, job.id), eq(jobRuns.state, "queued")));
    expect(queued.map((q) => q.eventData.campaignId).sort()).toEqual([7, 8]);
    clock.advance(10 * MINUTE);
    await r.idle();
    expect(calls).toBe(2);
  });

  it("a job coalescing per job folds different pending events into one run", async () => {
    const seen: string[] = [];
    const job: JobDefinition = {
      id: "routing-pass",
      triggers: [{ event: "relais/routing.requested" }],
      concurrency: [{ limit: 1 }],
      coalesce: "job",
      async handler({ event }) {
        seen.push(String(event.data.reason));
      },
    };
    await emit(db.handle.db, [routing("a"), routing("b"), routing("c")]);
    await runner([job]).idle();
    expect(seen).toEqual(["a"]);
  });

  it("a delayed run fires at its time, not before, and delayed runs fire in time order", async () => {
    const fired: number[] = [];
    const job: JobDefinition = {
      id: "delayed-work",
      triggers: [{ event: "relais/campaign.changed" }],
      async handler({ event }) {
        fired.push(Number(event.data.campaignId));
      },
    };
    const r = runner([job]);
    const start = clock.now().getTime();
    await emit(db.handle.db, [
      { name: "relais/campaign.changed", data: { campaignId: 2 }, ts: start + 2 * 60 * MINUTE },
      { name: "relais/campaign.changed", data: { campaignId: 1 }, ts: start + 60 * MINUTE },
    ]);
    await r.idle();
    expect(fired).toEqual([]);
    clock.advance(60 * MINUTE - 1);
    await r.idle();
    expect(fired).toEqual([]);
    clock.advance(1);
    await r.idle();
    expect(fired).toEqual([1]);
    clock.advance(60 * MINUTE);
    await r.idle();
    expect(fired).toEqual([1, 2]);
  });

  it("a throttle starts at most `limit` runs per period and delays the others, dropping none", async () => {
    const started: string[] = [];
    const job: JobDefinition = {
      id: "throttled-work",
      triggers: [{ event: "relais/routing.requested" }],
      throttle: { limit: 2, period: "1m" },
      async handler({ event }) {
        started.push(String(event.data.reason));
      },
    };
    const r = runner([job]);
    await emit(db.handle.db, ["1", "2", "3", "4", "5"].map(routing));
    await r.idle();
    expect(started).toHaveLength(2);
    clock.advance(30_000);
    await r.idle();
    expect(started).toHaveLength(2);
    clock.advance(30_000);
    await r.idle();
    expect(started).toHaveLength(4);
    clock.advance(MINUTE);
    await r.idle();
    expect(started.sort()).toEqual(["1", "2", "3", "4", "5"]);
  });

  it("a step sleep reschedules the run; it resumes after the sleep, even on another runner, without redoing its steps", async () => {
    const calls = { before: 0, after: 0 };
    const job: JobDefinition = {
      id: "sleeping-work",
      triggers: [{ event: "relais/routing.requested" }],
      async handler({ step }) {
        const stamp = await step.run("before", async () => {
          calls.before++;
          return { at: "before" };
        });
        await step.sleep("pause", "1h");
        await step.run("after", async () => {
          calls.after++;
          return stamp;
        });
      },
    };
    const first = runner([job]);
    await first.send(routing("sleep"));
    await first.idle();
    expect(calls).toEqual({ before: 1, after: 0 });
    const [sleeping] = await runsOf(job.id);
    expect(sleeping.state).toBe("scheduled");
    expect(sleeping.runAt.getTime()).toBe(clock.now().getTime() + 60 * MINUTE);
    await first.stop();

    const second = runner([job]);
    clock.advance(59 * MINUTE);
    await second.idle();
    expect(calls).toEqual({ before: 1, after: 0 });
    clock.advance(MINUTE);
    await second.idle();
    expect(calls).toEqual({ before: 1, after: 1 });
    const [finished] = await runsOf(job.id);
    expect(finished.state).toBe("done");
    expect(finished.steps).toMatchObject({ before: { v: { at: "before" } }, pause: { done: true }, after: { v: { at: "before" } } });
  });

  it("sleepUntil a time already past does not stop the run", async () => {
    let after = 0;
    const job: JobDefinition = {
      id: "sleep-until-past",
      triggers: [{ event: "relais/routing.requested" }],
      async handler({ step }) {
        await step.sleepUntil("until", new Date(clock.now().getTime() - 1000));
        after++;
      },
    };
    const r = runner([job]);
    await r.send(routing("past"));
    await r.idle();
    expect(after).toBe(1);
  });

  it("history older than a day is pruned (and the tables vacuumed), recent and pending runs are kept", async () => {
    const job: JobDefinition = { id: "prune-me", triggers: [{ event: "relais/routing.requested" }], async handler() {} };
    const r = runner([job]);
    await r.send(routing("old"));
    await r.idle();
    clock.advance(25 * 60 * MINUTE);
    await r.send(routing("recent"));
    await r.idle();
    const pending = { ...routing("later"), ts: clock.now().getTime() + 60 * MINUTE };
    await r.send(pending);
    await r.idle();
    const warnings: unknown[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args);
    try {
      await pruneHistory(db.handle.db, clock.now(), 24 * 60 * MINUTE);
    } finally {
      console.warn = warn;
    }
    const left = await runsOf(job.id);
    expect(left.map((x) => String(x.eventData.reason)).sort()).toEqual(["later", "recent"]);
    expect(warnings).toEqual([]);
  });
});
