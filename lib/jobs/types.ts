import type { EventPayload, RelaisEventName } from "@/lib/events/types";

/** A duration as Inngest writes it: "30s", "5m", "1h30m", "2d"… (lib/jobs/duration.ts). */
export type DurationString = `${number}${"s" | "m" | "h" | "d" | "w"}` | `${number}${string}${"s" | "m" | "h" | "d" | "w"}`;

/** What a job handler needs from a runner: the subset of Inngest's step tools Relais uses. */
export interface JobStep {
  /** Runs `fn` once per run: a resumed or retried run gets the stored result back. */
  run<T>(id: string, fn: () => Promise<T>): Promise<T>;
  sendEvent(id: string, events: EventPayload | EventPayload[]): Promise<unknown>;
  /** Ends this invocation; the run resumes after the duration, its finished steps not redone. */
  sleep(id: string, duration: number | DurationString): Promise<void>;
  sleepUntil(id: string, time: Date | string): Promise<void>;
}

export interface JobContext<E = { name: string; data: Record<string, unknown> }> {
  event: E;
  step: JobStep;
  /** 0 on the first attempt, then 1, 2… on retries. */
  attempt?: number;
}

/**
 * A job as both runners see it: Inngest gets `id`, `triggers`, `concurrency`, `throttle` and
 * `retries` as function options (inngest/functions/index.ts); the embedded runner
 * (lib/jobs/runner.ts) honours the same fields. At most one cron trigger per job; it may have
 * a seconds field for the embedded runner (Inngest gets its minute form, lib/jobs/cron.ts).
 */
export interface JobDefinition {
  id: string;
  triggers: ({ event: RelaisEventName } | { cron: string })[];
  /** Key expressions are Inngest's, limited to a path into the event (`event.data.campaignId`). */
  concurrency?: [{ key?: string; limit: number }];
  /** Inngest's throttle: at most `limit` runs start per `period` (per key); the others wait. */
  throttle?: { limit: number; period: DurationString; key?: string };
  retries?: number;
  /**
   * Embedded runner: a new run identical (same event name and data) to one still queued is
   * dropped. "job" widens that to any queued run of the job, for jobs whose run does the same
   * work whatever the event that triggered it (a routing pass).
   */
  coalesce?: "identical" | "job";
  handler(ctx: JobContext): Promise<unknown>;
}
