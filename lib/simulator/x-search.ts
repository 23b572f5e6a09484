import { createHash } from "node:crypto";
import { matches, parseQuery } from "../networks/twitter/query";
import { xProblems } from "./http";
import { snowflakeTime, type SimStore, type SimTweet, type SimUser } from "./state";

// GET /2/tweets/search/recent, following the wire: newest first, 7-day window, opaque next_token,
// no "data" key at all on an empty page, and X's own 400 bodies for bad parameters.

const RECENT_WINDOW_MS = 7 * 24 * 3600 * 1000;
const ID_RE = /^[0-9]{1,19}$/;

const ALLOWED_PARAMS = [
  "query",
  "start_time",
  "end_time",
  "since_id",
  "until_id",
  "max_results",
  "next_token",
  "pagination_token",
  "sort_order",
  "expansions",
  "tweet.fields",
  "user.fields",
  "media.fields",
  "place.fields",
  "poll.fields",
];
const ALLOWED_VALUES: Record<string, string[]> = {
  expansions: [
    "author_id",
    "referenced_tweets.id",
    "referenced_tweets.id.author_id",
    "in_reply_to_user_id",
    "attachments.media_keys",
    "attachments.poll_ids",
    "geo.place_id",
    "entities.mentions.username",
    "edit_history_tweet_ids",
  ],
  "tweet.fields": [
    "attachments",
    "author_id",
    "context_annotations",
    "conversation_id",
    "created_at",
    "edit_controls",
    "edit_history_tweet_ids",
    "entities",
    "geo",
    "id",
    "in_reply_to_user_id",
    "lang",
    "non_public_metrics",
    "note_tweet",
    "organic_metrics",
    "possibly_sensitive",
    "promoted_metrics",
    "public_metrics",
    "referenced_tweets",
    "reply_settings",
    "source",
    "text",
    "withheld",
  ],
  "user.fields": [
    "created_at",
    "description",
    "entities",
    "id",
    "location",
    "name",
    "pinned_tweet_id",
    "profile_image_url",
    "protected",
    "public_metrics",
    "url",
    "username",
    "verified",
    "verified_type",
    "withheld",
  ],
};

type ParamError = { parameters: Record<string, string[]>; message: string };
export type SearchOutcome = { status: 200 | 400; body: unknown };

function listParam(params: URLSearchParams, name: string): string[] {
  const v = params.get(name);
  return v
    ? v
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean)
    : [];
}

function encodeToken(boundaryId: string, query: string): string {
  const q = createHash("sha1").update(query).digest("hex").slice(0, 8);
  return Buffer.from(JSON.stringify({ b: boundaryId, q })).toString("base64url");
}

function decodeToken(token: string, query: string): string | null {
  try {
    const parsed = JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as { b?: string; q?: string };
    const q = createHash("sha1").update(query).digest("hex").slice(0, 8);
    return parsed.b && ID_RE.test(parsed.b) && parsed.q === q ? parsed.b : null;
  } catch {
    return null;
  }
}

function validate(params: URLSearchParams): ParamError[] {
  const errors: ParamError[] = [];
  for (const key of new Set(params.keys())) {
    if (!ALLOWED_PARAMS.includes(key)) {
      errors.push({
        parameters: { [key]: params.getAll(key) },
        message: `The query parameter [${key}] is not one of [${ALLOWED_PARAMS.join(",")}]`,
      });
    }
  }
  const query = params.get("query");
  if (!query || !query.trim()) {
    errors.push({ parameters: { query: [] }, message: "The `query` query parameter can not be empty" });
  } else {
    const parsed = parseQuery(query);
    if (!parsed.ok) {
      errors.push({ parameters: { query: [query] }, message: `There were errors processing your request: ${parsed.error}` });
    }
  }
  const max = params.get("max_results");
  if (max !== null && (!/^\d+$/.test(max) || Number(max) < 10 || Number(max) > 100)) {
    errors.push({
      parameters: { max_results: [max] },
      message: `The \`max_results\` query parameter value [${max}] is not between 10 and 100`,
    });
  }
  for (const name of ["since_id", "until_id"]) {
    const v = params.get(name);
    if (v !== null && !ID_RE.test(v)) {
      errors.push({ parameters: { [name]: [v] }, message: `The \`${name}\` query parameter value [${v}] does not match ^[0-9]{1,19}$` });
    }
  }
  for (const [name, allowed] of Object.entries(ALLOWED_VALUES)) {
    for (const v of listParam(params, name)) {
      if (!allowed.includes(v)) {
        errors.push({
          parameters: { [name]: [v] },
          message: `The \`${name}\` query parameter value [${v}] is not one of [${allowed.join(",")}]`,
        });
      }
    }
  }
  return errors;
}

