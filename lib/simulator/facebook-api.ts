import { createHmac, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { commentsEdge, conversationsEdge, feedEdge, messagesEdge, type EdgeOutcome } from "./facebook-edges";
import { publishToFeed, replyToComment, sendApi } from "./facebook-send";
import { usageHeaders, type FacebookMeter, type UsageReport } from "./facebook-limits";
import type { FbApp, FbPage, FbToken } from "./facebook-state";
import { fbtraceId, graphErrors, type GraphFailure } from "./graph-errors";
import { BodyError, readJson, sendJson, sendMalformed } from "./http";
import type { FaultEndpoint, FaultQueue, FaultStatus } from "./limits";
import type { SimStore } from "./state";

export const GRAPH_VERSION = "v26.0";

export interface FacebookContext {
  store: SimStore;
  meter: FacebookMeter;
  faults: FaultQueue;
  /** Parks a response that must never be answered (timeout fault); the server ends it on close. */
  hold(res: ServerResponse): void;
}

export interface Caller {
  token: FbToken;
  app: FbApp;
  page: FbPage;
}

interface Route {
  endpoint: FaultEndpoint;
  /** The conversations edge has its own per-second limit on top of the page's. */
  conversations?: boolean;
  /** The Send API's own per-second limit (300 calls/s per page). */
  send?: boolean;
  run(ctx: FacebookContext, caller: Caller, url: URL, body: Record<string, unknown>): EdgeOutcome;
}

const PAGE_FIELDS = ["id", "name", "category", "link"] as const;

function readPage(ctx: FacebookContext, caller: Caller, id: string, url: URL): EdgeOutcome {
  const page = id === "me" ? caller.page : ctx.store.facebook.page(id);
  // A page token only opens its own page: another page (or any unknown id) reads as missing,
  // which is what the real message says ("does not exist, cannot be loaded due to missing permissions").
  if (!page || page.id !== caller.page.id) return graphErrors.unsupportedRequest("GET", id);
  const fields = (url.searchParams.get("fields") || "name,id")
    .split(",")
    .map((f) => f.trim())
    .filter(Boolean);
  const body: Record<string, string> = {};
  for (const field of fields) {
    if (!(PAGE_FIELDS as readonly string[]).includes(field)) return graphErrors.nonexistingField(field, "Page");
    body[field] = field === "link" ? `https://www.facebook.com/${page.id}` : page[field as "id" | "name" | "category"];
  }
  return { status: 200, body };
}

function route(method: string, segments: string[]): Route | GraphFailure {
  const [id, edge, ...rest] = segments;
  if (!id) return graphErrors.unknownPath("/");
  if (rest.length) return graphErrors.unknownPath(`/${rest.join("/")}`);
  if (method === "POST" && edge === "comments")
    return { endpoint: "facebook-send", run: (ctx, caller, _url, body) => replyToComment(ctx.store.facebook, caller, id, body) };
  if (method === "POST" && edge === "messages")
    return { endpoint: "facebook-send", send: true, run: (ctx, caller, _url, body) => sendApi(ctx.store.facebook, caller, id, body) };
  if (method === "POST" && edge === "feed")
    return { endpoint: "facebook-send", run: (ctx, caller, _url, body) => publishToFeed(ctx.store.facebook, caller, id, body) };
  if (method !== "GET") return graphErrors.unsupportedRequest(method, id);
  if (!edge) return { endpoint: "facebook-page", run: (ctx, caller, url) => readPage(ctx, caller, id, url) };
  switch (edge) {
    case "conversations":
      return {
        endpoint: "facebook-conversations",
        conversations: true,
        run: (ctx, caller, url) => conversationsEdge(ctx.store.facebook, caller, id, url),
      };
    case "feed":
    case "posts":
      return { endpoint: "facebook-feed", run: (ctx, caller, url) => feedEdge(ctx.store.facebook, caller, id, url) };
    case "messages":
      return { endpoint: "facebook-conversations", run: (ctx, caller, url) => messagesEdge(ctx.store.facebook, caller, id, url) };
    case "comments":
      return { endpoint: "facebook-comments", run: (ctx, caller, url) => commentsEdge(ctx.store.facebook, caller, id, url) };
    default:
      return graphErrors.unknownPath(`/${edge}`);
  }
}

function accessToken(req: IncomingMessage, url: URL): string | null {
  const fromQuery = url.searchParams.get("access_token");
  if (fromQuery) return fromQuery;
  // Graph accepts the token in the Authorization header too, as "Bearer" or "OAuth".
  const header = /^(?:Bearer|OAuth)\s+(\S+)\s*$/i.exec(req.headers.authorization ?? "");
  return header?.[1] ?? null;
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Who is calling, or the Graph error that a bad token earns. */
function authenticate(ctx: FacebookContext, req: IncomingMessage, url: URL): Caller | GraphFailure {
  const raw = accessToken(req, url);
  if (!raw) return graphErrors.missingToken();
  const token = ctx.store.facebook.token(raw);
  const app = token && ctx.store.facebook.app(token.appId);
  const page = token && ctx.store.facebook.page(token.pageId);
  if (!token || !app || !page) return graphErrors.invalidToken();
  if (token.expiresAt && Date.parse(token.expiresAt) <= Date.now()) return graphErrors.expiredToken(new Date(token.expiresAt));
  // appsecret_proof is optional (the demo app does not require it) but checked when sent, so
  // that a wrong app secret in the campaign settings is caught by "Test connection".
  const proof = url.searchParams.get("appsecret_proof");
  if (proof !== null) {
    const expected = createHmac("sha256", app.secret).update(raw).digest("hex");
    if (!safeEqual(expected, proof.toLowerCase())) return graphErrors.invalidAppSecretProof();
  }
  return { token, app, page };
}

function isFailure(x: object): x is GraphFailure {
  return "body" in x && "status" in x;
}

function send(res: ServerResponse, outcome: EdgeOutcome, headers: Record<string, string> = {}): void {
  const trace = outcome.status >= 400 ? (outcome.body as GraphFailure["body"]).error.fbtrace_id : fbtraceId();
  sendJson(res, outcome.status, outcome.body, { "facebook-api-version": GRAPH_VERSION, "x-fb-trace-id": trace, ...headers });
}

function faultOutcome(
  fault: Exclude<FaultStatus, "timeout" | "malformed">,
  caller: Caller,
  usage: UsageReport,
): { outcome: GraphFailure; headers?: Record<string, string> } {
  switch (fault) {
    case 401:
      // Graph does not meter a token it cannot read, so no usage headers here.
      return { outcome: graphErrors.invalidToken(), headers: {} };
    case "expired_token":
      return { outcome: graphErrors.expiredToken(new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000)) };
    case 429: {
      // An injected throttle presents itself as the page's limit reached, with the shortest wait.
      const full = { ...usage, pagePercent: Math.max(100, usage.pagePercent), regainMinutes: Math.max(1, usage.regainMinutes) };
      return { outcome: graphErrors.pageLimit(), headers: usageHeaders(caller.page.id, full) };
    }
    case 500:
      return { outcome: graphErrors.unknownError() };
    case 503:
      return { outcome: graphErrors.serviceUnavailable() };
  }
}

function compareVersions(a: string, b: string): number {
  const [am, an] = a.slice(1).split(".").map(Number);
  const [bm, bn] = b.slice(1).split(".").map(Number);
  return am !== bm ? am - bm : an - bn;
}

/** Serves the Graph API subset under /vNN.N/; returns false for any other path. */
export async function handleFacebook(ctx: FacebookContext, req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
  const m = /^\/(v\d+\.\d+)(\/.*)?$/.exec(url.pathname);
  if (!m) return false;
  if (m[1] !== GRAPH_VERSION) {
    send(
      res,
      compareVersions(m[1], GRAPH_VERSION) < 0 ? graphErrors.deprecatedVersion(GRAPH_VERSION) : graphErrors.unknownPath(`/${m[1]}`),
    );
    return true;
  }
  let segments: string[];
  try {
    segments = (m[2] ?? "").split("/").filter(Boolean).map(decodeURIComponent);
  } catch {
    send(res, graphErrors.unknownPath(m[2] ?? "/"));
    return true;
  }
  const target = route(req.method ?? "GET", segments);
  if (isFailure(target)) {
    send(res, target);
    return true;
  }
  const caller = authenticate(ctx, req, url);
  if (isFailure(caller)) {
    send(res, caller);
    return true;
  }
  let body: Record<string, unknown> = {};
  if (req.method === "POST") {
    try {
      const parsed = await readJson(req);
      body = parsed && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
    } catch (e) {
      send(res, graphErrors.invalidParameter(e instanceof BodyError ? e.message : "Invalid request body"));
      return true;
    }
  }
  const { throttle, usage } = ctx.meter.take(caller.app.id, caller.page.id, { conversations: target.conversations });
  const headers = usageHeaders(caller.page.id, usage);
  const fault = ctx.faults.take(target.endpoint);
  if (fault === "timeout") {
    ctx.hold(res);
    return true;
  }
  if (fault === "malformed") {
    // On a send, the answer is cut after Graph did the work (a proxy dropping the reply): the message exists.
    if (req.method === "POST") target.run(ctx, caller, url, body);
    sendMalformed(res, headers);
    return true;
  }
  const injected = fault === null ? null : faultOutcome(fault, caller, usage);
  if (injected) {
    send(res, injected.outcome, injected.headers ?? headers);
    return true;
  }
  if (!throttle && target.send && ctx.meter.takeSend(caller.page.id)) {
    send(res, graphErrors.messengerLimit(), headers);
    return true;
  }
  if (throttle) {
    const error =
      throttle === "page" ? graphErrors.pagesBusinessLimit() : throttle === "app" ? graphErrors.appLimit() : graphErrors.apiRate();
    send(res, error, headers);
    return true;
  }
  send(res, target.run(ctx, caller, url, body), headers);
  return true;
}
