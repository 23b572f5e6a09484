// The embedded runner's tables (db/schema/jobs.ts): every statement that reads or moves a run.
// Times come from the runner's clock, never from the database's now(), so tests can move time.
// (Raw SQL gets them as ISO strings: postgres.js takes no Date in an untyped parameter.)
import { and, asc, count, eq, gt, gte, inArray, isNull, lt, lte, or, sql } from "drizzle-orm";
import { rows, type Db, type Tx } from "@/db/client";
import { events, jobCrons, jobRuns } from "@/db/schema/jobs";
import { durationMs } from "./duration";
import { runKeys, type RunEvent } from "./keys";
import type { JobDefinition } from "./types";

export interface ClaimedRun {
  id: number;
  jobId: string;
  event: RunEvent;
  steps: Record<string, unknown>;
  attempt: number;
  leaseToken: string;
}

interface NewRun {
  jobId: string;
  eventName: string;
  eventData: Record<string, unknown>;
  coalesceKey: string;
  concurrencyKey: string | null;
  throttleKey: string | null;
  runAt: Date;
}

const CHUNK = 500;
// Claims are serialised across hosts (a short statement or two), so that the concurrency and
// throttle counts a claimer reads cannot be raced by another claimer. (3, 0) is free: see
// lib/summary/compute.ts (2, 0) and lib/ingestion/poll.ts (1, campaign).
const CLAIM_LOCK = sql`select pg_advisory_xact_lock(3, 0)`;

export function newRun(job: JobDefinition, event: RunEvent, runAt: Date): NewRun {
  return { jobId: job.id, eventName: event.name, eventData: event.data, ...runKeys(job, event), runAt };
}

/**
 * Inserts runs; a run whose job already has a queued run with the same coalescing key becomes
 * that run (the earlier of the two start times is kept). Two identical runs in one batch are
 * folded first: PostgreSQL refuses to update one row twice in one statement.
 */
export async function enqueueRuns(tx: Db | Tx, runs: NewRun[]): Promise<void> {
  const folded = new Map<string, NewRun>();
  for (const r of runs) {
    const k = `${r.jobId}\n${r.coalesceKey}`;
    const prev = folded.get(k);
    if (!prev || r.runAt < prev.runAt) folded.set(k, prev ? { ...prev, runAt: r.runAt } : r);
  }
  const list = [...folded.values()];
  for (let i = 0; i < list.length; i += CHUNK) {
    await tx
      .insert(jobRuns)
      .values(list.slice(i, i + CHUNK).map((r) => ({ ...r, state: "queued" as const })))
      .onConflictDoUpdate({
        target: [jobRuns.jobId, jobRuns.coalesceKey],
        targetWhere: sql`${jobRuns.state} = 'queued'`,
        set: { runAt: sql`least("job_runs"."run_at", excluded.run_at)` },
      });
  }
}

/**
 * Embedded mode: turns committed events into the runs of the jobs they trigger, once each (the
 * runs and the dispatched mark commit together). Every runner holds the whole registry, so
 * whichever runner dispatches an event creates the runs of every job it triggers.
 */
export async function dispatchEvents(db: Db, jobs: JobDefinition[], now: Date, limit = CHUNK): Promise<number> {
  return db.transaction(async (tx) => {
    const batch = await tx
      .select({ id: events.id, name: events.name, data: events.data, runAt: events.runAt })
      .from(events)
      .where(isNull(events.dispatchedAt))
      .orderBy(asc(events.id))
      .limit(limit)
      .for("update", { skipLocked: true });
    if (batch.length === 0) return 0;
    const runs = batch.flatMap((e) =>
      jobs
        .filter((job) => job.triggers.some((t) => "event" in t && t.event === e.name))
        .map((job) => newRun(job, { name: e.name, data: e.data }, e.runAt && e.runAt > now ? e.runAt : now)),
    );
    await enqueueRuns(tx, runs);
    await tx
      .update(events)
      .set({ dispatchedAt: now })
      .where(
        inArray(
          events.id,
          batch.map((e) => e.id),
        ),
      );
    return batch.length;
  });
}