export function renderUser(user: SimUser, fields: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = { id: user.id, name: user.name, username: user.handle };
  if (fields.includes("created_at")) out.created_at = user.createdAt;
  if (fields.includes("description")) out.description = "";
  if (fields.includes("protected")) out.protected = false;
  if (fields.includes("verified")) out.verified = false;
  if (fields.includes("public_metrics")) out.public_metrics = followerMetrics(user);
  return out;
}

/** A stable, plausible follower count for customers nobody gave one. */
function followerMetrics(user: SimUser) {
  const h = createHash("sha1").update(user.id).digest();
  const followers = user.followers ?? h.readUInt16BE(0) % 5000;
  return { followers_count: followers, following_count: h.readUInt16BE(2) % 1000, tweet_count: h.readUInt16BE(4) % 10000, listed_count: 0 };
}

/** entities.mentions of a post: every @handle in its text, with the user's id when known. */
function mentionEntities(text: string, store?: SimStore) {
  const out: Array<{ start: number; end: number; username: string; id?: string }> = [];
  for (const m of text.matchAll(/(^|[^A-Za-z0-9_@])@([A-Za-z0-9_]{1,15})(?![A-Za-z0-9_])/g)) {
    const start = (m.index ?? 0) + m[1].length;
    const user = store?.userByHandle(m[2]);
    out.push({ start, end: start + m[2].length + 1, username: m[2], ...(user ? { id: user.id } : {}) });
  }
  return out;
}

export function renderTweet(t: SimTweet, fields: string[], expansions: string[], store?: SimStore): Record<string, unknown> {
  const out: Record<string, unknown> = { id: t.id, text: t.text, edit_history_tweet_ids: [t.id] };
  if (fields.includes("entities")) {
    const mentions = mentionEntities(t.text, store);
    if (mentions.length) out.entities = { mentions };
  }
  // X adds an expanded field to the object even when tweet.fields did not ask for it.
  if (fields.includes("author_id") || expansions.includes("author_id")) out.author_id = t.authorId;
  if (fields.includes("created_at")) out.created_at = t.createdAt;
  if (fields.includes("lang")) out.lang = t.lang;
  if (fields.includes("conversation_id")) out.conversation_id = t.conversationId;
  if (t.inReplyToUserId && (fields.includes("in_reply_to_user_id") || expansions.includes("in_reply_to_user_id"))) {
    out.in_reply_to_user_id = t.inReplyToUserId;
  }
  if (t.inReplyToId && (fields.includes("referenced_tweets") || expansions.some((e) => e.startsWith("referenced_tweets")))) {
    out.referenced_tweets = [{ type: "replied_to", id: t.inReplyToId }];
  }
  return out;
}

