import type { JobDefinition, JobStep, RelaisEvent } from "./events";

interface Run {
  job: JobDefinition;
  event: { name: string; data: Record<string, unknown> };
  attempt: number;
}

/**
 * The embedded runner: runs the same job definitions as Inngest, inside the Node server, for a
 * single host. Events are queued in memory (their work is recorded in PostgreSQL, so losing the
 * queue on a restart loses no progress: crons find the work again), runs sharing a concurrency
 * key are serialised, failures retry with exponential backoff.
 */
export class EmbeddedRunner {
  private timers: NodeJS.Timeout[] = [];
  private busyKeys = new Set<string>();
  private pending: Run[] = [];
  private inFlight = new Set<Promise<void>>();
  private stopped = false;

  constructor(
    private readonly jobs: JobDefinition[],
    private readonly options: { baseBackoffMs?: number; log?: (msg: string, err?: unknown) => void } = {},
  ) {}

  start(): void {
    for (const job of this.jobs) {
      if (!job.triggers.some((t) => "cron" in t)) continue;
      const every = job.embeddedEveryMs ?? 60_000;
      const fire = () => this.enqueue(job, { name: "inngest/scheduled.timer", data: {} });
      this.timers.push(setInterval(fire, every));
      setImmediate(fire);
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const t of this.timers) clearInterval(t);
    this.timers = [];
    await Promise.allSettled([...this.inFlight]);
  }

  send(events: RelaisEvent | RelaisEvent[]): void {
    for (const event of Array.isArray(events) ? events : [events]) {
      for (const job of this.jobs) {
        if (job.triggers.some((t) => "event" in t && t.event === event.name)) this.enqueue(job, event);
      }
    }
  }

  /** Resolves when nothing is queued or running (tests, graceful shutdown). */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0 || this.pending.length > 0) {
      await Promise.allSettled([...this.inFlight]);
      await new Promise((r) => setImmediate(r));
    }
  }

  private enqueue(job: JobDefinition, event: Run["event"], attempt = 0): void {
    if (this.stopped) return;
    this.pending.push({ job, event, attempt });
    this.drain();
  }

  private concurrencyKey(run: Run): string | null {
    const rule = run.job.concurrency?.[0];
    if (!rule) return null;
    if (!rule.key) return run.job.id;
    // Inngest keys are expressions such as `event.data.campaignId`.
    const value = rule.key
      .replace(/^event\./, "")
      .split(".")
      .reduce<unknown>((obj, part) => (obj as Record<string, unknown> | undefined)?.[part], run.event);
    return `${run.job.id}:${String(value)}`;
  }

  private drain(): void {
    for (let i = 0; i < this.pending.length; ) {
      const run = this.pending[i];
      const key = this.concurrencyKey(run);
      if (key && this.busyKeys.has(key)) {
        i++;
        continue;
      }
      this.pending.splice(i, 1);
      if (key) this.busyKeys.add(key);
      const p = this.execute(run).finally(() => {
        if (key) this.busyKeys.delete(key);
        this.inFlight.delete(p);
        this.drain();
      });
      this.inFlight.add(p);
    }
  }

  private async execute(run: Run): Promise<void> {
    const step: JobStep = {
      run: (_id, fn) => fn(),
      sendEvent: async (_id, events) => this.send(events),
    };
    try {
      await run.job.handler({ event: run.event, step });
    } catch (err) {
      const retries = run.job.retries ?? 3;
      this.options.log?.(`job ${run.job.id} failed (attempt ${run.attempt + 1}/${retries + 1})`, err);
      if (run.attempt < retries && !this.stopped) {
        const delay = (this.options.baseBackoffMs ?? 1000) * 2 ** run.attempt;
        const timer = setTimeout(() => this.enqueue(run.job, run.event, run.attempt + 1), delay);
        this.timers.push(timer);
      }
    }
  }
}
