import { getDatabase, type Db } from "@/db/client";
import { emit, WAKE_CHANNEL } from "@/lib/events/emit";
import type { EventPayload } from "@/lib/events/types";
import { cronOf, nextCronRun } from "./cron";
import { durationMs } from "./duration";
import { embeddedStepTools, SleepInterrupt } from "./step";
import {
  claimRuns,
  dispatchEvents,
  expireLeases,
  finishRun,
  fireCronIfDue,
  LeaseLostError,
  nextDueAt,
  pruneHistory,
  registerCrons,
  renewLease,
  rescheduleRun,
  type ClaimedRun,
} from "./store";
import type { JobDefinition } from "./types";

export interface RunnerOptions {
  /** First retry delay; doubled at each attempt (Inngest-like backoff). */
  baseBackoffMs?: number;
  log?: (msg: string, err?: unknown) => void;
  /** The runner's clock: every time it stores or compares comes from here (tests move it). */
  now?: () => Date;
  /** A started runner looks for work at least this often (other hosts' runs, missed wake-ups). */
  pollMs?: number;
  /** A run left `running` this long without a heartbeat is taken over by any runner. */
  leaseMs?: number;
  /** Runs executing at once in this process. */
  maxParallel?: number;
  /**
   * This runner is the only one on its database (the embedded PGlite, whose data folder one
   * process holds): at start, runs a previous process left `running` are taken over at once
   * instead of after their lease.
   */
  soleRunner?: boolean;
}

const DAY_MS = 86_400_000;
// Lets timers and I/O run between passes: PGlite answers through promises only, so a loop of
// queries would otherwise never give the event loop back.
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The embedded runner: runs the same job definitions as Inngest, inside the Node server, with
 * its pending work in the database (db/schema/jobs.ts) so that a restart, or a crash, loses
 * none. Committed events become runs (coalesced when identical); runs are claimed with
 * `FOR UPDATE SKIP LOCKED` under the job's concurrency limit and throttle, retried with
 * exponential backoff, put to sleep and resumed with their step results kept; crons fire from
 * the job's one cron string. Several runners (hosts) may share one PostgreSQL database.
 */
export class EmbeddedRunner {
  private readonly byId: Map<string, JobDefinition>;
  private readonly now: () => Date;
  private readonly leaseMs: number;
  private readonly pollMs: number;
  private readonly maxParallel: number;
  private inFlight = new Set<Promise<void>>();
  private sends = new Set<Promise<unknown>>();
  private cronNext = new Map<string, Date>();
  private timer: NodeJS.Timeout | null = null;
  private heartbeats = new Set<NodeJS.Timeout>();
  private unlisten: (() => Promise<void>) | null = null;
  private ticking: Promise<{ progressed: boolean }> | null = null;
  private again = false;
  private started = false;
  private stopped = false;
  private abandoned = false;
  private lastPrune = 0;

  constructor(
    jobs: JobDefinition[],
    private readonly options: RunnerOptions = {},
  ) {
    this.byId = new Map(jobs.map((j) => [j.id, j]));
    for (const job of jobs) cronOf(job); // refuses a job with two crons now, not at its first tick
    this.now = options.now ?? (() => new Date());
    this.leaseMs = options.leaseMs ?? 60_000;
    this.pollMs = options.pollMs ?? 1000;
    this.maxParallel = options.maxParallel ?? 8;
  }

  private get db(): Promise<Db> {
    return getDatabase().then((h) => h.db);
  }

  /** Registers the crons, listens for commits of other processes' events, and works until stopped. */
  async start(): Promise<void> {
    if (this.started || this.stopped) return;
    this.started = true;
    const handle = await getDatabase();
    const crons = [...this.byId.values()].flatMap((job) => {
      const cron = cronOf(job);
      return cron ? [{ jobId: job.id, cron }] : [];
    });
    this.cronNext = await registerCrons(handle.db, crons, this.now());
    if (this.options.soleRunner) await expireLeases(handle.db, this.now());
    this.unlisten = await handle.listen(WAKE_CHANNEL, () => this.kick());
    this.kick();
  }

  /** Stops taking work and waits for the runs in progress (graceful shutdown). */
  async stop(): Promise<void> {
    this.halt();
    await this.ticking?.catch(() => {});
    await Promise.allSettled([...this.inFlight]);
  }

  /**
   * Stops at once without waiting for anything, as a killed process would: runs in progress
   * stay `running` in the database and are taken over by another runner once their lease ends.
   */
  abandon(): void {
    this.abandoned = true;
    this.halt();
    for (const h of this.heartbeats) clearInterval(h);
    this.heartbeats.clear();
  }

  private halt(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    void this.unlisten?.().catch(() => {});
    this.unlisten = null;
  }

  /** Emits events outside any transaction (scripts, tests); mutations use emit(tx, …). */
  send(events: EventPayload | EventPayload[]): Promise<void> {
    const p = this.db
      .then((db) => emit(db, events))
      .then(() => this.kick())
      .finally(() => this.sends.delete(p));
    this.sends.add(p);
    return p.then(() => undefined);
  }

