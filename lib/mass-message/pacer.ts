// Keeps a send to the page's allowed rate. Calls follow an even schedule at `rate × factor` per
// second; a call that could not go on time (the event loop was busy — PGlite runs in it) may catch
// up, but never beyond what the network counts: no window of one second holds more calls than the
// rate allows (the simulator, like Meta, counts calls over the last second). The factor starts a
// little under 1, drops as the usage headers (X-App-Usage, X-Business-Use-Case-Usage) climb past
// 80 %, so the page slows down before it reaches 100 and is throttled; a per-second throttle
// (613/80006) costs 5 % of the rate once per second, won back call by call.

/** Usage share (percent) from which the rate is reduced. */
export const SLOW_FROM = 80;
/** The share of the allowed rate aimed at: requests sent together may arrive a little apart. */
export const HEADROOM = 0.98;
const WINDOW_MS = 1_000;

export class Pacer {
  private next = 0;
  private queued = 0;
  private chain: Promise<void> = Promise.resolve();
  private usageFactor = 1;
  private throttleFactor = HEADROOM;
  private lastThrottle = 0;
  /** When the calls of the last second went, oldest first. */
  private recent: number[] = [];

  constructor(
    readonly rate: number,
    private readonly clock: () => number = Date.now,
  ) {}

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

  /** Earliest time a call may go without the last second holding more than the rate allows. */
  private windowFree(t: number): number {
    while (this.recent.length > 0 && this.recent[0] <= t - WINDOW_MS) this.recent.shift();
    const cap = Math.max(1, Math.floor(this.current()));
    return this.recent.length < cap ? t : this.recent[this.recent.length - cap] + WINDOW_MS;
  }

  /** Waits for this call's turn. */
  slot(): Promise<void> {
    this.queued++;
    const turn = this.chain.then(async () => {
      const scheduled = this.next;
      for (;;) {
        const t = this.clock();
        const at = Math.max(scheduled, this.windowFree(t));
        if (at <= t) break;
        await new Promise((r) => setTimeout(r, at - t));
      }
      const t = this.clock();
      this.queued--;
      this.recent.push(t);
      // Behind schedule by more than a second: that second is lost, not made up in a burst.
      this.next = Math.max(scheduled, t - WINDOW_MS) + this.interval();
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
    if (t - this.lastThrottle > 1_000) {
      this.lastThrottle = t;
      this.throttleFactor = Math.max(0.2, this.throttleFactor * 0.95);
    }
    this.next = Math.max(this.next, t + (short ? 1_000 : 0));
  }
}
