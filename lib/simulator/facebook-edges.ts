import type { Caller } from "./facebook-api";
import { graphTime, type FacebookState, type FbComment, type FbConversation, type FbMessage, type FbPost } from "./facebook-state";
import { graphErrors, type GraphFailure } from "./graph-errors";
import { fieldsOrDefault, limitParam, pageOf, parseFields, type FieldSpec } from "./graph-paging";

// The read edges Relais polls: Messenger conversations (with their messages by field
// expansion), the page feed, and the comments of a post or of a comment.

export type EdgeOutcome = { status: number; body: unknown };

type NodeType = "Conversation" | "Message" | "Post" | "Comment";

/** Fields each node type knows; a value names the node type of an edge that can be expanded. */
const SCHEMA: Record<NodeType, Record<string, NodeType | null>> = {
  Conversation: { id: null, updated_time: null, link: null, message_count: null, snippet: null, participants: null, messages: "Message" },
  // `metadata`: the app's own marker sent with message.metadata (Relais reads its sends back by it).
  Message: { id: null, message: null, from: null, to: null, created_time: null, metadata: null },
  Post: { id: null, message: null, created_time: null, updated_time: null, from: null, permalink_url: null, comments: "Comment" },
  Comment: {
    id: null,
    message: null,
    from: null,
    created_time: null,
    parent: null,
    comment_count: null,
    permalink_url: null,
    comments: "Comment",
  },
};

const DEFAULT_FIELDS: Record<NodeType, string> = {
  Conversation: "id,updated_time",
  Message: "id,created_time",
  Post: "created_time,message,id",
  Comment: "created_time,from,message,id",
};

/** Messenger only lets a page read the 20 most recent messages of a thread. */
export const READABLE_MESSAGES = 20;

function validate(specs: FieldSpec[], type: NodeType): GraphFailure | null {
  for (const spec of specs) {
    if (!(spec.name in SCHEMA[type])) return graphErrors.nonexistingField(spec.name, type);
    const child = SCHEMA[type][spec.name];
    if (child && spec.sub) {
      const err = validate(spec.sub, child);
      if (err) return err;
    }
  }
  return null;
}

interface View {
  state: FacebookState;
  caller: Caller;
  url: URL;
}

/** Where a nested edge's `next` leads: the edge itself, with the caller's token if it was in the query. */
function edgeLink(view: View, objectId: string, edge: string, spec: FieldSpec, type: NodeType): URL {
  const u = new URL(`/${view.url.pathname.split("/")[1]}/${objectId}/${edge}`, view.url.origin);
  for (const key of ["access_token", "appsecret_proof"]) {
    const v = view.url.searchParams.get(key);
    if (v) u.searchParams.set(key, v);
  }
  u.searchParams.set("fields", spec.sub ? stringify(spec.sub) : DEFAULT_FIELDS[type]);
  return u;
}

function stringify(specs: FieldSpec[]): string {
  return specs.map((s) => `${s.name}${s.limit ? `.limit(${s.limit})` : ""}${s.sub ? `{${stringify(s.sub)}}` : ""}`).join(",");
}

/** The comments under a post or a comment, as the `filter` and `order` options ask. */
function commentList(state: FacebookState, objectId: string, filter: string, order: string): FbComment[] | GraphFailure {
  if (filter !== "toplevel" && filter !== "stream")
    return graphErrors.invalidParameter(`param filter must be one of {toplevel, stream} - got "${filter}"`);
  if (order !== "chronological" && order !== "reverse_chronological" && order !== "ranked") {
    return graphErrors.invalidParameter(`param order must be one of {chronological, reverse_chronological, ranked} - got "${order}"`);
  }
  const all = state.commentsOn(objectId, filter === "stream");
  return order === "reverse_chronological" ? all.reverse() : all;
}

