// Keeps a send to the page's allowed rate: calls go one after the other, each at least
// 1 / (rate × factor) seconds after the one before (after a pause of the event loop the calls do
// not catch up in a burst, which would break a per-second limit).
// The factor starts a little under 1, drops as the usage headers (X-App-Usage,
// X-Business-Use-Case-Usage) climb past 80 %, so the page slows down before it reaches 100 and is
// throttled; a per-second throttle (613/80006) costs 5 % of the rate once per second, won back call by call.

/** Usage share (percent) from which the rate is reduced. */
export const SLOW_FROM = 80;
/** The share of the allowed rate aimed at: the network's per-second window has edges. */
export const HEADROOM = 0.98;
// 0.98 × (1 + 0.020) < 1: even caught up, no one-second window holds more than the allowed calls.
const CATCH_UP_MS = 20;

export class Pacer {
  private next = 0;
  private queued = 0;
  private chain: Promise<void> = Promise.resolve();
  private usageFactor = 1;
  private throttleFactor = HEADROOM;
  private lastThrottle = 0;

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

  /** Waits for this call's turn. */
  slot(): Promise<void> {
    this.queued++;
    const turn = this.chain.then(async () => {
      const scheduled = this.next;
      const wait = scheduled - this.clock();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      this.queued--;
      // A timer fires a little late: the next call keeps to the schedule, catching up at most
      // CATCH_UP_MS (a couple of calls, within the headroom), never a burst after a long pause.
      this.next = Math.max(scheduled, this.clock() - CATCH_UP_MS) + this.interval();
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
