import { asc, inArray, isNull, lt } from "drizzle-orm";
import { getDatabase, type Db } from "@/db/client";
import { events } from "@/db/schema/jobs";
import { WAKE_CHANNEL } from "@/lib/events/emit";

export type SendToInngest = (payloads: { id: string; name: string; data: Record<string, unknown>; ts?: number }[]) => Promise<unknown>;

/**
 * Inngest mode: sends committed events to Inngest, oldest first, and marks them forwarded.
 * A mutation cannot call Inngest inside its transaction (a rollback after the call would have
 * started work for a change that never happened, and a call after the commit is lost if the
 * process dies in between), so its events wait in the outbox until this forwards them. The
 * rows stay locked while Inngest is called: a crash or an error leaves them to be sent again,
 * and the event id (`relais-event-<row id>`) makes Inngest ignore a second copy.
 */
export async function forwardEvents(db: Db, send: SendToInngest, now: Date, limit = 100): Promise<number> {
  return db.transaction(async (tx) => {
    const batch = await tx
      .select({ id: events.id, name: events.name, data: events.data, runAt: events.runAt })
      .from(events)
      .where(isNull(events.dispatchedAt))
      .orderBy(asc(events.id))
      .limit(limit)
      .for("update", { skipLocked: true });
    if (batch.length === 0) return 0;
    await send(
      batch.map((e) => ({ id: `relais-event-${e.id}`, name: e.name, data: e.data, ...(e.runAt ? { ts: e.runAt.getTime() } : {}) })),
    );
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

/** Forwards events as they commit (woken by NOTIFY), and every few seconds in case a wake-up was missed. */
export class InngestForwarder {
  private timer: NodeJS.Timeout | null = null;
  private unlisten: (() => Promise<void>) | null = null;
  private draining: Promise<void> | null = null;
  private again = false;
  private lastPrune = 0;

  constructor(
    private readonly send: SendToInngest,
    private readonly options: { pollMs?: number; log?: (msg: string, err?: unknown) => void } = {},
  ) {}

  async start(): Promise<void> {
    const handle = await getDatabase();
    this.unlisten = await handle.listen(WAKE_CHANNEL, () => this.kick());
    this.timer = setInterval(() => this.kick(), this.options.pollMs ?? 5000);
    this.timer.unref?.();
    this.kick();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.unlisten?.().catch(() => {});
    this.unlisten = null;
    await this.draining;
  }

  kick(): void {
    if (this.draining) {
      this.again = true;
      return;
    }
    this.draining = (async () => {
      try {
        const db = (await getDatabase()).db;
        do {
          this.again = false;
          while ((await forwardEvents(db, this.send, new Date())) > 0);
        } while (this.again);
        if (Date.now() - this.lastPrune > 10 * 60_000) {
          this.lastPrune = Date.now();
          await db.delete(events).where(lt(events.dispatchedAt, new Date(Date.now() - 86_400_000)));
        }
      } catch (err) {
        this.options.log?.("forwarding events to Inngest failed", err);
      } finally {
        this.draining = null;
      }
    })();
  }
}