/** Registers each cron job's schedule; a job seen for the first time (or whose cron changed) fires at once. */
export async function registerCrons(db: Db, crons: { jobId: string; cron: string }[], now: Date): Promise<Map<string, Date>> {
  if (crons.length === 0) return new Map();
  await db
    .insert(jobCrons)
    .values(crons.map((c) => ({ ...c, nextAt: now })))
    .onConflictDoUpdate({
      target: jobCrons.jobId,
      set: { cron: sql`excluded.cron`, nextAt: sql`excluded.next_at` },
      setWhere: sql`"job_crons"."cron" <> excluded.cron`,
    });
  const stored = await db
    .select()
    .from(jobCrons)
    .where(
      inArray(
        jobCrons.jobId,
        crons.map((c) => c.jobId),
      ),
    );
  return new Map(stored.map((c) => [c.jobId, c.nextAt]));
}

/**
 * Fires a cron job if it is due: the host whose update moves `next_at` forward enqueues the
 * run, in the same transaction, so a tick fires once whatever the number of hosts. Returns the
 * next time it is due.
 */
export async function fireCronIfDue(db: Db, job: JobDefinition, next: Date, now: Date): Promise<Date> {
  return db.transaction(async (tx) => {
    const fired = await tx
      .update(jobCrons)
      .set({ nextAt: next })
      .where(and(eq(jobCrons.jobId, job.id), lte(jobCrons.nextAt, now)))
      .returning({ cron: jobCrons.cron });
    if (fired.length === 0) {
      const [row] = await tx.select({ nextAt: jobCrons.nextAt }).from(jobCrons).where(eq(jobCrons.jobId, job.id));
      return row?.nextAt ?? next;
    }
    await enqueueRuns(tx, [newRun(job, { name: "inngest/scheduled.timer", data: { cron: fired[0].cron } }, now)]);
    return next;
  });
}

/**
 * Claims up to `capacity` due runs: queued or scheduled runs whose time has come, and runs left
 * `running` by a runner whose lease expired (it died). A run starts only below its job's
 * concurrency limit for its key and within its throttle; a throttled run is moved to when a
 * slot frees. A taken-over run counts as a failed attempt, so a run that kills its process
 * every time ends up failed rather than looping.
 */