export function searchRecent(store: SimStore, params: URLSearchParams, now = Date.now()): SearchOutcome {
  const errors = validate(params);
  if (errors.length) return { status: 400, body: xProblems.invalidRequest(errors) };

  const query = params.get("query") ?? "";
  const parsed = parseQuery(query);
  if (!parsed.ok) throw new Error("unreachable: validated above");
  const windowStart = now - RECENT_WINDOW_MS;
  const sinceId = params.get("since_id");
  if (sinceId && snowflakeTime(sinceId) < windowStart) {
    const minId = ((BigInt(windowStart) - 1288834974657n) << 22n).toString();
    const after = new Date(windowStart).toISOString();
    return {
      status: 400,
      body: xProblems.invalidRequest([
        {
          parameters: { since_id: [sinceId] },
          message: `Invalid 'since_id':'${sinceId}'. 'since_id' must be a tweet id created after ${after}. Please use a 'since_id' that is larger than ${minId}`,
        },
      ]),
    };
  }
  const token = params.get("next_token") ?? params.get("pagination_token");
  const boundary = token ? decodeToken(token, query) : null;
  if (token && !boundary) {
    return {
      status: 400,
      body: xProblems.invalidRequest([
        { parameters: { next_token: [token] }, message: `The \`next_token\` query parameter value [${token}] is not valid` },
      ]),
    };
  }
  const untilId = params.get("until_id");
  const startTime = params.get("start_time") ? Date.parse(params.get("start_time")!) : windowStart;
  const endTime = params.get("end_time") ? Date.parse(params.get("end_time")!) : Infinity;
  const maxResults = Number(params.get("max_results") ?? 10);

  const hits: SimTweet[] = [];
  let more = false;
  // Canonical decimal ids compare as (length, text): no BigInt per post of a long timeline.
  const canon = (id: string | null) => (id ? BigInt(id).toString() : null);
  const cmp = (a: string, b: string) => (a.length !== b.length ? a.length - b.length : a < b ? -1 : a > b ? 1 : 0);
  const since = canon(sinceId);
  const until = canon(untilId);
  const bound = canon(boundary);
  for (const t of store.tweetsNewestFirst()) {
    if (since && cmp(t.id, since) <= 0) break; // newest first: everything below is older
    if (bound && cmp(t.id, bound) >= 0) continue;
    if (until && cmp(t.id, until) >= 0) continue;
    const created = Date.parse(t.createdAt);
    if (created < Math.max(windowStart, startTime) || created >= endTime) continue;
    const author = store.user(t.authorId);
    const parent = t.inReplyToId ? store.tweet(t.inReplyToId) : undefined;
    const replyTo = t.inReplyToUserId ? store.user(t.inReplyToUserId) : undefined;
    const isHit = matches(parsed.ast, {
      text: t.text,
      lang: t.lang,
      authorHandle: author?.handle ?? "",
      inReplyToHandle: replyTo?.handle ?? null,
      isReply: Boolean(parent || t.inReplyToId),
    });
    if (!isHit) continue;
    if (hits.length === maxResults) {
      more = true;
      break;
    }
    hits.push(t);
  }

  if (hits.length === 0) return { status: 200, body: { meta: { result_count: 0 } } };

  const fields = listParam(params, "tweet.fields");
  const expansions = listParam(params, "expansions");
  const userFields = listParam(params, "user.fields");
  const includes: Record<string, unknown[]> = {};
  const userIds = new Set<string>();
  if (expansions.includes("author_id")) hits.forEach((t) => userIds.add(t.authorId));
  if (expansions.includes("in_reply_to_user_id")) hits.forEach((t) => t.inReplyToUserId && userIds.add(t.inReplyToUserId));
  if (expansions.includes("referenced_tweets.id")) {
    const refs = hits.map((t) => (t.inReplyToId ? store.tweet(t.inReplyToId) : undefined)).filter((t): t is SimTweet => !!t);
    if (refs.length) includes.tweets = refs.map((t) => renderTweet(t, fields, expansions));
    if (expansions.includes("referenced_tweets.id.author_id")) refs.forEach((t) => userIds.add(t.authorId));
  }
  const users = [...userIds].map((id) => store.user(id)).filter((u): u is SimUser => !!u);
  if (users.length) includes.users = users.map((u) => renderUser(u, userFields));

  const meta: Record<string, unknown> = {
    newest_id: hits[0].id,
    oldest_id: hits[hits.length - 1].id,
    result_count: hits.length,
  };
  if (more) meta.next_token = encodeToken(hits[hits.length - 1].id, query);
  return {
    status: 200,
    body: { data: hits.map((t) => renderTweet(t, fields, expansions, store)), ...(Object.keys(includes).length ? { includes } : {}), meta },
  };
}
