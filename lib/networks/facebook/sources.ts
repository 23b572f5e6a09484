import {
  NetworkError,
  type InboundMessage,
  type RateLimitInfo,
  type ReadCounts,
  type SourceFetchResult,
  type SourceKind,
  type SourcePosition,
} from "../types";
import { highestUsage, type GraphClient, type GraphUsage } from "./client";

// The Facebook read side, one source at a time: Messenger conversations (most recently updated
// thread first) and comments on the page's recent posts (newest first per post). Graph times
// have one-second precision, so a position is a time mark plus the ids already seen at that
// second. A burst larger than one poll's page cap is drained over the next polls from the
// `after` cursor; the mark moves to the burst's newest item only once caught up.

interface Mark {
  t: number;
  ids: string[];
}

interface GraphFrom {
  id?: string;
  name?: string;
}

interface GraphItem {
  id: string;
  message?: string;
  from?: GraphFrom;
  created_time: string;
  parent?: { id: string };
}

interface Listing<T> {
  data?: T[];
  paging?: { cursors?: { after?: string }; next?: string };
}

/** Messenger only lets a page read the 20 most recent messages of a thread. */
const READABLE_MESSAGES = 20;
const CONVERSATION_CALL_SPACING_MS = 520;
const MESSAGE_FIELDS = "id,message,from,created_time";
const COMMENT_FIELDS = "id,message,from,created_time,parent";

export function parseMark(raw: string | null): Mark | undefined {
  if (!raw) return undefined;
  try {
    const m = JSON.parse(raw) as Mark;
    return typeof m?.t === "number" && Array.isArray(m.ids) ? m : undefined;
  } catch {
    return undefined;
  }
}

function mergeMarks(a: Mark | undefined, b: Mark | undefined): Mark | undefined {
  if (!a) return b;
  if (!b) return a;
  if (a.t !== b.t) return a.t > b.t ? a : b;
  return { t: a.t, ids: [...new Set([...a.ids, ...b.ids])] };
}

const markText = (m: Mark | undefined) => (m ? JSON.stringify(m) : null);

/** What is new against the caught-up mark, and the newest mark seen. */
class Watermark {
  private best: Mark | undefined;

  constructor(private readonly since: Mark | undefined) {}

  isOld(time: number): boolean {
    return this.since !== undefined && time < this.since.t;
  }

  take(id: string, time: number): boolean {
    if (this.isOld(time) || (this.since && time === this.since.t && this.since.ids.includes(id))) return false;
    this.best = mergeMarks(this.best, { t: time, ids: [id] });
    return true;
  }

  get newest(): Mark | undefined {
    return this.best;
  }
}

function malformed(what: string, why: string): NetworkError {
  return new NetworkError("malformed", `Facebook ${what}: unexpected answer (${why})`);
}

function checkListing<T>(body: unknown, what: string): Listing<T> {
  if (!body || typeof body !== "object" || Array.isArray(body)) throw malformed(what, "not an object");
  const l = body as Listing<T>;
  if (l.data !== undefined && !Array.isArray(l.data)) throw malformed(what, "data is not a list");
  return l;
}

function checkItem(x: GraphItem, what: string): number {
  const time = Date.parse(x?.created_time);
  if (!x || typeof x.id !== "string" || !Number.isFinite(time)) throw malformed(what, "an item lacks its id or time");
  return time;
}

function toMessage(m: GraphItem, threadId: string, kind: SourceKind): InboundMessage {
  return {
    externalId: m.id,
    sourceKind: kind,
    channel: kind === "fb_messenger" ? "messenger" : "comment",
    threadId,
    text: m.message ?? "",
    authorId: m.from?.id ?? "",
    // Facebook has no public handles: the page-scoped id is the only stable name a page sees.
    authorHandle: m.from?.id ?? "",
    authorName: m.from?.name ?? "",
    createdAt: new Date(Date.parse(m.created_time)),
    isPrivate: kind === "fb_messenger",
    ...(m.parent ? { inReplyToId: m.parent.id } : {}),
  };
}

function rateLimitOf(usage: GraphUsage | undefined): RateLimitInfo | undefined {
  if (!usage) return undefined;
  const share = highestUsage(usage);
  const regain = Math.max(0, ...usage.business.map((b) => b.estimatedTimeToRegainAccess));
  // Facebook reports shares of its allowance, not counts: expressed here as percent points.
  return { limit: 100, remaining: Math.max(0, 100 - share), resetAt: new Date(Date.now() + Math.max(regain, 1) * 60_000) };
}

export interface FacebookSourceOptions {
  pageId: string;
  checkComments: boolean;
  /** How many of the page's latest posts have their comments checked. */
  recentPosts: number;
}

