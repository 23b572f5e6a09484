// Rate limits and injected faults: what makes the simulator useful for training agents and for
// proving that Relais backs off, retries and reports network trouble instead of hiding it.

export interface RateLimitRule {
  limit: number;
  windowSeconds: number;
}

export type RateLimitBucket = "search" | "searchUser" | "mentions" | "mentionsUser" | "dmRead" | "dmSend" | "post" | "me";
export type RateLimitConfig = Record<RateLimitBucket, RateLimitRule>;

/** X's published per-15-minute limits (search per app and per user, posting and users/me per user). */
export const DEFAULT_RATE_LIMITS: RateLimitConfig = {
  search: { limit: 450, windowSeconds: 900 },
  searchUser: { limit: 300, windowSeconds: 900 },
  mentions: { limit: 450, windowSeconds: 900 },
  mentionsUser: { limit: 300, windowSeconds: 900 },
  dmRead: { limit: 15, windowSeconds: 900 },
  post: { limit: 100, windowSeconds: 900 },
  me: { limit: 75, windowSeconds: 900 },
  // The docs disagree on DM sends (15 or 200 per 15 min): configuration, the newer figure by default.
  dmSend: { limit: 200, windowSeconds: 900 },
};

export type RateLimitOverrides = Partial<Record<RateLimitBucket, Partial<RateLimitRule>>>;

export function resolveRateLimits(overrides: RateLimitOverrides = {}): RateLimitConfig {
  const out = { ...DEFAULT_RATE_LIMITS };
  for (const key of Object.keys(out) as RateLimitBucket[]) {
    out[key] = { ...DEFAULT_RATE_LIMITS[key], ...overrides[key] };
  }
  return out;
}

export interface RateLimitDecision {
  allowed: boolean;
  headers: Record<string, string>;
}

interface Window {
  startedAt: number;
  used: number;
}

export class RateLimiter {
  private windows = new Map<string, Window>();

  constructor(private readonly config: RateLimitConfig) {}

  private current(bucket: RateLimitBucket, key: string, now: number): Window {
    const id = `${bucket}:${key}`;
    const rule = this.config[bucket];
    let w = this.windows.get(id);
    if (!w || now >= w.startedAt + rule.windowSeconds * 1000) {
      w = { startedAt: now, used: 0 };
      this.windows.set(id, w);
    }
    return w;
  }

  private headers(bucket: RateLimitBucket, w: Window): Record<string, string> {
    const rule = this.config[bucket];
    return {
      "x-rate-limit-limit": String(rule.limit),
      "x-rate-limit-remaining": String(Math.max(0, rule.limit - w.used)),
      "x-rate-limit-reset": String(Math.ceil((w.startedAt + rule.windowSeconds * 1000) / 1000)),
    };
  }

  /** Counts one call; calls over the limit are refused and do not count further. */
  take(bucket: RateLimitBucket, key: string, now = Date.now()): RateLimitDecision {
    const w = this.current(bucket, key, now);
    if (w.used >= this.config[bucket].limit) return { allowed: false, headers: this.headers(bucket, w) };
    w.used++;
    return { allowed: true, headers: this.headers(bucket, w) };
  }

  /** Forces the window to look exhausted, for an injected 429 that must still carry honest headers. */
  exhaust(bucket: RateLimitBucket, key: string, now = Date.now()): Record<string, string> {
    const w = this.current(bucket, key, now);
    w.used = this.config[bucket].limit;
    return this.headers(bucket, w);
  }

  reset(): void {
    this.windows.clear();
  }
}

export const X_FAULT_ENDPOINTS = ["search", "mentions", "dm-events", "post", "me", "dm"] as const;
export const FACEBOOK_FAULT_ENDPOINTS = [
  "facebook-page",
  "facebook-conversations",
  "facebook-feed",
  "facebook-comments",
  "facebook-send",
] as const;
export const FAULT_ENDPOINTS = [...X_FAULT_ENDPOINTS, ...FACEBOOK_FAULT_ENDPOINTS] as const;
export type FaultEndpoint = (typeof FAULT_ENDPOINTS)[number];
/**
 * "timeout" holds the request without answering until the client gives up. On Facebook routes 401
 * is Graph's invalid-token error (190), 429 its page throttling (32), and "expired_token" (Facebook
 * only: X user tokens do not expire) the 190/463 expired-session error. "malformed" answers 200
 * with a body cut in the middle, as a proxy dropping the connection might: on a send (a POST) the
 * network did the work first, so the post or message exists although its answer cannot be read.
 */
export const FAULT_STATUSES = [429, 500, 503, 401, "timeout", "expired_token", "malformed"] as const;
export type FaultStatus = (typeof FAULT_STATUSES)[number];

export function faultApplies(endpoint: FaultEndpoint, status: FaultStatus): boolean {
  return status !== "expired_token" || endpoint.startsWith("facebook-");
}

export interface PendingFault {
  endpoint: FaultEndpoint;
  status: FaultStatus;
  remaining: number;
}

export class FaultQueue {
  private queue: PendingFault[] = [];

  add(endpoint: FaultEndpoint, status: FaultStatus, count: number): void {
    this.queue.push({ endpoint, status, remaining: count });
  }

  /** Consumes one pending fault for this endpoint, oldest first. */
  take(endpoint: FaultEndpoint): FaultStatus | null {
    const fault = this.queue.find((f) => f.endpoint === endpoint && f.remaining > 0);
    if (!fault) return null;
    fault.remaining--;
    this.queue = this.queue.filter((f) => f.remaining > 0);
    return fault.status;
  }

  list(): PendingFault[] {
    return this.queue.map((f) => ({ ...f }));
  }

  clear(): void {
    this.queue = [];
  }
}
