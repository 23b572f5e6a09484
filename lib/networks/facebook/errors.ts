import { NetworkError, type NetworkErrorKind, type NetworkErrorReason } from "../types";
import type { GraphUsage } from "./client";

/** The `error` object of a Graph API error body. */
export interface GraphErrorFields {
  message?: string;
  type?: string;
  code?: number;
  error_subcode?: number;
  is_transient?: boolean;
  error_user_title?: string;
  error_user_msg?: string;
  fbtrace_id?: string;
}

// Throttling: app (4), user (17), page (32), custom (341), per-API (613) and the business use
// case family 80000–80014 (80001 pages, 80006 Messenger).
const THROTTLE_CODES = new Set([4, 17, 32, 341, 613]);
const isThrottle = (code: number) => THROTTLE_CODES.has(code) || (code >= 80_000 && code <= 80_014);

const EXPIRED_SUBCODE = 463;
const MINUTE = 60_000;

interface Classified {
  kind: NetworkErrorKind;
  reason?: NetworkErrorReason;
}

function classify(status: number, code: number | undefined, subcode: number | undefined, message: string): Classified {
  if (code === 190 || code === 102 || code === 104) {
    const expired = subcode === EXPIRED_SUBCODE || /session has expired/i.test(message);
    return { kind: "unauthorized", reason: expired ? "token_expired" : "token_invalid" };
  }
  if (code !== undefined && isThrottle(code)) return { kind: "rate_limited" };
  if (code === 100 && /appsecret_proof/i.test(message)) return { kind: "unauthorized", reason: "app_secret_invalid" };
  if ((code === 100 && subcode === 33) || code === 803) return { kind: "invalid_request", reason: "not_found" };
  if (code === 10 || (code !== undefined && code >= 200 && code <= 299) || code === 368 || code === 551) return { kind: "forbidden" };
  if (status >= 500 || code === 1 || code === 2) return { kind: "server" };
  if (status === 401) return { kind: "unauthorized" };
  if (status === 403) return { kind: "forbidden" };
  if (status === 429) return { kind: "rate_limited" };
  return { kind: "invalid_request" };
}

/** When a throttled caller may call again: Meta's estimate if it gave one, a prudent default otherwise. */
function retryAtFor(code: number | undefined, usage: GraphUsage, now = Date.now()): Date {
  const minutes = Math.max(0, ...usage.business.map((b) => b.estimatedTimeToRegainAccess));
  if (minutes > 0) return new Date(now + minutes * MINUTE);
  // #613 is mostly a per-second limit; the others are hourly or daily windows.
  return new Date(now + (code === 613 ? 1 : 5) * MINUTE);
}

const SUMMARY: Partial<Record<NetworkErrorReason, string>> = {
  token_expired: "the page access token has expired",
  token_invalid: "the page access token is invalid",
  app_secret_invalid: "the app secret does not match the app that issued the page access token",
  not_found: "the object does not exist or this token cannot see it",
};

/** Turns a Graph API error answer into a NetworkError. */
export function graphFailure(
  status: number,
  error: GraphErrorFields | undefined,
  usage: GraphUsage,
  action: string,
  fallbackDetail?: string,
): NetworkError {
  const code = typeof error?.code === "number" ? error.code : undefined;
  const subcode = typeof error?.error_subcode === "number" ? error.error_subcode : undefined;
  const detail = error?.message ?? fallbackDetail;
  const { kind, reason } = classify(status, code, subcode, detail ?? "");
  const codeText = code === undefined ? `HTTP ${status}` : `${code}${subcode === undefined ? "" : `/${subcode}`}`;
  const what = reason && SUMMARY[reason] ? `${SUMMARY[reason]} (${codeText}: ${detail})` : `${codeText}${detail ? `: ${detail}` : ""}`;
  const message = `Facebook ${action} failed: ${what}`;
  const retryAt = kind === "rate_limited" ? retryAtFor(code, usage) : undefined;
  return new NetworkError(kind, message, { status, detail, reason, retryAt, cause: error });
}

/** The request never got an HTTP answer: refused, reset, DNS failure or our own timeout. */
export function transportFailure(e: unknown, action: string, timeoutMs: number): NetworkError {
  if (e instanceof NetworkError) return e;
  const err = e as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (err?.name === "TimeoutError" || err?.name === "AbortError") {
    return new NetworkError("unreachable", `Facebook ${action}: no answer within ${timeoutMs} ms`, { cause: e });
  }
  const reason = err?.cause?.code ?? err?.cause?.message ?? err?.message ?? String(e);
  return new NetworkError("unreachable", `Facebook ${action}: network unreachable (${reason})`, { cause: e });
}
