// A failed send says exactly why, in the agent's language: network errors are mapped to i18n
// keys ("outbox.reasons.*") plus the network's code. The network's own text is for the server
// log only: it can quote the message, a token or internal details an agent must not see.
import { isNetworkError } from "@/lib/networks/types";
import type { GraphErrorFields } from "@/lib/networks/facebook/errors";

export interface SendFailure {
  reason: string;
  /** The network's code ("403", "10/2018278", "EAUTH"…), shown beside the reason; never its text. */
  code: string | null;
  transient: boolean;
  /** When a rate-limited call may be tried again, where the network said. */
  retryAt?: string;
}

function graphCode(cause: unknown): { code?: number; subcode?: number } {
  const c = cause as GraphErrorFields | undefined;
  return {
    code: typeof c?.code === "number" ? c.code : undefined,
    subcode: typeof c?.error_subcode === "number" ? c.error_subcode : undefined,
  };
}

/** Maps what a network call threw to a reason, deciding on codes and problem types, never on wording shown to agents. */
export function sendFailure(err: unknown): SendFailure {
  if (!isNetworkError(err)) {
    return { reason: "outbox.reasons.unexpected", code: null, transient: true };
  }
  const fb = graphCode(err.cause);
  const code =
    fb.code !== undefined ? `${fb.code}${fb.subcode !== undefined ? `/${fb.subcode}` : ""}` : err.status ? String(err.status) : null;
  const detail = err.detail ?? "";
  switch (err.kind) {
    case "rate_limited":
      return { reason: "outbox.reasons.rateLimited", code, transient: true, retryAt: err.retryAt?.toISOString() };
    case "unreachable":
      return { reason: "outbox.reasons.unreachable", code, transient: true };
    case "server":
      return { reason: "outbox.reasons.networkError", code, transient: true };
    case "unauthorized":
      return {
        reason: err.reason === "token_expired" ? "outbox.reasons.tokenExpired" : "outbox.reasons.tokenInvalid",
        code,
        transient: false,
      };
    case "duplicate":
      return { reason: "outbox.reasons.duplicate", code, transient: false };
    case "forbidden":
    case "invalid_request": {
      if (fb.code === 10 && fb.subcode === 2018278) return { reason: "outbox.reasons.outsideWindow", code, transient: false };
      if (fb.code === 100 && /tag/i.test(detail)) return { reason: "outbox.reasons.invalidTag", code, transient: false };
      if (fb.code === 551) return { reason: "outbox.reasons.personUnavailable", code, transient: false };
      if (fb.code === 10900) return { reason: "outbox.reasons.privateReplyUsed", code, transient: false };
      if (fb.code === 100 && fb.subcode === 33) return { reason: "outbox.reasons.notFound", code, transient: false };
      // X's problem details have no codes for these; their wording is stable and public.
      if (/not been mentioned or otherwise engaged/i.test(detail))
        return { reason: "outbox.reasons.xReplyNotAllowed", code, transient: false };
      if (/cannot send messages to this user/i.test(detail)) return { reason: "outbox.reasons.dmClosed", code, transient: false };
      if (/too long/i.test(detail)) return { reason: "outbox.reasons.tooLong", code, transient: false };
      if (/deleted or not visible/i.test(detail)) return { reason: "outbox.reasons.notFound", code, transient: false };
      return { reason: err.kind === "forbidden" ? "outbox.reasons.refused" : "outbox.reasons.invalid", code, transient: false };
    }
  }
  return { reason: "outbox.reasons.unexpected", code, transient: true };
}

/** What an SMTP client (nodemailer) threw: 4xx answers and connection trouble are transient, 5xx and auth are not. */
export function mailFailure(err: unknown): SendFailure {
  const e = err as { code?: string; responseCode?: number };
  const responseCode = typeof e?.responseCode === "number" ? e.responseCode : undefined;
  const code = responseCode !== undefined ? String(responseCode) : (e?.code ?? null);
  if (e?.code === "EAUTH") return { reason: "outbox.reasons.smtpAuth", code, transient: false };
  if (e?.code === "ENOSMTP") return { reason: "outbox.reasons.smtpNotConfigured", code: null, transient: false };
  if (responseCode !== undefined && responseCode >= 500) return { reason: "outbox.reasons.smtpRefused", code, transient: false };
  if (e?.code === "EENVELOPE") return { reason: "outbox.reasons.smtpRefused", code, transient: false };
  return { reason: "outbox.reasons.smtpUnavailable", code, transient: true };
}