export async function claimRuns(
  db: Db,
  jobs: Map<string, JobDefinition>,
  now: Date,
  capacity: number,
  leaseMs: number,
): Promise<ClaimedRun[]> {
  if (capacity <= 0 || jobs.size === 0) return [];
  return db.transaction(async (tx) => {
    await tx.execute(CLAIM_LOCK);
    const candidates = await tx
      .select({
        id: jobRuns.id,
        jobId: jobRuns.jobId,
        state: jobRuns.state,
        attempt: jobRuns.attempt,
        concurrencyKey: jobRuns.concurrencyKey,
        throttleKey: jobRuns.throttleKey,
        startedAt: jobRuns.startedAt,
      })
      .from(jobRuns)
      .where(
        and(
          inArray(jobRuns.jobId, [...jobs.keys()]),
          or(
            and(inArray(jobRuns.state, ["queued", "scheduled"]), lte(jobRuns.runAt, now)),
            and(eq(jobRuns.state, "running"), lt(jobRuns.leaseUntil, now)),
          ),
        ),
      )
      .orderBy(asc(jobRuns.runAt), asc(jobRuns.id))
      .limit(capacity * 4)
      .for("update", { skipLocked: true });
    if (candidates.length === 0) return [];

    const candidateJobs = [...new Set(candidates.map((c) => c.jobId))];
    const busy = new Map<string, number>();
    const busyKey = (jobId: string, key: string | null) => `${jobId}\n${key ?? ""}`;
    const running = await tx
      .select({ jobId: jobRuns.jobId, key: jobRuns.concurrencyKey, n: count() })
      .from(jobRuns)
      .where(and(eq(jobRuns.state, "running"), gte(jobRuns.leaseUntil, now), inArray(jobRuns.jobId, candidateJobs)))
      .groupBy(jobRuns.jobId, jobRuns.concurrencyKey);
    for (const r of running) busy.set(busyKey(r.jobId, r.key), r.n);
    const starts = await throttleWindows(
      tx,
      candidateJobs.map((id) => jobs.get(id)!),
      now,
    );

    const picked: number[] = [];
    const failed: number[] = [];
    const postponed: { id: number; runAt: Date }[] = [];
    for (const c of candidates) {
      if (picked.length >= capacity) break;
      const job = jobs.get(c.jobId)!;
      if (c.state === "running" && c.attempt + 1 > (job.retries ?? 3)) {
        failed.push(c.id);
        continue;
      }
      const limit = job.concurrency?.[0]?.limit;
      const bk = busyKey(c.jobId, c.concurrencyKey);
      if (limit !== undefined && (busy.get(bk) ?? 0) >= limit) continue;
      if (job.throttle && c.startedAt === null) {
        const window = starts.get(busyKey(c.jobId, c.throttleKey)) ?? [];
        const period = durationMs(job.throttle.period);
        const recent = window.filter((t) => t.getTime() > now.getTime() - period);
        if (recent.length >= job.throttle.limit) {
          postponed.push({ id: c.id, runAt: new Date(recent[recent.length - job.throttle.limit].getTime() + period) });
          continue;
        }
        starts.set(busyKey(c.jobId, c.throttleKey), [...recent, now]);
      }
      busy.set(bk, (busy.get(bk) ?? 0) + 1);
      picked.push(c.id);
    }
    if (failed.length) {
      await tx
        .update(jobRuns)
        .set({
          state: "failed",
          finishedAt: now,
          leaseToken: null,
          leaseUntil: null,
          lastError: "taken over after its runner stopped answering, out of retries",
        })
        .where(inArray(jobRuns.id, failed));
    }
    for (const p of postponed) await tx.update(jobRuns).set({ runAt: p.runAt }).where(eq(jobRuns.id, p.id));
    if (picked.length === 0) return [];
    const batch = crypto.randomUUID();
    const claimed = await rows<{
      id: string | number;
      job_id: string;
      event_name: string;
      event_data: Record<string, unknown>;
      steps: Record<string, unknown>;
      attempt: number;
      lease_token: string;
    }>(
      tx,
      sql`update job_runs set state = 'running',
            attempt = attempt + case when state = 'running' then 1 else 0 end,
            lease_token = ${batch} || ':' || id,
            lease_until = ${new Date(now.getTime() + leaseMs).toISOString()}::timestamptz,
            started_at = coalesce(started_at, ${now.toISOString()}::timestamptz)
          where id in (${sql.join(
            picked.map((id) => sql`${id}`),
            sql`, `,
          )})
          returning id, job_id, event_name, event_data, steps, attempt, lease_token`,
    );
    return claimed.map((r) => ({
      id: Number(r.id),
      jobId: r.job_id,
      event: { name: r.event_name, data: r.event_data },
      steps: r.steps,
      attempt: r.attempt,
      leaseToken: r.lease_token,
    }));
  });
}

/** Start times within their throttle period, per throttled job and key, oldest first. */
async function throttleWindows(tx: Tx, jobs: JobDefinition[], now: Date): Promise<Map<string, Date[]>> {
  const result = new Map<string, Date[]>();
  for (const job of jobs) {
    if (!job.throttle) continue;
    const since = new Date(now.getTime() - durationMs(job.throttle.period));
    const started = await tx
      .select({ key: jobRuns.throttleKey, startedAt: jobRuns.startedAt })
      .from(jobRuns)
      .where(and(eq(jobRuns.jobId, job.id), gt(jobRuns.startedAt, since)))
      .orderBy(asc(jobRuns.startedAt));
    for (const s of started) {
      const k = `${job.id}\n${s.key ?? ""}`;
      result.set(k, [...(result.get(k) ?? []), s.startedAt!]);
    }
  }
  return result;
}

