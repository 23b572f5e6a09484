import { bigserial, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";

/**
 * The outbox of domain events (lib/events). A mutation inserts its events in its own
 * transaction, so an event exists if and only if the change committed. The embedded runner
 * turns each event into the job runs it triggers; with Inngest, each event is forwarded to
 * Inngest after the commit. Either way `dispatched_at` is set once that is done.
 */
export const events = pgTable(
  "events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    name: text("name").notNull(),
    data: jsonb("data").$type<Record<string, unknown>>().notNull(),
    // Inngest's `ts`: the runs this event triggers start at that time (null = at once).
    runAt: timestamp("run_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    dispatchedAt: timestamp("dispatched_at", { withTimezone: true }),
  },
  (t) => [
    index("events_undispatched_idx")
      .on(t.id)
      .where(sql`${t.dispatchedAt} is null`),
    index("events_dispatched_at_idx").on(t.dispatchedAt),
  ],
);
export type StoredEvent = typeof events.$inferSelect;

export const jobRunStates = ["queued", "scheduled", "running", "done", "failed"] as const;
export type JobRunState = (typeof jobRunStates)[number];

/**
 * One run of a job by the embedded runner. `queued` = never started (a new identical run
 * coalesces into it); `scheduled` = waiting for a retry or the end of a step sleep, with its
 * step results kept in `steps`; `running` = claimed by a runner until `lease_until` (a runner
 * that died is taken over after that); `done` / `failed` are kept a while for throttles and
 * for whoever investigates.
 */
export const jobRuns = pgTable(
  "job_runs",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    jobId: text("job_id").notNull(),
    eventName: text("event_name").notNull(),
    eventData: jsonb("event_data").$type<Record<string, unknown>>().notNull(),
    coalesceKey: text("coalesce_key").notNull(),
    concurrencyKey: text("concurrency_key"),
    throttleKey: text("throttle_key"),
    state: text("state").$type<JobRunState>().notNull().default("queued"),
    runAt: timestamp("run_at", { withTimezone: true }).notNull(),
    attempt: integer("attempt").notNull().default(0),
    // Memoised step results, by step id: a resumed or retried run does not redo them.
    steps: jsonb("steps").$type<Record<string, unknown>>().notNull().default({}),
    leaseToken: text("lease_token"),
    leaseUntil: timestamp("lease_until", { withTimezone: true }),
    startedAt: timestamp("started_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    lastError: text("last_error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("job_runs_queued_coalesce_idx")
      .on(t.jobId, t.coalesceKey)
      .where(sql`${t.state} = 'queued'`),
    index("job_runs_due_idx")
      .on(t.runAt)
      .where(sql`${t.state} in ('queued', 'scheduled')`),
    index("job_runs_running_idx")
      .on(t.jobId, t.concurrencyKey)
      .where(sql`${t.state} = 'running'`),
    index("job_runs_throttle_idx").on(t.jobId, t.throttleKey, t.startedAt),
    index("job_runs_finished_idx").on(t.finishedAt),
  ],
);
export type JobRun = typeof jobRuns.$inferSelect;

/** When each cron job of the embedded runner fires next: one row per job, shared by every host. */
export const jobCrons = pgTable("job_crons", {
  jobId: text("job_id").primaryKey(),
  cron: text("cron").notNull(),
  nextAt: timestamp("next_at", { withTimezone: true }).notNull(),
});
