import type { TwitterApi, TwitterRateLimit } from "twitter-api-v2";
import {
  NetworkError,
  type InboundMessage,
  type RateLimitInfo,
  type ReadCounts,
  type SourceFetchResult,
  type SourceKind,
  type SourcePosition,
} from "../types";
import { isStaleSinceIdError, toNetworkError } from "./errors";

// The X read side, one source at a time: keyword search, mentions of the campaign account and
// direct messages. Every source is read newest first; a burst larger than one poll's page cap is
// drained over the next polls from the pagination token, and `cursor` moves to the burst's newest
// id only once caught up, so nothing is skipped (X's documented since_id recipe alone would skip
// everything beyond the cap).

interface XUser {
  id: string;
  username?: string;
  name?: string;
  public_metrics?: { followers_count?: number };
}

interface XTweet {
  id: string;
  text: string;
  author_id?: string;
  created_at?: string;
  lang?: string;
  conversation_id?: string;
  in_reply_to_user_id?: string;
  referenced_tweets?: Array<{ type: string; id: string }>;
  entities?: { mentions?: Array<{ username?: string; id?: string }> };
}

interface XDmEvent {
  id: string;
  event_type?: string;
  text?: string;
  sender_id?: string;
  dm_conversation_id?: string;
  created_at?: string;
}

interface XPage<T> {
  data?: T[];
  includes?: { users?: XUser[] };
  meta?: { newest_id?: string; oldest_id?: string; result_count?: number; next_token?: string; previous_token?: string };
}

export const TWEET_FIELDS = "created_at,lang,conversation_id,in_reply_to_user_id,referenced_tweets,author_id,entities";
export const USER_FIELDS = "username,name,public_metrics";
const DM_FIELDS = "id,text,event_type,created_at,sender_id,dm_conversation_id";

export interface TwitterSourceOptions {
  clients: { app: TwitterApi; user: TwitterApi };
  searchQuery: string;
  timeoutMs: number;
  /** The campaign account's id; learnt from users/me when not configured. */
  ownAccountId?: string;
}

function toRateLimitInfo(rl: TwitterRateLimit | undefined): RateLimitInfo | undefined {
  if (!rl || !Number.isFinite(rl.limit)) return undefined;
  return { limit: rl.limit, remaining: rl.remaining, resetAt: new Date(rl.reset * 1000) };
}

