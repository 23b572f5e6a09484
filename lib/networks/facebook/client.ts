import { createHmac } from "node:crypto";
import { graphFailure, transportFailure, type GraphErrorFields } from "./errors";
import { NetworkError } from "../types";

// A typed fetch client for the Graph API (no maintained SDK fits a server that only reads a
// page's inbox and answers). Everything goes through the page access token; the app secret only
// signs it (appsecret_proof), so a wrong secret is caught before any real work.

export const GRAPH_API_BASE_URL = "https://graph.facebook.com";
export const GRAPH_API_VERSION = "v26.0";

export interface FacebookCredentials {
  /** "https://graph.facebook.com" in production, the simulator's URL in demo/training/tests. */
  baseUrl: string;
  appId: string;
  appSecret: string;
  pageAccessToken: string;
  pageId: string;
}

export interface AppUsage {
  callCount: number;
  totalTime: number;
  totalCputime: number;
}

export interface BusinessUsage extends AppUsage {
  objectId: string;
  type: string;
  /** Minutes until a throttled caller may call again; 0 when not throttled. */
  estimatedTimeToRegainAccess: number;
}

/** The usage headers of one answer, as percentages of the limits. */
export interface GraphUsage {
  app?: AppUsage;
  business: BusinessUsage[];
}

export interface GraphResponse<T> {
  data: T;
  status: number;
  usage: GraphUsage;
}

export interface GraphClientOptions {
  /** Per request; an unanswered request becomes an "unreachable" NetworkError. */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

type Params = Record<string, string | number | boolean | undefined>;

export interface GraphClient {
  readonly credentials: FacebookCredentials;
  get<T>(path: string, params?: Params, action?: string): Promise<GraphResponse<T>>;
  post<T>(path: string, body: Record<string, unknown>, action?: string): Promise<GraphResponse<T>>;
}

/** HMAC-SHA256 of the token keyed by the app secret, as Graph expects in `appsecret_proof`. */
export function appSecretProof(accessToken: string, appSecret: string): string {
  return createHmac("sha256", appSecret).update(accessToken).digest("hex");
}

function json(raw: string | null): unknown {
  if (!raw) return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

const num = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : 0);

export function parseUsage(headers: Headers): GraphUsage {
  const usage: GraphUsage = { business: [] };
  const app = json(headers.get("x-app-usage")) as Record<string, unknown> | undefined;
  if (app && typeof app === "object") {
    usage.app = { callCount: num(app.call_count), totalTime: num(app.total_time), totalCputime: num(app.total_cputime) };
  }
  const buc = json(headers.get("x-business-use-case-usage")) as Record<string, unknown> | undefined;
  if (buc && typeof buc === "object") {
    for (const [objectId, entries] of Object.entries(buc)) {
      if (!Array.isArray(entries)) continue;
      for (const e of entries as Array<Record<string, unknown>>) {
        usage.business.push({
          objectId,
          type: typeof e.type === "string" ? e.type : "",
          callCount: num(e.call_count),
          totalTime: num(e.total_time),
          totalCputime: num(e.total_cputime),
          estimatedTimeToRegainAccess: num(e.estimated_time_to_regain_access),
        });
      }
    }
  }
  return usage;
}

/** The highest share of any limit the last answer reported, 0–100+ (clients slow down before 100). */
export function highestUsage(usage: GraphUsage): number {
  const all = [usage.app, ...usage.business].filter((u): u is AppUsage => Boolean(u));
  return Math.max(0, ...all.map((u) => Math.max(u.callCount, u.totalTime, u.totalCputime)));
}

function normalizeBase(baseUrl: string): string {
  const url = new URL(baseUrl || GRAPH_API_BASE_URL);
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new Error(`Unsupported Graph API base URL protocol: ${url.protocol}`);
  }
  // A base URL pasted with a version ("…/v19.0") must not end up as "…/v19.0/v26.0/".
  const path = url.pathname.replace(/\/+$/, "").replace(/\/v\d+\.\d+$/, "");
  return `${url.origin}${path}/${GRAPH_API_VERSION}/`;
}

// A pooled socket left over from a restarted server fails at once with a reset; one retry of an
// idempotent read on a fresh socket tells that apart from a network that is really down.
function isStaleSocket(e: unknown): boolean {
  const code = ((e as { cause?: { code?: string } })?.cause?.code ?? "") as string;
  return code === "ECONNRESET" || code === "UND_ERR_SOCKET" || code === "EPIPE";
}

export function createGraphClient(credentials: FacebookCredentials, options: GraphClientOptions = {}): GraphClient {
  const base = normalizeBase(credentials.baseUrl);
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 15_000;
  const proof = credentials.appSecret ? appSecretProof(credentials.pageAccessToken, credentials.appSecret) : undefined;

  async function call<T>(method: "GET" | "POST", path: string, params: Params, body: unknown, action: string): Promise<GraphResponse<T>> {
    const url = new URL(path.replace(/^\/+/, ""), base);
    for (const [k, v] of Object.entries(params)) if (v !== undefined) url.searchParams.set(k, String(v));
    if (proof) url.searchParams.set("appsecret_proof", proof);
    const init: RequestInit = {
      method,
      headers: {
        authorization: `Bearer ${credentials.pageAccessToken}`,
        accept: "application/json",
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: "no-store",
    };
    let res: Response;
    let raw: string;
    for (let attempt = 1; ; attempt++) {
      try {
        res = await doFetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
        raw = await res.text();
        break;
      } catch (e) {
        if (method === "GET" && attempt === 1 && isStaleSocket(e)) continue;
        throw transportFailure(e, action, timeoutMs);
      }
    }
    const parsed = json(raw);
    const usage = parseUsage(res.headers);
    if (!res.ok) throw graphFailure(res.status, (parsed as { error?: GraphErrorFields } | undefined)?.error, usage, action);
    if (parsed === undefined) {
      if (res.status >= 500) throw graphFailure(res.status, undefined, usage, action, "the answer was not JSON");
      throw new NetworkError("malformed", `Facebook ${action}: the answer is not valid JSON`, { status: res.status });
    }
    return { data: parsed as T, status: res.status, usage };
  }

  return {
    credentials,
    get: (path, params = {}, action = "request") => call("GET", path, params, undefined, action),
    post: (path, body, action = "request") => call("POST", path, {}, body, action),
  };
}
