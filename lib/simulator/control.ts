import type { IncomingMessage, ServerResponse } from "node:http";
import { handleFacebookControl } from "./facebook-control";
import type { FacebookMeter } from "./facebook-limits";
import { BodyError, readJson, sendJson } from "./http";
import {
  FAULT_ENDPOINTS,
  FAULT_STATUSES,
  faultApplies,
  type FaultEndpoint,
  type FaultQueue,
  type FaultStatus,
  type RateLimiter,
} from "./limits";
import type { SimDm, SimStore, SimTweet } from "./state";
import { DEMO_ACCOUNT } from "./demo";
import { type TrafficGenerator, validateTraffic } from "./traffic";

// The /_sim/ API: what trainers (through Relais' /simulator page), scripts and tests use to play
// the customers' side and to look at exactly what the app sent to the network.

export interface ControlContext {
  store: SimStore;
  limiter: RateLimiter;
  faults: FaultQueue;
  traffic: TrafficGenerator;
  facebookMeter: FacebookMeter;
}

export interface SimTweetView {
  id: string;
  text: string;
  authorId: string;
  authorHandle: string;
  authorName: string;
  lang: string;
  createdAt: string;
  conversationId: string;
  inReplyToId: string | null;
  fromApp: boolean;
}

const HANDLE_RE = /^@?[A-Za-z0-9_]{1,15}$/;
const LANG_RE = /^[a-z]{2,3}(-[a-z0-9]{2,8})?$/i;

function view(store: SimStore, t: SimTweet): SimTweetView {
  const author = store.user(t.authorId);
  return {
    id: t.id,
    text: t.text,
    authorId: t.authorId,
    authorHandle: author?.handle ?? "",
    authorName: author?.name ?? "",
    lang: t.lang,
    createdAt: t.createdAt,
    conversationId: t.conversationId,
    inReplyToId: t.inReplyToId ?? null,
    fromApp: Boolean(t.appId),
  };
}

export interface SimDmView {
  id: string;
  conversationId: string;
  senderId: string;
  senderHandle: string;
  senderName: string;
  recipientId: string;
  recipientHandle: string;
  text: string;
  createdAt: string;
  fromApp: boolean;
}

function dmView(store: SimStore, d: SimDm): SimDmView {
  const sender = store.user(d.senderId);
  return {
    id: d.id,
    conversationId: d.conversationId,
    senderId: d.senderId,
    senderHandle: sender?.handle ?? "",
    senderName: sender?.name ?? "",
    recipientId: d.recipientId,
    recipientHandle: store.user(d.recipientId)?.handle ?? "",
    text: d.text,
    createdAt: d.createdAt,
    fromApp: Boolean(d.appId),
  };
}

/** A customer writing a direct message to an app's account (the demo account unless toHandle says otherwise). */
function postCustomerDm(ctx: ControlContext, input: Record<string, unknown>, res: ServerResponse): void {
  const { authorHandle, authorName, text, toHandle } = input;
  if (typeof authorHandle !== "string" || !HANDLE_RE.test(authorHandle)) {
    return fail(res, 400, "authorHandle must be an X handle: 1 to 15 letters, digits or underscores");
  }
  if (typeof text !== "string" || !text.trim() || [...text].length > 10_000) {
    return fail(res, 400, "text is required and must be at most 10000 characters");
  }
  if (authorName !== undefined && (typeof authorName !== "string" || authorName.length > 50)) {
    return fail(res, 400, "authorName must be a string of at most 50 characters");
  }
  const recipient = ctx.store.userByHandle(typeof toHandle === "string" && toHandle ? toHandle : DEMO_ACCOUNT.handle);
  if (!recipient || !ctx.store.allApps.some((a) => a.accountId === recipient.id)) {
    return fail(res, 404, `toHandle ${String(toHandle)} is not an app's account`);
  }
  const existing = ctx.store.userByHandle(authorHandle);
  if (existing && ctx.store.allApps.some((a) => a.accountId === existing.id)) {
    return fail(res, 400, `@${existing.handle} is an app's account; it sends through POST /2/dm_conversations`);
  }
  const sender = ctx.store.ensureUser(authorHandle, authorName as string | undefined);
  const dm = ctx.store.addDm({ sender, recipientId: recipient.id, text });
  sendJson(res, 201, { id: dm.id, dm: dmView(ctx.store, dm) });
}

