import type { FetchResult, InboundMessage } from "../types";
import { highestUsage, type GraphClient, type GraphUsage } from "./client";

// Polling a page for what customers wrote since the last poll: Messenger messages (through the
// conversations edge, newest thread first) and, when the campaign asks, comments on the page's
// recent posts. Graph times have one-second precision, so the cursor is a time high-water mark
// plus the ids already seen at that exact second.

export interface PollOptions {
  pageId: string;
  checkComments: boolean;
  /** Pages of results followed per poll and per source; a burst is capped rather than drained. */
  maxPages: number;
  /** How many of the page's latest posts have their comments checked. */
  recentPosts: number;
}

interface Mark {
  t: number;
  ids: string[];
}

interface Cursor {
  v: 1;
  messages?: Mark;
  comments?: Mark;
}

interface GraphFrom {
  id?: string;
  name?: string;
}

interface GraphMessage {
  id: string;
  message?: string;
  from?: GraphFrom;
  created_time: string;
}

interface GraphComment extends GraphMessage {
  parent?: { id: string };
}

interface Paging {
  cursors?: { after?: string };
  next?: string;
}

interface Listing<T> {
  data?: T[];
  paging?: Paging;
}

/** Messenger only lets a page read the 20 most recent messages of a thread. */
const READABLE_MESSAGES = 20;
const MESSAGE_FIELDS = "id,message,from,created_time";
const COMMENT_FIELDS = "id,message,from,created_time,parent";

export function parseCursor(raw: string | null): Cursor {
  if (!raw) return { v: 1 };
  try {
    const c = JSON.parse(raw) as Cursor;
    return c && c.v === 1 ? c : { v: 1 };
  } catch {
    return { v: 1 };
  }
}

/** Tracks what is new against a mark and where the next mark stands. */
class Watermark {
  private t: number;
  private ids: Set<string>;

  constructor(private readonly since: Mark | undefined) {
    this.t = since?.t ?? 0;
    this.ids = new Set(since?.ids ?? []);
  }

  isOld(time: number): boolean {
    return this.since !== undefined && time < this.since.t;
  }

  /** True the first time an item newer than (or at) the mark is seen. */
  take(id: string, time: number): boolean {
    if (this.isOld(time) || (this.since && time === this.since.t && this.since.ids.includes(id))) return false;
    if (time > this.t) {
      this.t = time;
      this.ids = new Set([id]);
    } else if (time === this.t) this.ids.add(id);
    return true;
  }

  mark(): Mark | undefined {
    return this.t ? { t: this.t, ids: [...this.ids] } : this.since;
  }
}

function toMessage(m: GraphComment, threadId: string, isPrivate: boolean): InboundMessage {
  return {
    externalId: m.id,
    threadId,
    text: m.message ?? "",
    authorId: m.from?.id ?? "",
    // Facebook has no public handles: the page-scoped id is the only stable name a page sees.
    authorHandle: m.from?.id ?? "",
    authorName: m.from?.name ?? "",
    createdAt: new Date(Date.parse(m.created_time)),
    isPrivate,
    ...(m.parent ? { inReplyToId: m.parent.id } : {}),
    raw: m,
  };
}

export async function pollPage(graph: GraphClient, cursor: string | null, opts: PollOptions): Promise<FetchResult> {
  const pageId = encodeURIComponent(opts.pageId);
  const state = parseCursor(cursor);
  const out: InboundMessage[] = [];
  let truncated = false;
  let readCount = 0;
  let usage: GraphUsage | undefined;

  // Messenger: threads come most recently updated first; stop at the first one older than the mark.
  const inbox = new Watermark(state.messages);
  let after: string | undefined;
  for (let page = 1; ; page++) {
    const res = await graph.get<Listing<{ id: string; updated_time: string; messages?: Listing<GraphMessage> }>>(
      `${pageId}/conversations`,
      { platform: "messenger", fields: `id,updated_time,messages.limit(${READABLE_MESSAGES}){${MESSAGE_FIELDS}}`, limit: 25, after },
      "inbox read",
    );
    usage = res.usage;
    let reachedOld = false;
    for (const conv of res.data.data ?? []) {
      if (inbox.isOld(Date.parse(conv.updated_time))) {
        reachedOld = true;
        break;
      }
      const messages = conv.messages?.data ?? [];
      readCount += messages.length;
      let fresh = 0;
      for (const m of messages) {
        if (!inbox.take(m.id, Date.parse(m.created_time))) continue;
        fresh++;
        if (m.from?.id !== opts.pageId) out.push(toMessage(m, conv.id, true));
      }
      // Every readable message is new: older unread ones may lie beyond Messenger's 20.
      if (state.messages && fresh === READABLE_MESSAGES) truncated = true;
    }
    after = res.data.paging?.cursors?.after;
    if (reachedOld || !res.data.paging?.next || !after) break;
    if (page >= opts.maxPages) {
      truncated = true;
      break;
    }
  }

  let comments: Mark | undefined = state.comments;
  if (opts.checkComments) {
    const wall = new Watermark(state.comments);
    const feed = await graph.get<Listing<{ id: string; comments?: Listing<GraphComment> }>>(
      `${pageId}/feed`,
      { fields: `id,comments.order(reverse_chronological).filter(stream).limit(50){${COMMENT_FIELDS}}`, limit: opts.recentPosts },
      "comments read",
    );
    usage = feed.usage;
    for (const post of feed.data.data ?? []) {
      let listing = post.comments;
      for (let page = 1; listing; page++) {
        let reachedOld = false;
        for (const c of listing.data ?? []) {
          readCount++;
          const time = Date.parse(c.created_time);
          if (wall.isOld(time)) {
            reachedOld = true;
            break;
          }
          if (wall.take(c.id, time) && c.from?.id !== opts.pageId) out.push(toMessage(c, c.parent?.id ?? c.id, false));
        }
        const next = listing.paging?.cursors?.after;
        // Pages can be short or even empty and still have `next`: only its absence ends the list.
        if (reachedOld || !listing.paging?.next || !next) break;
        if (page >= opts.maxPages) {
          truncated = true;
          break;
        }
        const res = await graph.get<Listing<GraphComment>>(
          `${post.id}/comments`,
          { filter: "stream", order: "reverse_chronological", fields: COMMENT_FIELDS, limit: 50, after: next },
          "comments read",
        );
        usage = res.usage;
        listing = res.data;
      }
    }
    comments = wall.mark();
  }

  out.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.externalId < b.externalId ? -1 : 1));
  const next: Cursor = { v: 1, messages: inbox.mark(), comments };
  const share = usage ? highestUsage(usage) : 0;
  const regain = Math.max(0, ...(usage?.business ?? []).map((b) => b.estimatedTimeToRegainAccess));
  return {
    messages: out,
    cursor: JSON.stringify(next),
    // Facebook reports shares of its allowance, not counts: expressed here as percent points.
    rateLimit: usage ? { limit: 100, remaining: Math.max(0, 100 - share), resetAt: new Date(Date.now() + regain * 60_000) } : undefined,
    truncated,
    readCount,
  };
}
