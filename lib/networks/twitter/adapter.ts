import type { TwitterApi, TwitterRateLimit } from "twitter-api-v2";
import type { FetchResult, InboundMessage, NetworkAccount, NetworkAdapter, RateLimitInfo } from "../types";
import { createTwitterClients, type TwitterCredentials } from "./client";
import { isStaleSinceIdError, toNetworkError } from "./errors";
import { createTwitterSources } from "./sources";

export interface TwitterAdapterOptions {
  credentials: TwitterCredentials;
  searchQuery: string;
  /** Pages followed per fetchNew; X bills every post read, so a burst is capped rather than drained. */
  maxPages?: number;
  /** Per-request timeout; an unanswered request becomes an "unreachable" NetworkError. */
  timeoutMs?: number;
  /**
   * The campaign account's user id, so that its own posts (which X search returns like any
   * other) are not fed back as inbound messages. Defaults to the numeric prefix X puts in
   * access tokens ("<userId>-..."), when there is one.
   */
  ownAccountId?: string;
}

interface SearchTweet {
  id: string;
  text: string;
  author_id?: string;
  created_at?: string;
  lang?: string;
  conversation_id?: string;
  in_reply_to_user_id?: string;
  referenced_tweets?: Array<{ type: string; id: string }>;
}

interface SearchBody {
  data?: SearchTweet[];
  includes?: { users?: Array<{ id: string; username: string; name: string }> };
  meta?: { newest_id?: string; oldest_id?: string; result_count?: number; next_token?: string };
}

const SEARCH_FIELDS = {
  max_results: 100,
  expansions: "author_id",
  "user.fields": "username,name",
  "tweet.fields": "created_at,lang,conversation_id,in_reply_to_user_id,referenced_tweets,author_id",
};

function toRateLimitInfo(rl: TwitterRateLimit | undefined): RateLimitInfo | undefined {
  if (!rl || !Number.isFinite(rl.limit)) return undefined;
  return { limit: rl.limit, remaining: rl.remaining, resetAt: new Date(rl.reset * 1000) };
}

function compareIds(a: string, b: string): number {
  const x = BigInt(a);
  const y = BigInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

function toMessage(tweet: SearchTweet, users: Map<string, { username: string; name: string }>): InboundMessage {
  const author = tweet.author_id ? users.get(tweet.author_id) : undefined;
  return {
    externalId: tweet.id,
    threadId: tweet.conversation_id ?? tweet.id,
    text: tweet.text,
    authorId: tweet.author_id ?? "",
    authorHandle: author?.username ?? "",
    authorName: author?.name ?? author?.username ?? "",
    authorLang: tweet.lang && tweet.lang !== "und" ? tweet.lang : undefined,
    createdAt: tweet.created_at ? new Date(tweet.created_at) : new Date(),
    isPrivate: false,
    inReplyToId: tweet.referenced_tweets?.find((r) => r.type === "replied_to")?.id,
    raw: tweet,
  };
}

export function createTwitterAdapter(options: TwitterAdapterOptions): NetworkAdapter & {
  clients: { app: TwitterApi; user: TwitterApi };
} {
  const { credentials, searchQuery } = options;
  const maxPages = Math.max(1, options.maxPages ?? 10);
  const timeout = options.timeoutMs ?? 15_000;
  const clients = createTwitterClients(credentials);
  const ownId = options.ownAccountId ?? /^(\d+)-/.exec(credentials.accessToken)?.[1];

  async function searchPage(query: Record<string, string | number>) {
    return clients.app.v2.get<SearchBody>("tweets/search/recent", query, { fullResponse: true, timeout });
  }

  async function fetchFrom(sinceId: string | null): Promise<FetchResult> {
    const base: Record<string, string | number> = { query: searchQuery, ...SEARCH_FIELDS };
    if (sinceId) base.since_id = sinceId;
    const byId = new Map<string, InboundMessage>();
    let newestId: string | undefined;
    let nextToken: string | undefined;
    let rateLimit: RateLimitInfo | undefined;
    let readCount = 0;
    let pages = 0;
    do {
      const res = await searchPage(nextToken ? { ...base, next_token: nextToken } : base);
      pages++;
      rateLimit = toRateLimitInfo(res.rateLimit) ?? rateLimit;
      const body = res.data ?? {};
      // X's documented polling recipe: the next since_id is the FIRST page's newest_id.
      if (pages === 1) newestId = body.meta?.newest_id;
      const users = new Map((body.includes?.users ?? []).map((u) => [u.id, u]));
      for (const tweet of body.data ?? []) {
        readCount++;
        if (ownId && tweet.author_id === ownId) continue;
        byId.set(tweet.id, toMessage(tweet, users));
      }
      nextToken = body.meta?.next_token;
    } while (nextToken && pages < maxPages);
    const messages = [...byId.values()].sort((a, b) => compareIds(a.externalId, b.externalId));
    return {
      messages,
      cursor: newestId ?? sinceId,
      rateLimit,
      truncated: Boolean(nextToken),
      readCount,
    };
  }

  const read = createTwitterSources({ clients, searchQuery, timeoutMs: timeout, ownAccountId: ownId });

  return {
    kind: "twitter",
    clients,
    sources: read.sources,
    fetchSource: read.fetchSource,

    async fetchNew(cursor) {
      try {
        return await fetchFrom(cursor);
      } catch (e) {
        // A campaign paused for over a week holds a since_id X no longer accepts; everything
        // still searchable is newer than it anyway, so searching without it loses nothing.
        if (cursor && isStaleSinceIdError(e)) {
          try {
            return await fetchFrom(null);
          } catch (retryError) {
            throw toNetworkError(retryError, "search");
          }
        }
        throw toNetworkError(e, "search");
      }
    },

    async reply({ inReplyToId, text }) {
      try {
        const res = await clients.user.v2.post<{ data: { id: string; text: string } }>(
          "tweets",
          { text, reply: { in_reply_to_tweet_id: inReplyToId } },
          { timeout },
        );
        return { externalId: res.data.id };
      } catch (e) {
        throw toNetworkError(e, "reply");
      }
    },

    async verify(): Promise<NetworkAccount> {
      try {
        const res = await clients.user.v2.get<{ data: { id: string; username: string; name: string } }>("users/me", undefined, { timeout });
        return { id: res.data.id, handle: res.data.username, name: res.data.name };
      } catch (e) {
        throw toNetworkError(e, "account check");
      }
    },
  };
}
