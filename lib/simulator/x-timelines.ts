import { xProblems } from "./http";
import { type SimDm, type SimStore, type SimTweet, type SimUser } from "./state";
import { renderTweet, renderUser } from "./x-search";

// GET /2/users/:id/mentions and GET /2/dm_events, following the wire: newest first, opaque
// pagination_token (not next_token), meta.previous_token, no "data" key on an empty page, and
// X's own 400 bodies for bad parameters.

const ID_RE = /^[0-9]{1,19}$/;
export type TimelineOutcome = { status: number; body: unknown };
type ParamError = { parameters: Record<string, string[]>; message: string };

function listParam(params: URLSearchParams, name: string): string[] {
  return (params.get(name) ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

// A page token names the boundary of the page it continues from: "older than id" (next) or
// "newer than id" (previous), bound to the timeline it came from.
function encodeToken(dir: "n" | "p", id: string, scope: string): string {
  return Buffer.from(JSON.stringify({ d: dir, b: id, s: scope })).toString("base64url");
}

function decodeToken(token: string, scope: string): { dir: "n" | "p"; id: string } | null {
  try {
    const t = JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as { d?: string; b?: string; s?: string };
    if ((t.d !== "n" && t.d !== "p") || !t.b || !ID_RE.test(t.b) || t.s !== scope) return null;
    return { dir: t.d, id: t.b };
  } catch {
    return null;
  }
}

function checkParams(params: URLSearchParams, allowed: string[], min: number, max: number): ParamError[] {
  const errors: ParamError[] = [];
  for (const key of new Set(params.keys())) {
    if (!allowed.includes(key)) {
      errors.push({
        parameters: { [key]: params.getAll(key) },
        message: `The query parameter [${key}] is not one of [${allowed.join(",")}]`,
      });
    }
  }
  const m = params.get("max_results");
  if (m !== null && (!/^\d+$/.test(m) || Number(m) < min || Number(m) > max)) {
    errors.push({
      parameters: { max_results: [m] },
      message: `The \`max_results\` query parameter value [${m}] is not between ${min} and ${max}`,
    });
  }
  for (const name of ["since_id", "until_id"]) {
    const v = params.get(name);
    if (v !== null && !ID_RE.test(v)) {
      errors.push({ parameters: { [name]: [v] }, message: `The \`${name}\` query parameter value [${v}] does not match ^[0-9]{1,19}$` });
    }
  }
  return errors;
}

/** Pages a newest-first list of id'd items the way X does. */
function page<T extends { id: string }>(
  items: T[],
  params: URLSearchParams,
  scope: string,
  defaultMax: number,
): { hits: T[]; meta: Record<string, unknown> } | { error: ParamError } {
  const token = params.get("pagination_token");
  const boundary = token ? decodeToken(token, scope) : null;
  if (token && !boundary) {
    return {
      error: {
        parameters: { pagination_token: [token] },
        message: `The \`pagination_token\` query parameter value [${token}] is not valid`,
      },
    };
  }
  // Canonical decimal ids compare as (length, text): no BigInt per item on a long timeline.
  const canon = (id: string | null) => (id === null ? null : BigInt(id).toString());
  const cmp = (a: string, b: string) => (a.length !== b.length ? a.length - b.length : a < b ? -1 : a > b ? 1 : 0);
  const sinceId = canon(params.get("since_id"));
  const untilId = canon(params.get("until_id"));
  const bound = boundary ? { dir: boundary.dir, id: canon(boundary.id)! } : null;
  const max = Number(params.get("max_results") ?? defaultMax);
  let candidates = items.filter(
    (t) =>
      (!sinceId || cmp(t.id, sinceId) > 0) &&
      (!untilId || cmp(t.id, untilId) < 0) &&
      (!bound || (bound.dir === "n" ? cmp(t.id, bound.id) < 0 : cmp(t.id, bound.id) > 0)),
  );
  // A previous page is the `max` items just newer than the boundary.
  if (boundary?.dir === "p") candidates = candidates.slice(Math.max(0, candidates.length - max));
  const hits = candidates.slice(0, max);
  const more = candidates.length > max;
  if (hits.length === 0) return { hits, meta: { result_count: 0 } };
  const meta: Record<string, unknown> = { result_count: hits.length, newest_id: hits[0].id, oldest_id: hits[hits.length - 1].id };
  if (more) meta.next_token = encodeToken("n", hits[hits.length - 1].id, scope);
  // X gives a previous_token on every page but the first.
  if (token) meta.previous_token = encodeToken("p", hits[0].id, scope);
  return { hits, meta };
}

/** Whether a post mentions (or answers) a user; the pattern is built once per request. */
function mentionsOf(user: SimUser): (t: SimTweet) => boolean {
  const pattern = new RegExp(`(^|[^A-Za-z0-9_@])@${user.handle}(?![A-Za-z0-9_])`, "i");
  return (t) => t.authorId !== user.id && (t.inReplyToUserId === user.id || pattern.test(t.text));
}

const MENTION_PARAMS = [
  "since_id",
  "until_id",
  "max_results",
  "pagination_token",
  "start_time",
  "end_time",
  "expansions",
  "tweet.fields",
  "user.fields",
  "media.fields",
  "place.fields",
  "poll.fields",
];

export function mentionsTimeline(store: SimStore, userId: string, params: URLSearchParams): TimelineOutcome {
  const errors = checkParams(params, MENTION_PARAMS, 5, 100);
  if (!ID_RE.test(userId))
    errors.push({ parameters: { id: [userId] }, message: `The \`id\` query parameter value [${userId}] does not match ^[0-9]{1,19}$` });
  if (errors.length) return { status: 400, body: xProblems.invalidRequest(errors) };
  const user = store.user(userId);
  if (!user) {
    return {
      status: 200,
      body: {
        errors: [
          {
            value: userId,
            detail: `Could not find user with id: [${userId}].`,
            title: "Not Found Error",
            resource_type: "user",
            parameter: "id",
            resource_id: userId,
            type: "https://api.twitter.com/2/problems/resource-not-found",
          },
        ],
      },
    };
  }
  const paged = page(store.tweetsNewestFirst().filter(mentionsOf(user)), params, `m:${userId}`, 10);
  if ("error" in paged) return { status: 400, body: xProblems.invalidRequest([paged.error]) };
  const { hits, meta } = paged;
  if (hits.length === 0) return { status: 200, body: { meta } };
  const fields = listParam(params, "tweet.fields");
  const expansions = listParam(params, "expansions");
  const body: Record<string, unknown> = { data: hits.map((t) => renderTweet(t, fields, expansions, store)), meta };
  if (expansions.includes("author_id")) {
    const users = [...new Set(hits.map((t) => t.authorId))].map((id) => store.user(id)).filter((u): u is SimUser => !!u);
    body.includes = { users: users.map((u) => renderUser(u, listParam(params, "user.fields"))) };
  }
  return { status: 200, body };
}

const DM_PARAMS = [
  "max_results",
  "pagination_token",
  "event_types",
  "dm_event.fields",
  "expansions",
  "user.fields",
  "media.fields",
  "tweet.fields",
];
const DM_FIELDS = [
  "id",
  "text",
  "event_type",
  "created_at",
  "dm_conversation_id",
  "sender_id",
  "participant_ids",
  "referenced_tweets",
  "attachments",
];

function renderDm(dm: SimDm, fields: string[], expansions: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = { id: dm.id, event_type: "MessageCreate", text: dm.text };
  if (fields.includes("created_at")) out.created_at = dm.createdAt;
  if (fields.includes("dm_conversation_id")) out.dm_conversation_id = dm.conversationId;
  if (fields.includes("sender_id") || expansions.includes("sender_id")) out.sender_id = dm.senderId;
  if (fields.includes("participant_ids") || expansions.includes("participant_ids")) out.participant_ids = [dm.senderId, dm.recipientId];
  return out;
}

/** The account's DM events (sent and received) of the last 30 days, newest first. */
export function dmEvents(store: SimStore, accountId: string, params: URLSearchParams, now = Date.now()): TimelineOutcome {
  const errors = checkParams(params, DM_PARAMS, 1, 100);
  for (const f of listParam(params, "dm_event.fields")) {
    if (!DM_FIELDS.includes(f))
      errors.push({
        parameters: { "dm_event.fields": [f] },
        message: `The \`dm_event.fields\` query parameter value [${f}] is not one of [${DM_FIELDS.join(",")}]`,
      });
  }
  const types = listParam(params, "event_types");
  if (types.some((t) => !["MessageCreate", "ParticipantsJoin", "ParticipantsLeave"].includes(t))) {
    errors.push({
      parameters: { event_types: types },
      message: "The `event_types` query parameter value is not one of [MessageCreate,ParticipantsJoin,ParticipantsLeave]",
    });
  }
  if (errors.length) return { status: 400, body: xProblems.invalidRequest(errors) };
  const windowStart = now - 30 * 24 * 3600 * 1000;
  const mine = store
    .dmsNewestFirst()
    .filter((d) => (d.senderId === accountId || d.recipientId === accountId) && Date.parse(d.createdAt) >= windowStart);
  const paged = page(types.length && !types.includes("MessageCreate") ? [] : mine, params, `d:${accountId}`, 100);
  if ("error" in paged) return { status: 400, body: xProblems.invalidRequest([paged.error]) };
  const { hits, meta } = paged;
  if (hits.length === 0) return { status: 200, body: { meta } };
  const fields = listParam(params, "dm_event.fields");
  const expansions = listParam(params, "expansions");
  const body: Record<string, unknown> = { data: hits.map((d) => renderDm(d, fields, expansions)), meta };
  if (expansions.includes("sender_id")) {
    const users = [...new Set(hits.map((d) => d.senderId))].map((id) => store.user(id)).filter((u): u is SimUser => !!u);
    body.includes = { users: users.map((u) => renderUser(u, listParam(params, "user.fields"))) };
  }
  return { status: 200, body };
}
