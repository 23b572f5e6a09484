import type { IncomingMessage, ServerResponse } from "node:http";
import { DEMO_FACEBOOK_PAGE } from "./demo";
import type { FacebookState, FbComment, FbMessage } from "./facebook-state";
import { readJson, sendJson } from "./http";

// /_sim/facebook/*: the customers' side of the demo page (Messenger messages, comments on the
// page's posts), the page's own posts, extra page tokens (e.g. an expired one), and what the app sent.

export interface SimFbMessageView {
  id: string;
  conversationId: string;
  fromId: string;
  fromName: string;
  toId: string;
  text: string;
  createdAt: string;
  fromPage: boolean;
  fromApp: boolean;
  /** The app's marker (Send API `message.metadata`): a mass message's sends carry one. */
  metadata: string | null;
  /** A generic template (links & logos) rather than a text. */
  template: boolean;
}

export interface SimFbCommentView {
  id: string;
  postId: string;
  parentId: string | null;
  fromId: string;
  fromName: string;
  text: string;
  createdAt: string;
  deleted: boolean;
  fromApp: boolean;
}

const MAX_TEXT = 2_000;
const MAX_NAME = 100;

function messageView(fb: FacebookState, m: FbMessage): SimFbMessageView {
  const conv = fb.conversation(m.conversationId);
  return {
    id: m.id,
    conversationId: m.conversationId,
    fromId: m.fromId,
    fromName: fb.nameOf(m.fromId),
    toId: m.toId,
    text: m.message,
    createdAt: m.createdTime,
    fromPage: m.fromId === conv?.pageId,
    fromApp: Boolean(m.appId),
    metadata: m.metadata ?? null,
    template: m.attachment !== undefined,
  };
}

function commentView(fb: FacebookState, c: FbComment): SimFbCommentView {
  return {
    id: c.id,
    postId: c.postId,
    parentId: c.parentId ?? null,
    fromId: c.fromId,
    fromName: fb.nameOf(c.fromId),
    text: c.message,
    createdAt: c.createdTime,
    deleted: Boolean(c.deleted),
    fromApp: Boolean(c.appId),
  };
}

function fail(res: ServerResponse, status: number, error: string): void {
  sendJson(res, status, { error });
}

async function body(req: IncomingMessage): Promise<Record<string, unknown>> {
  const parsed = await readJson(req);
  return parsed && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
}

function text(v: unknown, max: number): string | null {
  return typeof v === "string" && v.trim() && [...v].length <= max ? v : null;
}

function pageIdOf(fb: FacebookState, input: Record<string, unknown>): string | null {
  const id = input.pageId === undefined ? DEMO_FACEBOOK_PAGE.id : input.pageId;
  return typeof id === "string" && fb.page(id) ? id : null;
}

function listLimit(url: URL): number {
  const raw = Number(url.searchParams.get("limit"));
  return Number.isInteger(raw) && raw > 0 ? raw : Infinity;
}

