import { createHmac, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { SimApp } from "./demo";

export type AuthContext = { kind: "app"; app: SimApp } | { kind: "user"; app: SimApp; accountId: string } | { kind: "invalid" };

// X rejects OAuth 1.0a requests whose timestamp is further than this from its clock.
const MAX_CLOCK_SKEW_SECONDS = 15 * 60;

/** RFC 3986 encoding as OAuth 1.0a requires (encodeURIComponent leaves !*'() alone). */
export function oauthEncode(s: string): string {
  return encodeURIComponent(s).replace(/[!*'()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function parseOAuthHeader(header: string): Record<string, string> | null {
  if (!/^OAuth\s/i.test(header)) return null;
  const params: Record<string, string> = {};
  const re = /([A-Za-z0-9_\-.~%]+)="([^"]*)"/g;
  for (const m of header.slice(6).matchAll(re)) {
    try {
      params[decodeURIComponent(m[1])] = decodeURIComponent(m[2]);
    } catch {
      return null;
    }
  }
  return params;
}

/** The HMAC-SHA1 signature a correct client computes for this request (JSON bodies are not signed). */
export function oauthSignature(input: {
  method: string;
  baseUrl: string;
  oauthParams: Record<string, string>;
  query: URLSearchParams;
  consumerSecret: string;
  tokenSecret: string;
}): string {
  const pairs: Array<[string, string]> = [];
  for (const [k, v] of Object.entries(input.oauthParams)) {
    if (k !== "oauth_signature" && k !== "realm") pairs.push([oauthEncode(k), oauthEncode(v)]);
  }
  for (const [k, v] of input.query) pairs.push([oauthEncode(k), oauthEncode(v)]);
  pairs.sort(([ak, av], [bk, bv]) => (ak < bk ? -1 : ak > bk ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  const paramString = pairs.map(([k, v]) => `${k}=${v}`).join("&");
  const base = [input.method.toUpperCase(), oauthEncode(input.baseUrl), oauthEncode(paramString)].join("&");
  const key = `${oauthEncode(input.consumerSecret)}&${oauthEncode(input.tokenSecret)}`;
  return createHmac("sha1", key).update(base).digest("base64");
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Works out who is calling: an app (Bearer), an app acting for its account (OAuth 1.0a), or nobody valid. */
export function authenticate(req: IncomingMessage, url: URL, apps: SimApp[]): AuthContext {
  const header = req.headers.authorization ?? "";
  const bearer = /^Bearer\s+(.+)$/i.exec(header);
  if (bearer) {
    const token = bearer[1].trim();
    const app = apps.find((a) => safeEqual(a.bearerToken, token));
    return app ? { kind: "app", app } : { kind: "invalid" };
  }
  const oauth = parseOAuthHeader(header);
  if (!oauth) return { kind: "invalid" };
  const app = apps.find((a) => a.apiKey === oauth.oauth_consumer_key && a.accessToken === oauth.oauth_token);
  if (!app || oauth.oauth_signature_method !== "HMAC-SHA1" || !oauth.oauth_signature) return { kind: "invalid" };
  const timestamp = Number(oauth.oauth_timestamp);
  if (!Number.isFinite(timestamp) || Math.abs(Date.now() / 1000 - timestamp) > MAX_CLOCK_SKEW_SECONDS) {
    return { kind: "invalid" };
  }
  // The client signed the URL it sent to, i.e. this server's scheme, host and port.
  const proto = (req.headers["x-forwarded-proto"] as string | undefined)?.split(",")[0]?.trim() || "http";
  const expected = oauthSignature({
    method: req.method ?? "GET",
    baseUrl: `${proto}://${(req.headers.host ?? url.host).toLowerCase()}${url.pathname}`,
    oauthParams: oauth,
    query: url.searchParams,
    consumerSecret: app.apiSecret,
    tokenSecret: app.accessSecret,
  });
  if (!safeEqual(expected, oauth.oauth_signature)) return { kind: "invalid" };
  return { kind: "user", app, accountId: app.accountId };
}
