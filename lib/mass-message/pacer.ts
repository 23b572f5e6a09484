// Keeps a send to the page's allowed rate. Calls follow an even schedule at `rate × factor` per
// second, starting when the pacer is made (no burst at the start). A call that could not go on
// time (the event loop was busy — PGlite runs in it) may catch up a tenth of a second, never more:
// a longer stall is lost time, not a burst. And no window of one second holds more calls than the
// schedule's rate (the simulator, like Meta, counts calls over the last second, as they arrive, so
// requests sent together but arriving a little apart must still fit).
//
// The factor starts a little under 1 (HEADROOM), drops as the usage headers (X-App-Usage,
// X-Business-Use-Case-Usage) climb past 80 %, so the page slows down before it reaches 100 and is
// throttled; a per-second throttle (613/80006) costs 3 % of the rate at most once per second, won
// back call by call, and a pause of a fifth of a second (the network's window must empty a little:
// refused calls count in it too).
//
// One pacer serves every slice of a delivery in a process (`pacerFor`): a slice that starts as the
// last one ends goes on at the same pace, instead of starting a new schedule with a full window.

/** Usage share (percent) from which the rate is reduced. */
export const SLOW_FROM = 80;
/** The share of the allowed rate aimed at: requests sent evenly still arrive with some jitter. */
export const HEADROOM = 0.97;
const WINDOW_MS = 1_000;
/** How far behind schedule a call may be and still be made up. */
export const CATCH_UP_MS = 100;
/** The pause after a per-second throttle. */
export const THROTTLE_PAUSE_MS = 200;

export class Pacer {
  private next: number;
  private queued = 0;
  private chain: Promise<void> = Promise.resolve();
  private usageFactor = 1;
  private throttleFactor = HEADROOM;
  private lastThrottle = -Infinity;
  /** When the calls of the last second went, oldest first. */
  private recent: number[] = [];

  constructor(
    readonly rate: number,
    private readonly clock: () => number = Date.now,
  ) {
    this.next = clock();
  }

  /** Calls per second now. */
  current(): number {
    return Math.max(0.5, this.rate * this.usageFactor * this.throttleFactor);
  }

  private interval(): number {
    return 1000 / this.current();
  }

  batchSize(ms: number): number {
    return Math.max(1, Math.min(1_000, Math.ceil((this.current() * ms) / 1000)));
  }

  /** Milliseconds until every call already waiting has gone. */
  msUntilFree(): number {
    return Math.max(0, this.next - this.clock()) + this.queued * this.interval();
  }

  /** Earliest time a call may go without the last second holding more calls than the current rate. */
  private windowFree(t: number): number {
    while (this.recent.length > 0 && this.recent[0] <= t - WINDOW_MS) this.recent.shift();
    const cap = Math.max(1, Math.floor(this.current()));
    return this.recent.length < cap ? t : this.recent[this.recent.length - cap] + WINDOW_MS;
  }

  /** Waits for this call's turn. */
  slot(): Promise<void> {
    this.queued++;
    const turn = this.chain.then(async () => {
      for (;;) {
        const t = this.clock();
        const at = Math.max(this.next, this.windowFree(t));
        if (at <= t) break;
        await new Promise((r) => setTimeout(r, at - t));
      }
      const t = this.clock();
      this.queued--;
      this.recent.push(t);
      this.next = Math.max(this.next, t - CATCH_UP_MS) + this.interval();
    });
    this.chain = turn;
    return turn;
  }

  /** The highest usage share a response reported. */
  usage(percent: number): void {
    this.usageFactor = percent < SLOW_FROM ? 1 : Math.max(0.05, (100 - percent) / (100 - SLOW_FROM));
    this.throttleFactor = Math.min(HEADROOM, this.throttleFactor + 0.0005);
  }

  throttled(short: boolean): void {
    const t = this.clock();
    if (t - this.lastThrottle > WINDOW_MS) {
      this.lastThrottle = t;
      this.throttleFactor = Math.max(0.2, this.throttleFactor * 0.97);
    }
    this.next = Math.max(this.next, t + (short ? THROTTLE_PAUSE_MS : 0));
  }
}

const pacers = new Map<number, Pacer>();

/** The pacer of a delivery in this process, kept from one slice to the next (see above). */
export function pacerFor(massMessageId: number, rate: number): Pacer {
  let p = pacers.get(massMessageId);
  if (!p || p.rate !== rate) {
    p = new Pacer(rate);
    pacers.set(massMessageId, p);
  }
  return p;
}

/** A delivery that ended (done, cancelled) needs its pacer no more. */
export function dropPacer(massMessageId: number): void {
  pacers.delete(massMessageId);
}
