import type { IncomingMessage, ServerResponse } from "node:http";
import { authenticate, type AuthContext } from "./auth";
import { BodyError, readJson, sendJson, sendMalformed, xProblems } from "./http";
import type { FaultEndpoint, FaultQueue, RateLimitBucket, RateLimiter } from "./limits";
import type { SimStore, SimTweet } from "./state";
import { renderUser, searchRecent } from "./x-search";
import { dmEvents, mentionsTimeline } from "./x-timelines";
import { DM_PATH, readDms, sendDm } from "./x-dm";

export interface XContext {
  store: SimStore;
  limiter: RateLimiter;
  faults: FaultQueue;
  /** X's 2026 rule: self-serve apps may only reply to posts that engage their account. */
  enforceReplyPolicy: boolean;
  /** Parks a response that must never be answered (timeout fault); the server ends it on close. */
  hold(res: ServerResponse): void;
}

type Outcome = { status: number; body: unknown };

const MAX_TWEET_LENGTH = 280;
const ID_RE = /^[0-9]{1,19}$/;
const REPLY_NOT_ALLOWED =
  "Reply to this conversation is not allowed because you have not been mentioned or otherwise engaged by the author of the post you are replying to.";

interface Route {
  method: string;
  path: string | RegExp;
  endpoint: FaultEndpoint;
  userContextOnly: boolean;
  bucket(auth: Exclude<AuthContext, { kind: "invalid" }>): [RateLimitBucket, string];
  run(ctx: XContext, auth: Exclude<AuthContext, { kind: "invalid" }>, req: IncomingMessage, url: URL): Promise<Outcome>;
}

const routes: Route[] = [
  {
    method: "GET",
    path: "/2/tweets/search/recent",
    endpoint: "search",
    userContextOnly: false,
    bucket: (auth) => (auth.kind === "user" ? ["searchUser", auth.accountId] : ["search", auth.app.id]),
    run: async (ctx, _auth, _req, url) => searchRecent(ctx.store, url.searchParams),
  },
  {
    method: "GET",
    path: "/2/users/:id/mentions",
    endpoint: "mentions",
    userContextOnly: false,
    bucket: (auth) => (auth.kind === "user" ? ["mentionsUser", auth.accountId] : ["mentions", auth.app.id]),
    run: async (ctx, _auth, _req, url) =>
      mentionsTimeline(ctx.store, decodeURIComponent(url.pathname.split("/")[3] ?? ""), url.searchParams),
  },
  {
    method: "GET",
    path: "/2/dm_events",
    endpoint: "dm-events",
    userContextOnly: true,
    bucket: (auth) => ["dmRead", auth.app.accountId],
    run: async (ctx, auth, _req, url) => dmEvents(ctx.store, auth.app.accountId, url.searchParams),
  },
  {
    method: "POST",
    path: "/2/tweets",
    endpoint: "post",
    userContextOnly: true,
    bucket: (auth) => ["post", auth.app.accountId],
    run: (ctx, auth, req) => createTweet(ctx, auth.app.accountId, auth.app.id, req),
  },
  {
    method: "POST",
    path: DM_PATH,
    endpoint: "dm",
    userContextOnly: true,
    bucket: (auth) => ["dmSend", auth.app.accountId],
    run: (ctx, auth, req, url) => {
      const [, participant, edge] = DM_PATH.exec(url.pathname.replace(/\/+$/, ""))!;
      if (edge !== "messages") return Promise.resolve({ status: 404, body: xProblems.notFound() });
      return sendDm(ctx.store, auth.app.accountId, auth.app.id, decodeURIComponent(participant), req);
    },
  },
  {
    method: "GET",
    path: DM_PATH,
    endpoint: "dm",
    userContextOnly: true,
    bucket: (auth) => ["dmRead", auth.app.accountId],
    run: async (ctx, auth, _req, url) => {
      const [, participant, edge] = DM_PATH.exec(url.pathname.replace(/\/+$/, ""))!;
      if (edge !== "dm_events") return { status: 404, body: xProblems.notFound() };
      return readDms(ctx.store, auth.app.accountId, decodeURIComponent(participant));
    },
  },
  {
    method: "GET",
    path: "/2/users/me",
    endpoint: "me",
    userContextOnly: true,
    bucket: (auth) => ["me", auth.app.accountId],
    run: async (ctx, auth, _req, url) => {
      const me = ctx.store.user(auth.app.accountId);
      if (!me) return { status: 401, body: xProblems.unauthorized() };
      const fields = (url.searchParams.get("user.fields") ?? "").split(",").filter(Boolean);
      return { status: 200, body: { data: renderUser(me, fields) } };
    },
  },
];

function engagesAccount(store: SimStore, target: SimTweet, accountId: string): boolean {
  const account = store.user(accountId);
  if (!account || target.authorId === accountId || target.inReplyToUserId === accountId) return true;
  const mention = new RegExp(`(^|[^A-Za-z0-9_@])@${account.handle}(?![A-Za-z0-9_])`, "i");
  if (mention.test(target.text)) return true;
  return store.tweet(target.conversationId)?.authorId === accountId;
}