/** Serves the Facebook control routes; returns false for a route it does not know. */
export async function handleFacebookControl(fb: FacebookState, req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
  const path = url.pathname.replace(/\/+$/, "");
  const route = `${req.method} ${path}`;
  if (route === "POST /_sim/facebook/messages") {
    const input = await body(req);
    const name = text(input.authorName, MAX_NAME);
    const message = text(input.text, MAX_TEXT);
    const pageId = pageIdOf(fb, input);
    const ageHours = input.ageHours === undefined ? 0 : Number(input.ageHours);
    if (!name) fail(res, 400, `authorName is required and must be at most ${MAX_NAME} characters`);
    else if (!message) fail(res, 400, `text is required and must be at most ${MAX_TEXT} characters`);
    else if (!pageId) fail(res, 404, `pageId ${String(input.pageId)} is not a known page`);
    else if (!Number.isFinite(ageHours) || ageHours < 0 || ageHours > 24 * 365)
      fail(res, 400, "ageHours must be a number of hours from 0 to 8760");
    else {
      const person = fb.ensurePerson(name);
      // ageHours backdates the message (a customer who wrote days ago, outside Messenger's window).
      const createdTime = ageHours > 0 ? new Date(Date.now() - ageHours * 3_600_000) : undefined;
      const m = fb.addMessage({ pageId, personId: person.id, fromPage: false, message, createdTime });
      sendJson(res, 201, { id: m.id, message: messageView(fb, m) });
    }
    return true;
  }
  if (route === "POST /_sim/facebook/messages/bulk") {
    // Many customers writing at once (load tests, the mass-message journey and bench): each a
    // new person named `${namePrefix} ${n}` with one message, backdated by ageHours.
    const input = await body(req);
    const count = Number(input.count);
    const prefix = text(input.namePrefix, 60);
    const message = text(input.text, MAX_TEXT);
    const pageId = pageIdOf(fb, input);
    const ageHours = input.ageHours === undefined ? 0 : Number(input.ageHours);
    const start = input.start === undefined ? 1 : Number(input.start);
    if (!Number.isInteger(count) || count < 1 || count > 200_000) fail(res, 400, "count must be an integer from 1 to 200000");
    else if (!prefix) fail(res, 400, "namePrefix is required (at most 60 characters)");
    else if (!message) fail(res, 400, "text is required");
    else if (!pageId) fail(res, 404, `pageId ${String(input.pageId)} is not a known page`);
    else if (!Number.isFinite(ageHours) || ageHours < 0 || ageHours > 24 * 365) fail(res, 400, "ageHours must be from 0 to 8760");
    else if (!Number.isInteger(start) || start < 0) fail(res, 400, "start must be a non-negative integer");
    else {
      const createdTime = ageHours > 0 ? new Date(Date.now() - ageHours * 3_600_000) : undefined;
      const people: { id: string; name: string; createdAt: string }[] = [];
      for (let i = 0; i < count; i++) {
        const person = fb.ensurePerson(`${prefix} ${start + i}`);
        const m = fb.addMessage({ pageId, personId: person.id, fromPage: false, message, createdTime });
        people.push({ id: person.id, name: person.name, createdAt: m.createdTime });
      }
      sendJson(res, 201, { people });
    }
    return true;
  }
  if (route === "GET /_sim/facebook/sent") {
    // What the app sent with a metadata marker, per recipient: tests and the bench count duplicates here.
    const prefix = url.searchParams.get("metadataPrefix") ?? "";
    if (!prefix) fail(res, 400, "metadataPrefix is required");
    else {
      const byMetadata: Record<string, number> = {};
      const byRecipient: Record<string, number> = {};
      let total = 0;
      for (const m of fb.sentWithMetadata(prefix)) {
        total++;
        byMetadata[m.metadata!] = (byMetadata[m.metadata!] ?? 0) + 1;
        byRecipient[m.toId] = (byRecipient[m.toId] ?? 0) + 1;
      }
      sendJson(res, 200, { total, byMetadata, byRecipient });
    }
    return true;
  }
  if (route === "GET /_sim/facebook/messages") {
    const all = fb.toJSON().messages.slice().reverse().slice(0, listLimit(url));
    sendJson(res, 200, { messages: all.map((m) => messageView(fb, m)) });
    return true;
  }
  if (route === "POST /_sim/facebook/posts") {
    const input = await body(req);
    const message = text(input.text, 63_206);
    const pageId = pageIdOf(fb, input);
    if (!message) fail(res, 400, "text is required");
    else if (!pageId) fail(res, 404, `pageId ${String(input.pageId)} is not a known page`);
    else {
      const post = fb.addPost(pageId, message);
      sendJson(res, 201, { id: post.id, post });
    }
    return true;
  }
  if (route === "GET /_sim/facebook/posts") {
    const posts = fb.toJSON().posts.slice().reverse().slice(0, listLimit(url));
    sendJson(res, 200, { posts });
    return true;
  }
  if (route === "POST /_sim/facebook/comments") {
    const input = await body(req);
    const name = text(input.authorName, MAX_NAME);
    const message = text(input.text, 8_000);
    if (!name) fail(res, 400, `authorName is required and must be at most ${MAX_NAME} characters`);
    else if (!message) fail(res, 400, "text is required and must be at most 8000 characters");
    else if (typeof input.objectId !== "string") fail(res, 400, "objectId (a post id, or a comment id to reply to it) is required");
    else {
      const c = fb.addComment({ objectId: input.objectId, fromId: fb.ensurePerson(name).id, message });
      if (c) sendJson(res, 201, { id: c.id, comment: commentView(fb, c) });
      else fail(res, 404, `objectId ${input.objectId} is not a known post or comment`);
    }
    return true;
  }
  if (route === "GET /_sim/facebook/comments") {
    const all = fb.toJSON().comments.slice().reverse().slice(0, listLimit(url));
    sendJson(res, 200, { comments: all.map((c) => commentView(fb, c)) });
    return true;
  }
  const del = /^DELETE \/_sim\/facebook\/comments\/([^/]+)$/.exec(route);
  if (del) {
    const c = fb.markDeleted(decodeURIComponent(del[1]));
    if (c) sendJson(res, 200, { comment: commentView(fb, c) });
    else fail(res, 404, `comment ${del[1]} does not exist`);
    return true;
  }
  if (route === "POST /_sim/facebook/pages") {
    const input = await body(req);
    const name = text(input.name, MAX_NAME);
    if (!name) fail(res, 400, `name is required and must be at most ${MAX_NAME} characters`);
    else {
      const { page, token } = fb.addPage(name);
      sendJson(res, 201, { pageId: page.id, name: page.name, token: token.token, appId: token.appId });
    }
    return true;
  }
  if (route === "POST /_sim/facebook/tokens") {
    const input = await body(req);
    const pageId = pageIdOf(fb, input);
    const seconds = input.expiresInSeconds === undefined ? undefined : Number(input.expiresInSeconds);
    if (!pageId) fail(res, 404, `pageId ${String(input.pageId)} is not a known page`);
    else if (seconds !== undefined && !Number.isInteger(seconds))
      fail(res, 400, "expiresInSeconds must be an integer (negative: already expired)");
    else {
      const t = fb.issueToken(pageId, seconds === undefined ? undefined : new Date(Date.now() + seconds * 1000));
      sendJson(res, 201, { token: t.token, pageId: t.pageId, appId: t.appId, expiresAt: t.expiresAt ?? null });
    }
    return true;
  }
  return false;
}
