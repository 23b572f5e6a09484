import { ApiPartialResponseError, ApiRequestError, ApiResponseError } from "twitter-api-v2";
import { NetworkError } from "../types";

const UNREACHABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EPIPE",
]);

interface ProblemBody {
  title?: string;
  detail?: string;
  type?: string;
  errors?: Array<{ message?: string }>;
}

function problemText(data: unknown): string | undefined {
  if (!data || typeof data !== "object") return typeof data === "string" && data ? data : undefined;
  const body = data as ProblemBody;
  const first = body.errors?.find((e) => e?.message)?.message;
  return first ?? body.detail ?? body.title;
}

function resetDate(seconds: unknown): Date | undefined {
  const n = Number(seconds);
  return Number.isFinite(n) && n > 0 ? new Date(n * 1000) : undefined;
}

/** Turns whatever twitter-api-v2 (or the socket under it) threw into a NetworkError. */
export function toNetworkError(e: unknown, action: string): NetworkError {
  if (e instanceof NetworkError) return e;
  if (e instanceof ApiResponseError) {
    const status = e.code;
    const detail = problemText(e.data);
    const body = (e.data ?? {}) as ProblemBody;
    const msg = `X ${action} failed (${status}${detail ? `: ${detail}` : ""})`;
    if (status === 429) {
      const headers = e.headers ?? {};
      const retryAt =
        resetDate(headers["x-rate-limit-reset"]) ??
        resetDate(headers["x-user-limit-24hour-reset"]) ??
        resetDate(headers["x-app-limit-24hour-reset"]) ??
        new Date(Date.now() + 15 * 60_000);
      return new NetworkError("rate_limited", msg, { status, retryAt, detail, cause: e });
    }
    if (status === 401) return new NetworkError("unauthorized", msg, { status, detail, cause: e });
    if (status === 403) {
      const kind = /duplicate content/i.test(detail ?? "") ? "duplicate" : "forbidden";
      return new NetworkError(kind, msg, { status, detail, cause: e });
    }
    if (status >= 500) return new NetworkError("server", msg, { status, detail, cause: e });
    // Problem types are compared on their path suffix: X has served both api.twitter.com and api.x.com URLs.
    if (body.type?.endsWith("/problems/usage-capped")) {
      return new NetworkError("rate_limited", msg, { status, detail, cause: e });
    }
    return new NetworkError("invalid_request", msg, { status, detail, cause: e });
  }
  if (e instanceof ApiPartialResponseError) {
    // The whole body arrived but is not JSON: the network (or a proxy) answered garbage.
    if (e.responseError instanceof SyntaxError) {
      return new NetworkError("malformed", `X ${action}: the answer is not valid JSON`, { cause: e });
    }
    return new NetworkError("unreachable", `X ${action}: the connection dropped mid-response`, { cause: e });
  }
  if (e instanceof ApiRequestError) {
    // The request never got an HTTP answer: refused, reset, DNS failure or our own timeout.
    const inner = e.requestError as NodeJS.ErrnoException | undefined;
    const reason = inner?.code ?? inner?.message ?? "request failed";
    return new NetworkError("unreachable", `X ${action}: network unreachable (${reason})`, { cause: e });
  }
  const err = e as NodeJS.ErrnoException | undefined;
  if (err?.code && UNREACHABLE_CODES.has(err.code)) {
    return new NetworkError("unreachable", `X ${action}: network unreachable (${err.code})`, { cause: e });
  }
  return new NetworkError("server", `X ${action}: ${err?.message ?? String(e)}`, { cause: e });
}

/** True for X's 400 about a since_id older than the recent-search window (7 days). */
export function isStaleSinceIdError(e: unknown): boolean {
  if (!(e instanceof ApiResponseError) || e.code !== 400) return false;
  const data = e.data as { errors?: Array<{ parameters?: Record<string, unknown>; message?: string }> };
  // Only the "too old" complaint: a malformed since_id is a bug that retrying would hide.
  return Boolean(
    data?.errors?.some(
      (err) => err.parameters && "since_id" in err.parameters && /must be a tweet id created after/i.test(err.message ?? ""),
    ),
  );
}