  /** Resolves once this runner has nothing it can do now: no event to dispatch, no due run, none running. */
  async idle(): Promise<void> {
    for (;;) {
      await Promise.allSettled([...this.sends]);
      const { progressed } = await this.tick();
      if (this.inFlight.size > 0) {
        await Promise.race([...this.inFlight]);
        await yieldToEventLoop();
        continue;
      }
      if (!progressed && this.sends.size === 0) return;
    }
  }

  /** Asks for a pass soon (coalesced). */
  kick(): void {
    if (this.stopped) return;
    void this.tick().catch((err) => this.options.log?.("job runner pass failed", err));
  }

  /**
   * One pass: dispatch committed events, fire due crons, claim and start due runs. Passes never
   * overlap in one runner; a pass asked for during another one runs right after it.
   */
  tick(): Promise<{ progressed: boolean }> {
    if (this.ticking) {
      this.again = true;
      return this.ticking;
    }
    this.ticking = (async () => {
      let progressed = false;
      try {
        do {
          this.again = false;
          if (this.stopped) break;
          progressed = (await this.pass()) || progressed;
          await yieldToEventLoop();
        } while (this.again);
      } finally {
        this.ticking = null;
      }
      await this.schedule();
      return { progressed };
    })();
    return this.ticking;
  }

  private async pass(): Promise<boolean> {
    const db = await this.db;
    let progressed = false;
    while ((await dispatchEvents(db, [...this.byId.values()], this.now())) > 0) progressed = true;
    if (this.started) {
      for (const [jobId, next] of this.cronNext) {
        const now = this.now();
        if (next > now) continue;
        const job = this.byId.get(jobId)!;
        this.cronNext.set(jobId, await fireCronIfDue(db, job, nextCronRun(cronOf(job)!, now), now));
        progressed = true;
      }
      if (this.now().getTime() - this.lastPrune > 10 * 60_000) {
        this.lastPrune = this.now().getTime();
        const longestThrottle = Math.max(0, ...[...this.byId.values()].map((j) => (j.throttle ? durationMs(j.throttle.period) : 0)));
        await pruneHistory(db, this.now(), Math.max(DAY_MS, longestThrottle));
      }
    }
    const claimed = await claimRuns(db, this.byId, this.now(), this.maxParallel - this.inFlight.size, this.leaseMs);
    for (const run of claimed) {
      const p = this.execute(db, run).finally(() => {
        this.inFlight.delete(p);
        this.kick();
      });
      this.inFlight.add(p);
    }
    return progressed || claimed.length > 0;
  }

  /** Sleeps until the next known due time; a started runner also looks every `pollMs`. */
  private async schedule(): Promise<void> {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const candidates: number[] = [];
    const due = await nextDueAt(await this.db, [...this.byId.keys()]).catch(() => null);
    if (due) candidates.push(due.getTime() - this.now().getTime());
    if (this.started) {
      candidates.push(this.pollMs);
      for (const next of this.cronNext.values()) candidates.push(next.getTime() - this.now().getTime());
    }
    if (candidates.length === 0 || this.stopped) return;
    const wait = Math.min(Math.max(0, Math.min(...candidates)), this.started ? this.pollMs : Infinity, 2 ** 31 - 1);
    this.timer = setTimeout(() => this.kick(), wait);
    this.timer.unref?.();
  }

  private async execute(db: Db, run: ClaimedRun): Promise<void> {
    const job = this.byId.get(run.jobId)!;
    const leaseUntil = () => new Date(this.now().getTime() + this.leaseMs);
    const heartbeat = setInterval(() => {
      renewLease(db, run, leaseUntil()).catch(() => {});
    }, this.leaseMs / 3);
    heartbeat.unref?.();
    this.heartbeats.add(heartbeat);
    const step = embeddedStepTools({ db, run, now: this.now, leaseUntil, onEmitted: () => this.kick() });
    try {
      await job.handler({ event: run.event, step, attempt: run.attempt });
      if (!this.abandoned) await finishRun(db, run, this.now(), { state: "done" });
    } catch (err) {
      if (this.abandoned || err instanceof LeaseLostError) return;
      if (err instanceof SleepInterrupt) {
        await rescheduleRun(db, run, err.until, run.attempt, null);
        return;
      }
      const retries = job.retries ?? 3;
      this.options.log?.(`job ${job.id} failed (attempt ${run.attempt + 1}/${retries + 1})`, err);
      const message = err instanceof Error ? err.message : String(err);
      if (run.attempt < retries) {
        const delay = (this.options.baseBackoffMs ?? 1000) * 2 ** run.attempt;
        await rescheduleRun(db, run, new Date(this.now().getTime() + delay), run.attempt + 1, message);
      } else {
        await finishRun(db, run, this.now(), { state: "failed", error: message });
      }
    } finally {
      clearInterval(heartbeat);
      this.heartbeats.delete(heartbeat);
    }
  }
}