function nestedComments(view: View, objectId: string, spec: FieldSpec) {
  const list = commentList(view.state, objectId, spec.modifiers?.filter ?? "toplevel", spec.modifiers?.order ?? "chronological");
  if (!Array.isArray(list)) return { data: [] };
  const link = edgeLink(view, objectId, "comments", spec, "Comment");
  for (const key of ["filter", "order"]) if (spec.modifiers?.[key]) link.searchParams.set(key, spec.modifiers[key]);
  return nested(list, spec, link, "Comment", (c, s) => renderComment(view, c, s), notDeleted);
}

function nested<T extends { id: string }>(
  items: T[],
  spec: FieldSpec,
  link: URL,
  type: NodeType,
  render: (t: T, specs: FieldSpec[]) => Record<string, unknown>,
  visible?: (t: T) => boolean,
) {
  const specs = spec.sub ?? (parseFields(DEFAULT_FIELDS[type]) as FieldSpec[]);
  const page = pageOf(items, { limit: limitParam(String(spec.limit ?? ""), 25), visible, linkBase: link });
  if (typeof page === "string") return { data: [] };
  return { data: page.items.map((t) => render(t, specs)), ...(page.paging ? { paging: page.paging } : {}) };
}

const who = (view: View, id: string) => ({ name: view.state.nameOf(id), id });
const messengerWho = (view: View, id: string) => ({ name: view.state.nameOf(id), email: `${id}@facebook.com`, id });

function renderMessage(view: View, m: FbMessage, specs: FieldSpec[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const { name } of specs) {
    if (name === "id") out.id = m.id;
    else if (name === "message") out.message = m.message;
    else if (name === "created_time") out.created_time = graphTime(m.createdTime);
    else if (name === "from") out.from = messengerWho(view, m.fromId);
    else if (name === "to") out.to = { data: [messengerWho(view, m.toId)] };
    else if (name === "metadata" && m.metadata !== undefined) out.metadata = m.metadata;
  }
  return out;
}

function renderConversation(view: View, c: FbConversation, specs: FieldSpec[]): Record<string, unknown> {
  const messages = view.state.messagesOf(c.id).slice(0, READABLE_MESSAGES);
  const out: Record<string, unknown> = {};
  for (const spec of specs) {
    const { name } = spec;
    if (name === "id") out.id = c.id;
    else if (name === "updated_time") out.updated_time = graphTime(c.updatedTime);
    else if (name === "link") out.link = `/${c.pageId}/inbox/${c.id}/`;
    else if (name === "message_count") out.message_count = view.state.messagesOf(c.id).length;
    else if (name === "snippet") out.snippet = messages[0]?.message.slice(0, 100) ?? "";
    else if (name === "participants") out.participants = { data: [messengerWho(view, c.personId), messengerWho(view, c.pageId)] };
    else if (name === "messages") {
      const link = edgeLink(view, c.id, "messages", spec, "Message");
      out.messages = nested(messages, spec, link, "Message", (m, s) => renderMessage(view, m, s));
    }
  }
  return out;
}

const notDeleted = (c: FbComment) => !c.deleted;

function renderComment(view: View, c: FbComment, specs: FieldSpec[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const spec of specs) {
    const { name } = spec;
    if (name === "id") out.id = c.id;
    else if (name === "message") out.message = c.message;
    else if (name === "created_time") out.created_time = graphTime(c.createdTime);
    else if (name === "from") out.from = who(view, c.fromId);
    else if (name === "permalink_url")
      out.permalink_url = `https://www.facebook.com/${c.postId.replace("_", "/posts/")}?comment_id=${c.id}`;
    else if (name === "comment_count") out.comment_count = view.state.commentsOn(c.id).filter(notDeleted).length;
    else if (name === "parent") {
      const parent = c.parentId ? view.state.comment(c.parentId) : undefined;
      if (parent)
        out.parent = renderComment(view, parent, [{ name: "created_time" }, { name: "from" }, { name: "message" }, { name: "id" }]);
    } else if (name === "comments") out.comments = nestedComments(view, c.id, spec);
  }
  return out;
}