function fail(res: ServerResponse, status: number, error: string): void {
  sendJson(res, status, { error });
}

async function body(req: IncomingMessage): Promise<Record<string, unknown>> {
  const parsed = await readJson(req);
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) throw new BodyError("Expected a JSON object");
  return parsed as Record<string, unknown>;
}

function postCustomerTweet(ctx: ControlContext, input: Record<string, unknown>, res: ServerResponse): void {
  const { authorHandle, authorName, text, lang, inReplyToId, followers } = input;
  if (followers !== undefined && (!Number.isInteger(followers) || (followers as number) < 0)) {
    return fail(res, 400, "followers must be a whole number of at least 0");
  }
  if (typeof authorHandle !== "string" || !HANDLE_RE.test(authorHandle)) {
    return fail(res, 400, "authorHandle must be an X handle: 1 to 15 letters, digits or underscores");
  }
  if (typeof text !== "string" || !text.trim() || [...text].length > 280) {
    return fail(res, 400, "text is required and must be at most 280 characters");
  }
  if (authorName !== undefined && (typeof authorName !== "string" || authorName.length > 50)) {
    return fail(res, 400, "authorName must be a string of at most 50 characters");
  }
  if (lang !== undefined && (typeof lang !== "string" || !LANG_RE.test(lang))) {
    return fail(res, 400, "lang must be a language code such as fr or en");
  }
  if (inReplyToId !== undefined && inReplyToId !== null && (typeof inReplyToId !== "string" || !ctx.store.tweet(inReplyToId))) {
    return fail(res, 404, `inReplyToId ${String(inReplyToId)} is not a known tweet`);
  }
  const existing = ctx.store.userByHandle(authorHandle);
  if (existing && ctx.store.allApps.some((a) => a.accountId === existing.id)) {
    return fail(res, 400, `@${existing.handle} is an app's account; it posts through POST /2/tweets`);
  }
  const author = ctx.store.ensureUser(
    authorHandle,
    authorName as string | undefined,
    lang as string | undefined,
    followers as number | undefined,
  );
  const tweet = ctx.store.addTweet({
    author,
    text,
    lang: lang as string | undefined,
    inReplyToId: (inReplyToId as string | null | undefined) ?? undefined,
  });
  sendJson(res, 201, { id: tweet.id, tweet: view(ctx.store, tweet) });
}

/** Many customer posts in one call (load tests, benchmarks); all or nothing. */
function postCustomerTweets(ctx: ControlContext, input: Record<string, unknown>, res: ServerResponse): void {
  const list = input.tweets;
  if (!Array.isArray(list) || list.length === 0 || list.length > 5000) return fail(res, 400, "tweets must be a list of 1 to 5000 posts");
  for (const t of list as Array<Record<string, unknown>>) {
    if (!t || typeof t.authorHandle !== "string" || !HANDLE_RE.test(t.authorHandle)) return fail(res, 400, "every post needs an X handle");
    if (typeof t.text !== "string" || !t.text.trim() || [...t.text].length > 280)
      return fail(res, 400, "every post needs a text of at most 280 characters");
  }
  const ids = (list as Array<{ authorHandle: string; authorName?: string; text: string; lang?: string }>).map((t) => {
    const author = ctx.store.ensureUser(t.authorHandle, typeof t.authorName === "string" ? t.authorName : undefined);
    return ctx.store.addTweet({ author, text: t.text, lang: typeof t.lang === "string" ? t.lang : undefined }).id;
  });
  sendJson(res, 201, { ids });
}