export function compareIds(a: string, b: string): number {
  const x = BigInt(a);
  const y = BigInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

const maxId = (a: string | null, b: string | null | undefined) => (!a ? (b ?? null) : !b ? a : compareIds(a, b) >= 0 ? a : b);
const ID_RE = /^[0-9]{1,19}$/;

/** Refuses a 2xx body that is not what X documents: nothing half-read is ever stored. */
function checkPage<T extends { id: string }>(body: unknown, what: string, item: (x: T) => boolean): XPage<T> {
  const bad = (why: string) => new NetworkError("malformed", `X ${what}: unexpected answer (${why})`);
  if (!body || typeof body !== "object" || Array.isArray(body)) throw bad("not an object");
  const page = body as XPage<T>;
  if (page.data !== undefined && !Array.isArray(page.data)) throw bad("data is not a list");
  if (page.meta !== undefined && (typeof page.meta !== "object" || page.meta === null)) throw bad("meta is not an object");
  for (const x of page.data ?? []) {
    if (!x || typeof x !== "object" || typeof x.id !== "string" || !ID_RE.test(x.id) || !item(x)) throw bad("an item lacks its id or text");
  }
  if (page.includes?.users !== undefined && !Array.isArray(page.includes.users)) throw bad("includes.users is not a list");
  return page;
}

const isTweet = (t: XTweet) => typeof t.text === "string";
const isDm = (d: XDmEvent) => d.event_type !== "MessageCreate" || typeof d.text === "string";

function isInvalidToken(e: unknown): boolean {
  const err = e as { code?: number; data?: { errors?: Array<{ parameters?: Record<string, unknown> }> } };
  return (
    err?.code === 400 &&
    Boolean(err.data?.errors?.some((x) => x.parameters && ("pagination_token" in x.parameters || "next_token" in x.parameters)))
  );
}

export function createTwitterSources(options: TwitterSourceOptions) {
  const { clients, searchQuery, timeoutMs } = options;
  let ownId = options.ownAccountId;
  let ownHandle: string | undefined;

  async function account(): Promise<string> {
    if (ownId) return ownId;
    try {
      const me = await clients.user.v2.get<{ data: { id: string; username: string } }>("users/me", undefined, { timeout: timeoutMs });
      ownId = me.data.id;
      ownHandle = me.data.username;
      return ownId;
    } catch (e) {
      throw toNetworkError(e, "account check");
    }
  }

  function toMessage(t: XTweet, users: Map<string, XUser>, kind: SourceKind): InboundMessage {
    const author = t.author_id ? users.get(t.author_id) : undefined;
    const mentions =
      kind === "x_mentions" ||
      (ownId !== undefined && t.in_reply_to_user_id === ownId) ||
      Boolean(
        t.entities?.mentions?.some(
          (m) => (ownId && m.id === ownId) || (ownHandle && m.username?.toLowerCase() === ownHandle.toLowerCase()),
        ),
      );
    const followers = author?.public_metrics?.followers_count;
    return {
      externalId: t.id,
      sourceKind: kind,
      channel: kind === "x_mentions" ? "mention" : "keyword",
      threadId: t.conversation_id ?? t.id,
      text: t.text,
      authorId: t.author_id ?? "",
      authorHandle: author?.username ?? "",
      authorName: author?.name ?? author?.username ?? "",
      authorLang: t.lang && t.lang !== "und" ? t.lang : undefined,
      createdAt: t.created_at ? new Date(t.created_at) : new Date(),
      isPrivate: false,
      mentionsAccount: mentions,
      ...(typeof followers === "number" ? { authorFollowers: followers } : {}),
      inReplyToId: t.referenced_tweets?.find((r) => r.type === "replied_to")?.id,
    };
  }

  function dmToMessage(d: XDmEvent, users: Map<string, XUser>): InboundMessage {
    const sender = d.sender_id ? users.get(d.sender_id) : undefined;
    const followers = sender?.public_metrics?.followers_count;
    return {
      externalId: d.id,
      sourceKind: "x_dms",
      channel: "dm",
      threadId: d.dm_conversation_id ?? d.sender_id ?? d.id,
      text: d.text ?? "",
      authorId: d.sender_id ?? "",
      authorHandle: sender?.username ?? "",
      authorName: sender?.name ?? sender?.username ?? "",
      createdAt: d.created_at ? new Date(d.created_at) : new Date(),
      isPrivate: true,
      mentionsAccount: false,
      ...(typeof followers === "number" ? { authorFollowers: followers } : {}),
    };
  }

  /**
   * Reads a newest-first timeline. With `since` the network filters what is older than the
   * cursor (search, mentions); without it (DM events, which take no since_id) the reading stops
   * at the first item at or below the cursor.
   */
  async function drain<T extends { id: string }>(
    kind: SourceKind,
    position: SourcePosition,
    pageCap: number,
    read: (params: Record<string, string | number>) => Promise<{ data: unknown; rateLimit?: TwitterRateLimit }>,
    spec: { tokenParam: "next_token" | "pagination_token"; since: boolean; item: (x: T) => boolean; what: string },
    collect: (page: XPage<T>, users: Map<string, XUser>, out: Map<string, InboundMessage>, reads: ReadCounts) => void,
  ): Promise<SourceFetchResult> {
    const out = new Map<string, InboundMessage>();
    const reads: ReadCounts = { posts: 0, users: 0, dmEvents: 0 };
    let pending = position.pendingCursor;
    let token = position.pageToken;
    let rateLimit: RateLimitInfo | undefined;
    let calls = 0;
    let reachedOld = false;
    let since = spec.since ? position.cursor : null;
    while (calls < pageCap) {
      const params: Record<string, string | number> = {};
      if (since) params.since_id = since;
      if (token) params[spec.tokenParam] = token;
      let res: { data: unknown; rateLimit?: TwitterRateLimit };
      try {
        res = await read(params);
      } catch (e) {
        // A token X no longer honours: start the drain again from the cursor (stored messages
        // are not stored twice), keeping the burst's newest id.
        if (token && isInvalidToken(e)) {
          token = null;
          continue;
        }
        // A since_id older than search's 7-day window: everything searchable is newer anyway.
        if (since && isStaleSinceIdError(e)) {
          since = null;
          continue;
        }
        throw e;
      }
      calls++;
      rateLimit = toRateLimitInfo(res.rateLimit) ?? rateLimit;
      const page = checkPage<T>(res.data, spec.what, spec.item);
      const users = new Map((page.includes?.users ?? []).map((u) => [u.id, u]));
      reads.users += users.size;
      const items = page.data ?? [];
      if (!token) pending = maxId(pending, page.meta?.newest_id ?? items[0]?.id);
      let kept = items;
      if (!spec.since && position.cursor) {
        const cut = items.findIndex((x) => compareIds(x.id, position.cursor!) <= 0);
        if (cut >= 0) {
          kept = items.slice(0, cut);
          reachedOld = true;
        }
      }
      collect({ ...page, data: kept }, users, out, reads);
      token = page.meta?.next_token ?? null;
      if (!token || reachedOld) {
        token = null;
        break;
      }
    }
    const messages = [...out.values()].sort((a, b) => compareIds(a.externalId, b.externalId));
    const caughtUp = token === null;
    const positionOut: SourcePosition = caughtUp
      ? { cursor: maxId(position.cursor, pending), pageToken: null, pendingCursor: null }
      : { cursor: position.cursor, pageToken: token, pendingCursor: pending };
    return { messages, position: positionOut, caughtUp, reads, calls, rateLimit };
  }

  const collectTweets =
    (kind: SourceKind, own: string | undefined) =>
    (page: XPage<XTweet>, users: Map<string, XUser>, out: Map<string, InboundMessage>, reads: ReadCounts) => {
      for (const t of page.data ?? []) {
        reads.posts++;
        if (own && t.author_id === own) continue;
        out.set(t.id, toMessage(t, users, kind));
      }
    };

  async function fetchSource(kind: SourceKind, position: SourcePosition, { pageCap }: { pageCap: number }): Promise<SourceFetchResult> {
    const cap = Math.max(1, pageCap);
    try {
      if (kind === "x_search") {
        const base = {
          query: searchQuery,
          max_results: 100,
          expansions: "author_id",
          "user.fields": USER_FIELDS,
          "tweet.fields": TWEET_FIELDS,
        };
        return await drain<XTweet>(
          kind,
          position,
          cap,
          (p) => clients.app.v2.get("tweets/search/recent", { ...base, ...p }, { fullResponse: true, timeout: timeoutMs }),
          { tokenParam: "next_token", since: true, item: isTweet, what: "search" },
          collectTweets(kind, ownId),
        );
      }
      if (kind === "x_mentions") {
        const id = await account();
        const base = { max_results: 100, expansions: "author_id", "user.fields": USER_FIELDS, "tweet.fields": TWEET_FIELDS };
        return await drain<XTweet>(
          kind,
          position,
          cap,
          (p) => clients.app.v2.get(`users/${id}/mentions`, { ...base, ...p }, { fullResponse: true, timeout: timeoutMs }),
          { tokenParam: "pagination_token", since: true, item: isTweet, what: "mentions read" },
          collectTweets(kind, id),
        );
      }
      if (kind === "x_dms") {
        const id = await account();
        const base = {
          max_results: 100,
          event_types: "MessageCreate",
          "dm_event.fields": DM_FIELDS,
          expansions: "sender_id",
          "user.fields": USER_FIELDS,
        };
        return await drain<XDmEvent>(
          kind,
          position,
          cap,
          (p) => clients.user.v2.get("dm_events", { ...base, ...p }, { fullResponse: true, timeout: timeoutMs }),
          { tokenParam: "pagination_token", since: false, item: isDm, what: "DM read" },
          (page, users, out, reads) => {
            for (const d of page.data ?? []) {
              reads.dmEvents++;
              if (d.event_type !== "MessageCreate" || d.sender_id === id) continue;
              out.set(d.id, dmToMessage(d, users));
            }
          },
        );
      }
    } catch (e) {
      throw toNetworkError(e, kind === "x_search" ? "search" : kind === "x_mentions" ? "mentions read" : "DM read");
    }
    throw new NetworkError("invalid_request", `X has no source ${kind}`);
  }

  return {
    sources: (): SourceKind[] => [...(searchQuery.trim() ? (["x_search"] as const) : []), "x_mentions", "x_dms"],
    fetchSource,
  };
}