export function createFacebookSources(graph: GraphClient, opts: FacebookSourceOptions) {
  const pageId = encodeURIComponent(opts.pageId);

  async function messenger(position: SourcePosition, cap: number): Promise<SourceFetchResult> {
    const wm = new Watermark(parseMark(position.cursor));
    const out: InboundMessage[] = [];
    const reads: ReadCounts = { posts: 0, users: 0, dmEvents: 0 };
    let after = position.pageToken ?? undefined;
    let usage: GraphUsage | undefined;
    let calls = 0;
    let done = false;
    while (calls < cap) {
      // The Conversations API allows 2 calls per second per page: a drain keeps to it.
      if (calls > 0) await new Promise((r) => setTimeout(r, CONVERSATION_CALL_SPACING_MS));
      const res = await graph.get<unknown>(
        `${pageId}/conversations`,
        { platform: "messenger", fields: `id,updated_time,messages.limit(${READABLE_MESSAGES}){${MESSAGE_FIELDS}}`, limit: 25, after },
        "inbox read",
      );
      calls++;
      usage = res.usage;
      const listing = checkListing<{ id: string; updated_time: string; messages?: Listing<GraphItem> }>(res.data, "inbox read");
      let reachedOld = false;
      for (const conv of listing.data ?? []) {
        if (!conv || typeof conv.id !== "string") throw malformed("inbox read", "a thread lacks its id");
        if (wm.isOld(Date.parse(conv.updated_time))) {
          reachedOld = true;
          break;
        }
        for (const m of checkListing<GraphItem>(conv.messages ?? {}, "inbox read").data ?? []) {
          const time = checkItem(m, "inbox read");
          reads.posts++;
          if (wm.take(m.id, time) && m.from?.id !== opts.pageId) out.push(toMessage(m, conv.id, "fb_messenger"));
        }
      }
      after = listing.paging?.cursors?.after;
      if (reachedOld || !listing.paging?.next || !after) {
        done = true;
        break;
      }
    }
    return finish(out, position, wm, done, done ? null : (after ?? null), reads, calls, usage);
  }

  async function comments(position: SourcePosition, cap: number): Promise<SourceFetchResult> {
    const wm = new Watermark(parseMark(position.cursor));
    const out: InboundMessage[] = [];
    const reads: ReadCounts = { posts: 0, users: 0, dmEvents: 0 };
    let usage: GraphUsage | undefined;
    let calls = 0;
    let state: { posts: string[]; after?: string };
    try {
      state = position.pageToken ? (JSON.parse(position.pageToken) as typeof state) : { posts: [] };
      if (!Array.isArray(state.posts)) state = { posts: [] };
    } catch {
      state = { posts: [] };
    }
    if (!position.pageToken || state.posts.length === 0) {
      const feed = await graph.get<unknown>(`${pageId}/feed`, { fields: "id", limit: opts.recentPosts }, "comments read");
      calls++;
      usage = feed.usage;
      const posts = checkListing<{ id: string }>(feed.data, "comments read").data ?? [];
      state = { posts: posts.map((p) => p.id).filter((id) => typeof id === "string") };
    }
    while (state.posts.length > 0 && calls < cap) {
      const postId = state.posts[0];
      const res = await graph.get<unknown>(
        `${encodeURIComponent(postId)}/comments`,
        { filter: "stream", order: "reverse_chronological", fields: COMMENT_FIELDS, limit: 100, after: state.after },
        "comments read",
      );
      calls++;
      usage = res.usage;
      const listing = checkListing<GraphItem>(res.data, "comments read");
      let reachedOld = false;
      for (const c of listing.data ?? []) {
        const time = checkItem(c, "comments read");
        reads.posts++;
        if (wm.isOld(time)) {
          reachedOld = true;
          break;
        }
        if (wm.take(c.id, time) && c.from?.id !== opts.pageId) out.push(toMessage(c, c.parent?.id ?? c.id, "fb_comments"));
      }
      const next = listing.paging?.cursors?.after;
      // Pages can be short or even empty and still have `next`: only its absence ends the list.
      if (reachedOld || !listing.paging?.next || !next) state = { posts: state.posts.slice(1) };
      else state = { posts: state.posts, after: next };
    }
    const done = state.posts.length === 0;
    return finish(out, position, wm, done, done ? null : JSON.stringify(state), reads, calls, usage);
  }

  function finish(
    out: InboundMessage[],
    position: SourcePosition,
    wm: Watermark,
    done: boolean,
    pageToken: string | null,
    reads: ReadCounts,
    calls: number,
    usage: GraphUsage | undefined,
  ): SourceFetchResult {
    out.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.externalId < b.externalId ? -1 : 1));
    const pending = mergeMarks(parseMark(position.pendingCursor), wm.newest);
    const next: SourcePosition = done
      ? { cursor: markText(mergeMarks(parseMark(position.cursor), pending)), pageToken: null, pendingCursor: null }
      : { cursor: position.cursor, pageToken, pendingCursor: markText(pending) };
    return { messages: out, position: next, caughtUp: done, reads, calls, rateLimit: rateLimitOf(usage) };
  }

  return {
    sources: (): SourceKind[] => ["fb_messenger", ...(opts.checkComments ? (["fb_comments"] as const) : [])],
    async fetchSource(kind: SourceKind, position: SourcePosition, { pageCap }: { pageCap: number }) {
      const cap = Math.max(1, pageCap);
      if (kind === "fb_messenger") return messenger(position, cap);
      if (kind === "fb_comments") return comments(position, Math.max(2, cap));
      throw new NetworkError("invalid_request", `Facebook has no source ${kind}`);
    },
  };
}