async function createTweet(ctx: XContext, accountId: string, appId: string, req: IncomingMessage): Promise<Outcome> {
  let body: unknown;
  try {
    body = await readJson(req);
  } catch (e) {
    const message = e instanceof BodyError ? e.message : "Invalid request body";
    return { status: 400, body: xProblems.invalidRequest([{ message }]) };
  }
  const input = (body && typeof body === "object" ? body : {}) as Record<string, unknown>;
  const allowedKeys = [
    "text",
    "reply",
    "quote_tweet_id",
    "reply_settings",
    "for_super_followers_only",
    "media",
    "poll",
    "geo",
    "direct_message_deep_link",
    "nullcast",
    "card_uri",
  ];
  const errors = Object.keys(input)
    .filter((k) => !allowedKeys.includes(k))
    .map((k) => ({ message: `$.${k}: is not defined in the schema and the schema does not allow additional properties` }));
  if (input.text !== undefined && typeof input.text !== "string") {
    errors.push({ message: `$.text: ${typeof input.text} found, string expected` });
  }
  const reply = input.reply as { in_reply_to_tweet_id?: unknown } | undefined;
  const replyId = reply?.in_reply_to_tweet_id;
  if (reply !== undefined && (typeof replyId !== "string" || !ID_RE.test(replyId))) {
    errors.push({ message: "$.reply.in_reply_to_tweet_id: does not match the regex pattern ^[0-9]{1,19}$" });
  }
  const text = typeof input.text === "string" ? input.text : "";
  if (!errors.length && !text.trim()) errors.push({ message: "Post text must not be empty (this simulator has no media upload)" });
  if (errors.length) return { status: 400, body: xProblems.invalidRequest(errors) };

  if ([...text].length > MAX_TWEET_LENGTH) {
    return {
      status: 403,
      body: xProblems.forbidden(
        "Your Tweet text is too long. For more information on how X determines text length see https://github.com/twitter/twitter-text.",
      ),
    };
  }
  let target: SimTweet | undefined;
  if (typeof replyId === "string") {
    target = ctx.store.tweet(replyId);
    if (!target)
      return { status: 403, body: xProblems.forbidden("You attempted to reply to a Tweet that is deleted or not visible to you.") };
    if (ctx.enforceReplyPolicy && !engagesAccount(ctx.store, target, accountId)) {
      return { status: 403, body: xProblems.forbidden(REPLY_NOT_ALLOWED) };
    }
  }
  const normalized = text.trim();
  const duplicate = ctx.store.tweetsNewestFirst().some((t) => t.authorId === accountId && t.text.trim() === normalized);
  if (duplicate) return { status: 403, body: xProblems.duplicate() };

  const author = ctx.store.user(accountId);
  if (!author) return { status: 401, body: xProblems.unauthorized() };
  const tweet = ctx.store.addTweet({ author, text, inReplyToId: target?.id, appId });
  return { status: 201, body: { data: { edit_history_tweet_ids: [tweet.id], id: tweet.id, text: tweet.text } } };
}

/** Serves the X API v2 subset; returns false when the path is not an X route. */
export async function handleX(ctx: XContext, req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
  if (!url.pathname.startsWith("/2/")) return false;
  const path = url.pathname.replace(/\/+$/, "").replace(/^\/2\/users\/[^/]+\/mentions$/, "/2/users/:id/mentions");
  const route = routes.find((r) => (typeof r.path === "string" ? r.path === path : r.path.test(path)) && r.method === req.method);
  if (!route) {
    sendJson(res, 404, xProblems.notFound());
    return true;
  }
  const auth = authenticate(req, url, ctx.store.allApps);
  if (auth.kind === "invalid") {
    sendJson(res, 401, xProblems.unauthorized());
    return true;
  }
  if (route.userContextOnly && auth.kind === "app") {
    sendJson(res, 403, xProblems.unsupportedAuthentication());
    return true;
  }
  const [bucket, key] = route.bucket(auth);
  const fault = ctx.faults.take(route.endpoint);
  if (fault === "timeout") {
    ctx.hold(res);
    return true;
  }
  if (fault === 401) {
    sendJson(res, 401, xProblems.unauthorized());
    return true;
  }
  if (fault === 429) {
    sendJson(res, 429, xProblems.tooManyRequests(), ctx.limiter.exhaust(bucket, key));
    return true;
  }
  const decision = ctx.limiter.take(bucket, key);
  if (!decision.allowed) {
    sendJson(res, 429, xProblems.tooManyRequests(), decision.headers);
    return true;
  }
  if (fault === 500 || fault === 503) {
    sendJson(res, fault, xProblems.serverError(fault), decision.headers);
    return true;
  }
  if (fault === "malformed") {
    // On a send, the answer is cut after X did the work (a proxy dropping the reply): the post exists.
    if (req.method === "POST") await route.run(ctx, auth, req, url);
    sendMalformed(res, decision.headers);
    return true;
  }
  const outcome = await route.run(ctx, auth, req, url);
  sendJson(res, outcome.status, outcome.body, decision.headers);
  return true;
}
