import type { Db } from "@/db/client";
import { emit } from "@/lib/events/emit";
import type { EventPayload } from "@/lib/events/types";
import { durationMs } from "./duration";
import { saveSteps, type ClaimedRun } from "./store";
import type { DurationString, JobStep } from "./types";

/** Ends an invocation at a step sleep: the runner reschedules the run at `until`. */
export class SleepInterrupt extends Error {
  constructor(readonly until: Date) {
    super(`sleeping until ${until.toISOString()}`);
  }
}

type Memo = { v?: unknown } | { until: string } | { done: true };

/**
 * Inngest's step semantics on the embedded runner: each step's result is stored on the run as
 * it completes, and a resumed run (after a sleep, a retry or a crash) gets stored results back
 * instead of doing the step again. A step id used twice in a run becomes `id:1`, `id:2`…, as
 * Inngest does. Results go through JSON, as with Inngest (a Date comes back as a string).
 */
export function embeddedStepTools(options: {
  db: Db;
  run: ClaimedRun;
  now: () => Date;
  leaseUntil: () => Date;
  onEmitted: () => void;
}): JobStep {
  const { db, run, now, leaseUntil } = options;
  const memo = run.steps as Record<string, Memo>;
  const seen = new Map<string, number>();
  const keyOf = (id: string) => {
    const n = seen.get(id) ?? 0;
    seen.set(id, n + 1);
    return n === 0 ? id : `${id}:${n}`;
  };
  const save = async (key: string, value: Memo) => {
    await saveSteps(db, run, { [key]: value }, leaseUntil());
    memo[key] = value;
  };

  const sleepUntil = async (key: string, wanted: () => Date) => {
    const m = memo[key];
    if (m && "done" in m) return;
    const until = m && "until" in m ? new Date(m.until) : wanted();
    if (until.getTime() <= now().getTime()) {
      await save(key, { done: true });
      return;
    }
    if (!m) await save(key, { until: until.toISOString() });
    throw new SleepInterrupt(until);
  };

  return {
    async run<T>(id: string, fn: () => Promise<T>): Promise<T> {
      const key = keyOf(id);
      const m = memo[key];
      if (m && "v" in m) return m.v as T;
      if (m) return undefined as T;
      const result = await fn();
      const value = result === undefined ? undefined : (JSON.parse(JSON.stringify(result)) as T);
      await save(key, { v: value });
      return value as T;
    },
    async sendEvent(id: string, events: EventPayload | EventPayload[]) {
      const key = keyOf(id);
      const m = memo[key];
      if (m && "v" in m) return m.v;
      // The events and the step's result commit together: resending after a crash is impossible.
      const value = await db.transaction(async (tx) => {
        const ids = await emit(tx, events);
        const v = { ids: ids.map(String) };
        await saveSteps(tx, run, { [key]: { v } }, leaseUntil());
        return v;
      });
      memo[key] = { v: value };
      options.onEmitted();
      return value;
    },
    async sleep(id: string, duration: number | DurationString) {
      const key = keyOf(id);
      await sleepUntil(key, () => new Date(now().getTime() + durationMs(duration)));
    },
    async sleepUntil(id: string, time: Date | string) {
      const key = keyOf(id);
      await sleepUntil(key, () => new Date(time));
    },
  };
}