function renderPost(view: View, p: FbPost, specs: FieldSpec[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const spec of specs) {
    const { name } = spec;
    if (name === "id") out.id = p.id;
    else if (name === "message") out.message = p.message;
    else if (name === "created_time" || name === "updated_time") out[name] = graphTime(p.createdTime);
    else if (name === "from") out.from = who(view, p.pageId);
    else if (name === "permalink_url") out.permalink_url = `https://www.facebook.com/${p.id.replace("_", "/posts/")}`;
    else if (name === "comments") out.comments = nestedComments(view, p.id, spec);
  }
  return out;
}

/** Runs one top-level edge read: fields, cursor paging, rendering. */
function listEdge<T extends { id: string }>(
  view: View,
  items: T[],
  type: NodeType,
  render: (t: T, specs: FieldSpec[]) => Record<string, unknown>,
  visible?: (t: T) => boolean,
): EdgeOutcome {
  const specs = fieldsOrDefault(view.url, DEFAULT_FIELDS[type]);
  if (typeof specs === "string") return graphErrors.invalidParameter(specs);
  const invalid = validate(specs, type);
  if (invalid) return invalid;
  const q = view.url.searchParams;
  const page = pageOf(items, {
    limit: limitParam(q.get("limit")),
    after: q.get("after"),
    before: q.get("before"),
    visible,
    linkBase: view.url,
  });
  if (typeof page === "string") return graphErrors.invalidParameter(page);
  return { status: 200, body: { data: page.items.map((t) => render(t, specs)), ...(page.paging ? { paging: page.paging } : {}) } };
}

const ownPage = (caller: Caller, id: string) => id === "me" || id === caller.page.id;

export function conversationsEdge(state: FacebookState, caller: Caller, pageId: string, url: URL): EdgeOutcome {
  if (!ownPage(caller, pageId)) return graphErrors.unsupportedRequest("GET", pageId);
  const platform = (url.searchParams.get("platform") ?? "messenger").toLowerCase();
  if (platform !== "messenger" && platform !== "instagram") {
    return graphErrors.invalidParameter(`param platform must be one of {MESSENGER, INSTAGRAM} - got "${platform}"`);
  }
  const userId = url.searchParams.get("user_id");
  // The simulator has no Instagram account linked to its pages: that inbox is empty.
  const one = userId ? state.conversationWith(caller.page.id, userId) : undefined;
  const all = platform === "instagram" ? [] : userId ? (one ? [one] : []) : state.conversationsOf(caller.page.id);
  const view = { state, caller, url };
  return listEdge(view, all, "Conversation", (c, s) => renderConversation(view, c, s));
}

export function messagesEdge(state: FacebookState, caller: Caller, conversationId: string, url: URL): EdgeOutcome {
  const conv = state.conversation(conversationId);
  if (!conv || conv.pageId !== caller.page.id) return graphErrors.unsupportedRequest("GET", conversationId);
  const view = { state, caller, url };
  return listEdge(view, state.messagesOf(conv.id).slice(0, READABLE_MESSAGES), "Message", (m, s) => renderMessage(view, m, s));
}

export function feedEdge(state: FacebookState, caller: Caller, pageId: string, url: URL): EdgeOutcome {
  if (!ownPage(caller, pageId)) return graphErrors.unsupportedRequest("GET", pageId);
  const view = { state, caller, url };
  return listEdge(view, state.postsOf(caller.page.id), "Post", (p, s) => renderPost(view, p, s));
}

export function commentsEdge(state: FacebookState, caller: Caller, objectId: string, url: URL): EdgeOutcome {
  const parent = state.comment(objectId);
  const post = state.post(parent ? parent.postId : objectId);
  if (!post || post.pageId !== caller.page.id) return graphErrors.unsupportedRequest("GET", objectId);
  const all = commentList(state, objectId, url.searchParams.get("filter") ?? "toplevel", url.searchParams.get("order") ?? "chronological");
  if (!Array.isArray(all)) return all;
  const view = { state, caller, url };
  return listEdge(view, all, "Comment", (c, s) => renderComment(view, c, s), notDeleted);
}
