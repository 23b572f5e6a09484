// Keeps a send to the page's allowed rate: one call per slot, slots evenly spaced at
// `rate × factor` calls per second. The factor drops as the usage headers (X-App-Usage,
// X-Business-Use-Case-Usage) climb past 80 %, so the page slows down before it reaches 100 and is
// throttled; a per-second throttle (613/80006) costs 5 % of the rate and a one-second pause, won
// back call by call.

/** Usage share (percent) from which the rate is reduced. */
export const SLOW_FROM = 80;

export class Pacer {
  private next = 0;
  private usageFactor = 1;
  private throttleFactor = 1;

  constructor(
    readonly rate: number,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Calls per second now. */
  current(): number {
    return Math.max(0.5, this.rate * this.usageFactor * this.throttleFactor);
  }

  batchSize(ms: number): number {
    return Math.max(1, Math.min(1_000, Math.ceil((this.current() * ms) / 1000)));
  }

  /** Waits for this call's slot. Slots are reserved in call order. */
  async slot(): Promise<void> {
    const t = this.clock();
    const at = Math.max(t, this.next);
    this.next = at + 1000 / this.current();
    if (at > t) await new Promise((r) => setTimeout(r, at - t));
  }

  /** The highest usage share a response reported. */
  usage(percent: number): void {
    this.usageFactor = percent < SLOW_FROM ? 1 : Math.max(0.05, (100 - percent) / (100 - SLOW_FROM));
    this.throttleFactor = Math.min(1, this.throttleFactor + 0.002);
  }

  throttled(short: boolean): void {
    this.throttleFactor = Math.max(0.2, this.throttleFactor * 0.95);
    this.next = Math.max(this.next, this.clock() + (short ? 1_000 : 0));
  }
}
