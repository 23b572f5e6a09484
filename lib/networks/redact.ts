import { NetworkError } from "./types";

/** Longest text kept of a network's error: the rest is noise for an agent and room for a leak. */
export const MAX_ERROR_TEXT = 300;

const PATTERNS: [RegExp, string][] = [
  // Authorization headers and bearer tokens as echoed back by a platform or a proxy.
  [/\b(authorization|proxy-authorization)\s*[:=]\s*("[^"]*"|[^\s,;]+(\s+[^\s,;]+)?)/gi, "$1: [redacted]"],
  [/\b(bearer|basic|oauth)\s+[A-Za-z0-9._~+/=-]{8,}/gi, "$1 [redacted]"],
  // key=value pairs whose key names a credential (query strings, form bodies, JSON).
  [
    /(["']?)\b(access_?token|refresh_?token|client_?secret|consumer_?secret|api_?key|api_?secret|app_?secret|token|secret|password|passwd|signature|oauth_[a-z_]+|appsecret_proof)\1(\s*[:=]\s*)("[^"]*"|'[^']*'|[^\s&,;"'}]+)/gi,
    "$1$2$1$3[redacted]",
  ],
  // Credentials in a URL's user-info.
  [/(\b[a-z][a-z0-9+.-]*:\/\/)[^/\s:@]+:[^/\s@]+@/gi, "$1[redacted]@"],
  // Anything that looks like a token: long runs of base64/hex/url-safe characters.
  [/\b[A-Za-z0-9_-]{32,}={0,2}/g, "[redacted]"],
  [/\b[A-Za-z0-9+/]{40,}={0,2}/g, "[redacted]"],
];

/**
 * A network's error text made safe to store and show to agents: credentials (bearer tokens,
 * `access_token=…`, app secrets, URL passwords, anything token-shaped) and the given secret values
 * are replaced by `[redacted]`, control characters dropped, and the text cut to MAX_ERROR_TEXT.
 */
export function redactNetworkText(text: string, secrets: readonly (string | null | undefined)[] = []): string {
  let out = text;
  for (const secret of secrets) if (secret && secret.length >= 4) out = out.split(secret).join("[redacted]");
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
  out = out.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, " ").trim();
  return out.length > MAX_ERROR_TEXT ? `${out.slice(0, MAX_ERROR_TEXT - 1)}…` : out;
}

/**
 * What Relais stores of a failed send (`messages.send_error`) and shows: the error's kind and
 * HTTP status, and the network's own text redacted. Never a stack, never a raw exception.
 */
export function redactedSendError(err: unknown, secrets: readonly (string | null | undefined)[] = []): string {
  if (err instanceof NetworkError) {
    const head = err.status ? `${err.kind} (HTTP ${err.status})` : err.kind;
    const text = redactNetworkText(err.detail ?? err.message, secrets);
    return text ? `${head}: ${text}` : head;
  }
  return redactNetworkText(err instanceof Error ? err.message : String(err), secrets) || "error";
}
