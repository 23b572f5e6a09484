// Facebook's rate limits: rolling windows (one hour per app, 24 hours per page), reported as
// percentages in X-App-Usage / X-Business-Use-Case-Usage on every answer. Unlike X, calls made
// while throttled still count: Meta documents that they extend the throttling.

export interface FacebookLimits {
  /** Platform limit of an app: 200 calls per hour per daily user; the demo app counts 100 users. */
  appCallsPerHour: number;
  /** Pages API business-use-case limit: 4,800 calls per 24 h per engaged user; 100 engaged users. */
  pageCallsPerDay: number;
  /** The conversations edge also allows at most this many calls per second per page. */
  conversationCallsPerSecond: number;
  /** Send API: 300 calls per second per page for text (Meta, Mar 2026). */
  sendCallsPerSecond: number;
}

export const DEFAULT_FACEBOOK_LIMITS: FacebookLimits = {
  appCallsPerHour: 200 * 100,
  pageCallsPerDay: 4_800 * 100,
  conversationCallsPerSecond: 2,
  sendCallsPerSecond: 300,
};

/** The Send API's per-second limit of a page: SIMULATOR_FB_SEND_RATE, else Meta's 300 (benches lower or raise it). */
export function configuredSendRate(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.SIMULATOR_FB_SEND_RATE);
  return Number.isInteger(n) && n > 0 ? n : DEFAULT_FACEBOOK_LIMITS.sendCallsPerSecond;
}

export function resolveFacebookLimits(overrides: Partial<FacebookLimits> = {}): FacebookLimits {
  return { ...DEFAULT_FACEBOOK_LIMITS, sendCallsPerSecond: configuredSendRate(), ...overrides };
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Calls per key over a rolling window, kept in slots so memory stays bounded. */
export class RollingCounter {
  private slots = new Map<string, Map<number, number>>();
  private readonly slotMs: number;

  constructor(
    private readonly windowMs: number,
    slotCount: number,
  ) {
    this.slotMs = Math.max(1, Math.floor(windowMs / slotCount));
  }

  private live(key: string, now: number): Map<number, number> {
    let m = this.slots.get(key);
    if (!m) {
      m = new Map();
      this.slots.set(key, m);
    }
    const oldest = Math.floor((now - this.windowMs) / this.slotMs);
    for (const slot of m.keys()) if (slot <= oldest) m.delete(slot);
    return m;
  }

  add(key: string, now: number): void {
    const m = this.live(key, now);
    const slot = Math.floor(now / this.slotMs);
    m.set(slot, (m.get(slot) ?? 0) + 1);
  }

  used(key: string, now: number): number {
    let n = 0;
    for (const c of this.live(key, now).values()) n += c;
    return n;
  }

  /** Milliseconds until the count falls below `limit` if no further call is made. */
  msUntilBelow(key: string, limit: number, now: number): number {
    let used = this.used(key, now);
    if (used < limit) return 0;
    const slots = [...this.live(key, now).entries()].sort(([a], [b]) => a - b);
    for (const [slot, count] of slots) {
      used -= count;
      if (used < limit) return Math.max(0, (slot + 1) * this.slotMs + this.windowMs - now);
    }
    return this.windowMs;
  }

  reset(): void {
    this.slots.clear();
  }
}

export interface UsageReport {
  appPercent: number;
  pagePercent: number;
  /** Whole minutes until the page's usage is back under 100%, as Meta reports estimated_time_to_regain_access. */
  regainMinutes: number;
}

export type Throttle = "app" | "page" | "conversations" | null;

function percent(used: number, limit: number): number {
  return limit > 0 ? Math.floor((used * 100) / limit) : 100;
}

export class FacebookMeter {
  private apps = new RollingCounter(HOUR, 60);
  private pages = new RollingCounter(DAY, 96);
  private conversations = new RollingCounter(1_000, 10);
  private sends = new RollingCounter(1_000, 10);

  constructor(readonly limits: FacebookLimits) {}

  /** Counts one call by `appId` on `pageId` and says whether it is over a limit. */
  take(
    appId: string,
    pageId: string,
    opts: { conversations?: boolean } = {},
    now = Date.now(),
  ): { throttle: Throttle; usage: UsageReport } {
    const overApp = this.apps.used(appId, now) >= this.limits.appCallsPerHour;
    const overPage = this.pages.used(pageId, now) >= this.limits.pageCallsPerDay;
    const overConv = opts.conversations === true && this.conversations.used(pageId, now) >= this.limits.conversationCallsPerSecond;
    this.apps.add(appId, now);
    this.pages.add(pageId, now);
    if (opts.conversations) this.conversations.add(pageId, now);
    // With a page token the business-use-case limit is the one Meta applies first.
    const throttle: Throttle = overPage ? "page" : overApp ? "app" : overConv ? "conversations" : null;
    return { throttle, usage: this.usage(appId, pageId, now) };
  }

  /** Counts one Send API call; true when the page is over its per-second send limit. */
  takeSend(pageId: string, now = Date.now()): boolean {
    const over = this.sends.used(pageId, now) >= this.limits.sendCallsPerSecond;
    this.sends.add(pageId, now);
    return over;
  }

  usage(appId: string, pageId: string, now = Date.now()): UsageReport {
    // Like Graph, only the business-use-case header tells the wait; X-App-Usage has no such field.
    const pageWait = this.pages.msUntilBelow(pageId, this.limits.pageCallsPerDay, now);
    return {
      appPercent: percent(this.apps.used(appId, now), this.limits.appCallsPerHour),
      pagePercent: percent(this.pages.used(pageId, now), this.limits.pageCallsPerDay),
      regainMinutes: Math.ceil(pageWait / 60_000),
    };
  }

  reset(): void {
    this.apps.reset();
    this.pages.reset();
    this.conversations.reset();
    this.sends.reset();
  }
}

/**
 * The two usage headers. The simulator only meters calls, so the time and CPU shares it reports
 * are the call share: a client that watches the highest of the three still slows down in time.
 */
export function usageHeaders(pageId: string, usage: UsageReport): Record<string, string> {
  const app = { call_count: usage.appPercent, total_time: usage.appPercent, total_cputime: usage.appPercent };
  const business = {
    [pageId]: [
      {
        type: "pages",
        call_count: usage.pagePercent,
        total_cputime: usage.pagePercent,
        total_time: usage.pagePercent,
        estimated_time_to_regain_access: usage.regainMinutes,
      },
    ],
  };
  return { "X-App-Usage": JSON.stringify(app), "X-Business-Use-Case-Usage": JSON.stringify(business) };
}