/** Thrown when a run's lease was taken over by another runner: this one must stop touching it. */
export class LeaseLostError extends Error {}

function owned(run: ClaimedRun) {
  return and(eq(jobRuns.id, run.id), eq(jobRuns.leaseToken, run.leaseToken), eq(jobRuns.state, "running"));
}

/** Stores step results (and renews the lease) while the run is still ours. */
export async function saveSteps(tx: Db | Tx, run: ClaimedRun, patch: Record<string, unknown>, leaseUntil: Date): Promise<void> {
  const updated = await tx
    .update(jobRuns)
    .set({ steps: sql`${jobRuns.steps} || ${JSON.stringify(patch)}::jsonb`, leaseUntil })
    .where(owned(run))
    .returning({ id: jobRuns.id });
  if (updated.length === 0) throw new LeaseLostError(`run ${run.id} was taken over`);
}

export async function renewLease(db: Db, run: ClaimedRun, leaseUntil: Date): Promise<boolean> {
  const updated = await db.update(jobRuns).set({ leaseUntil }).where(owned(run)).returning({ id: jobRuns.id });
  return updated.length > 0;
}

export async function finishRun(db: Db, run: ClaimedRun, now: Date, outcome: { state: "done" } | { state: "failed"; error: string }) {
  await db
    .update(jobRuns)
    .set({
      state: outcome.state,
      finishedAt: now,
      leaseToken: null,
      leaseUntil: null,
      lastError: outcome.state === "failed" ? outcome.error : null,
    })
    .where(owned(run));
}

/** Back to waiting: a retry (next attempt) or a step sleep (same attempt); step results stay. */
export async function rescheduleRun(db: Db, run: ClaimedRun, runAt: Date, attempt: number, error: string | null) {
  await db
    .update(jobRuns)
    .set({ state: "scheduled", runAt, attempt, leaseToken: null, leaseUntil: null, lastError: error })
    .where(owned(run));
}

/** Ends every lease now: for a runner that knows no other runner shares its database. */
export async function expireLeases(db: Db, now: Date): Promise<void> {
  await db
    .update(jobRuns)
    .set({ leaseUntil: new Date(now.getTime() - 1) })
    .where(eq(jobRuns.state, "running"));
}

/** When something of these jobs is next due: a waiting run, or the lease of a running one. */
export async function nextDueAt(db: Db, jobIds: string[]): Promise<Date | null> {
  if (jobIds.length === 0) return null;
  const [row] = await rows<{ at: string | Date | null }>(
    db,
    sql`select least(
          min(run_at) filter (where state in ('queued', 'scheduled')),
          min(lease_until) filter (where state = 'running')) as at
        from job_runs where job_id in (${sql.join(
          jobIds.map((id) => sql`${id}`),
          sql`, `,
        )}) and state in ('queued', 'scheduled', 'running')`,
  );
  return row?.at ? new Date(row.at) : null;
}

/** Drops what nobody needs any more: dispatched events and finished runs older than `keepMs`. */
export async function pruneHistory(db: Db, now: Date, keepMs: number): Promise<void> {
  const before = new Date(now.getTime() - keepMs);
  await db.delete(events).where(lt(events.dispatchedAt, before));
  await db.delete(jobRuns).where(and(inArray(jobRuns.state, ["done", "failed"]), lt(jobRuns.finishedAt, before)));
  // The per-second poll cron writes a run a second. PGlite runs PostgreSQL in single-user mode,
  // where autovacuum never runs, so without this the two tables and their indexes would only grow.
  // On a server it is cheap and redundant with autovacuum.
  try {
    await db.execute(sql`vacuum job_runs, events`);
  } catch (err) {
    console.warn("[jobs] vacuum after pruning failed:", err instanceof Error ? err.message : err);
  }
}