function injectFault(ctx: ControlContext, input: Record<string, unknown>, res: ServerResponse): void {
  const { endpoint, status } = input;
  const count = input.count === undefined ? 1 : Number(input.count);
  if (!FAULT_ENDPOINTS.includes(endpoint as FaultEndpoint)) {
    return fail(res, 400, `endpoint must be one of ${FAULT_ENDPOINTS.join(", ")}`);
  }
  if (!FAULT_STATUSES.includes(status as FaultStatus)) {
    return fail(res, 400, `status must be one of ${FAULT_STATUSES.join(", ")}`);
  }
  if (!faultApplies(endpoint as FaultEndpoint, status as FaultStatus)) {
    return fail(res, 400, `status ${String(status)} only applies to Facebook endpoints`);
  }
  if (!Number.isInteger(count) || count < 1 || count > 10_000) return fail(res, 400, "count must be an integer from 1 to 10000");
  ctx.faults.add(endpoint as FaultEndpoint, status as FaultStatus, count);
  sendJson(res, 200, { ok: true, faults: ctx.faults.list() });
}

function listLimit(url: URL): number {
  const raw = Number(url.searchParams.get("limit"));
  return Number.isInteger(raw) && raw > 0 ? raw : Infinity;
}

/** Serves /_sim/*; returns false when the path belongs to someone else. */
export async function handleControl(ctx: ControlContext, req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
  if (!url.pathname.startsWith("/_sim/")) return false;
  const route = `${req.method} ${url.pathname.replace(/\/+$/, "")}`;
  try {
    switch (route) {
      case "GET /_sim/health":
        sendJson(res, 200, { ok: true });
        return true;
      case "POST /_sim/reset":
        ctx.traffic.stop();
        ctx.faults.clear();
        ctx.limiter.reset();
        ctx.facebookMeter.reset();
        ctx.store.reset();
        sendJson(res, 200, { ok: true });
        return true;
      case "POST /_sim/twitter/tweets":
        postCustomerTweet(ctx, await body(req), res);
        return true;
      case "GET /_sim/twitter/tweets": {
        const tweets = ctx.store.tweetsNewestFirst().slice(0, listLimit(url));
        sendJson(res, 200, { tweets: tweets.map((t) => view(ctx.store, t)) });
        return true;
      }
      case "POST /_sim/twitter/tweets/bulk":
        postCustomerTweets(ctx, await body(req), res);
        return true;
      case "POST /_sim/twitter/dms":
        postCustomerDm(ctx, await body(req), res);
        return true;
      case "GET /_sim/twitter/dms": {
        const dms = ctx.store.dmsNewestFirst().slice(0, listLimit(url));
        sendJson(res, 200, { dms: dms.map((d) => dmView(ctx.store, d)) });
        return true;
      }
      case "GET /_sim/twitter/replies": {
        const replies = ctx.store
          .tweetsNewestFirst()
          .filter((t) => t.appId)
          .slice(0, listLimit(url));
        sendJson(res, 200, { replies: replies.map((t) => view(ctx.store, t)) });
        return true;
      }
      case "GET /_sim/mails":
        sendJson(res, 200, { mails: ctx.store.mails().slice(0, listLimit(url)) });
        return true;
      case "POST /_sim/faults":
        injectFault(ctx, await body(req), res);
        return true;
      case "GET /_sim/faults":
        sendJson(res, 200, { faults: ctx.faults.list() });
        return true;
      case "DELETE /_sim/faults":
        ctx.faults.clear();
        sendJson(res, 200, { ok: true });
        return true;
      case "POST /_sim/twitter/traffic": {
        const parsed = validateTraffic(await body(req));
        if (typeof parsed === "string") fail(res, 400, parsed);
        else sendJson(res, 201, ctx.traffic.start(parsed));
        return true;
      }
      case "GET /_sim/twitter/traffic":
        sendJson(res, 200, { runs: ctx.traffic.list() });
        return true;
      case "DELETE /_sim/twitter/traffic":
        ctx.traffic.stop();
        sendJson(res, 200, { ok: true });
        return true;
      default:
        if (await handleFacebookControl(ctx.store.facebook, req, res, url)) return true;
        fail(res, 404, `No simulator control route ${route}`);
        return true;
    }
  } catch (e) {
    if (e instanceof BodyError) {
      fail(res, e.status, e.message);
      return true;
    }
    throw e;
  }
}
