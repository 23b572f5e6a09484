// The Graph API's write side Relais uses: a page's public reply to a comment
// (POST /{comment-id}/comments) and the Send API (POST /{page-id}/messages) with Messenger's
// 24-hour rule: RESPONSE/UPDATE within 24 h of the person's last message, MESSAGE_TAG with
// HUMAN_AGENT up to 7 days, other tags refused with code 100, anything else with 10/2018278.
import type { Caller } from "./facebook-api";
import type { EdgeOutcome } from "./facebook-edges";
import type { FacebookState } from "./facebook-state";
import { failure, graphErrors } from "./graph-errors";

const HOUR = 3_600_000;
const WINDOW_MS = 24 * HOUR;
const HUMAN_AGENT_MS = 7 * 24 * HOUR;
const MAX_TEXT = 2_000;
const MAX_COMMENT = 8_000;
const MESSAGING_TYPES = ["RESPONSE", "UPDATE", "MESSAGE_TAG"];

const outsideWindow = () =>
  failure(
    400,
    "(#10) This message is sent outside of allowed window. Learn more about the new policy here: https://developers.facebook.com/docs/messenger-platform/policy-overview",
    10,
    { subcode: 2018278 },
  );

type Body = Record<string, unknown>;

const MAX_METADATA = 1_000;
const MAX_ELEMENTS = 10;
const MAX_TITLE = 80;
const MAX_BUTTONS = 3;
const MAX_BUTTON_TITLE = 20;

const isUrl = (v: unknown) => typeof v === "string" && /^https?:\/\/\S+$/i.test(v);

/**
 * A generic template ("links & logos") as Messenger checks it: 1–10 elements, a title and a
 * subtitle of at most 80 characters, at most 3 buttons (web_url with a title of 20 at most).
 * Returns the refusal text, or null when it is valid.
 */
export function templateProblem(attachment: unknown): string | null {
  const a = attachment as { type?: unknown; payload?: { template_type?: unknown; elements?: unknown } } | null;
  if (!a || a.type !== "template" || !a.payload || a.payload.template_type !== "generic")
    return "param message[attachment] must be a generic template (this simulator has no other attachments)";
  const elements = a.payload.elements;
  if (!Array.isArray(elements) || elements.length === 0 || elements.length > MAX_ELEMENTS)
    return `param elements must have 1 to ${MAX_ELEMENTS} items`;
  for (const e of elements as Record<string, unknown>[]) {
    if (typeof e.title !== "string" || !e.title.trim() || [...e.title].length > MAX_TITLE)
      return `param title must be 1 to ${MAX_TITLE} characters`;
    if (e.subtitle !== undefined && (typeof e.subtitle !== "string" || [...e.subtitle].length > MAX_TITLE))
      return `param subtitle must be at most ${MAX_TITLE} characters`;
    if (e.image_url !== undefined && !isUrl(e.image_url)) return "param image_url must be a URL";
    const buttons = e.buttons ?? [];
    if (!Array.isArray(buttons) || buttons.length > MAX_BUTTONS) return `param buttons must have at most ${MAX_BUTTONS} items`;
    for (const b of buttons as Record<string, unknown>[]) {
      if (b.type !== "web_url" || !isUrl(b.url)) return "param buttons[].url must be a URL (type web_url)";
      if (typeof b.title !== "string" || !b.title.trim() || [...b.title].length > MAX_BUTTON_TITLE)
        return `param buttons[].title must be 1 to ${MAX_BUTTON_TITLE} characters`;
    }
  }
  return null;
}

/** POST /{page-id}/feed: the page publishes a post (the mass message's broadcast alternative). */
export function publishToFeed(state: FacebookState, caller: Caller, pageId: string, body: Body): EdgeOutcome {
  if (pageId !== "me" && pageId !== caller.page.id) return graphErrors.unsupportedRequest("POST", pageId);
  const message = body.message;
  if (typeof message !== "string" || !message.trim()) return graphErrors.invalidParameter("param message must be non-empty.");
  if ([...message].length > 63_206) return graphErrors.invalidParameter("param message must be at most 63206 characters.");
  if (body.link !== undefined && !isUrl(body.link)) return graphErrors.invalidParameter("param link must be a URL");
  const post = state.addPost(caller.page.id, message, caller.app.id);
  return { status: 200, body: { id: post.id } };
}

export function replyToComment(state: FacebookState, caller: Caller, commentId: string, body: Body): EdgeOutcome {
  const target = state.comment(commentId);
  const post = target && state.post(target.postId);
  if (!target || target.deleted || !post || post.pageId !== caller.page.id) return graphErrors.unsupportedRequest("POST", commentId);
  const message = body.message;
  if (typeof message !== "string" || !message.trim()) return graphErrors.invalidParameter("param message must be non-empty.");
  if ([...message].length > MAX_COMMENT) return graphErrors.invalidParameter(`param message must be at most ${MAX_COMMENT} characters.`);
  const c = state.addComment({ objectId: commentId, fromId: caller.page.id, message, appId: caller.app.id });
  return c ? { status: 200, body: { id: c.id } } : graphErrors.unsupportedRequest("POST", commentId);
}

export function sendApi(state: FacebookState, caller: Caller, pageId: string, body: Body, now = Date.now()): EdgeOutcome {
  if (pageId !== "me" && pageId !== caller.page.id) return graphErrors.unsupportedRequest("POST", pageId);
  const recipient = (body.recipient ?? {}) as { id?: unknown; comment_id?: unknown };
  const message = (body.message ?? {}) as { text?: unknown; attachment?: unknown; metadata?: unknown };
  const type = body.messaging_type;
  const tag = body.tag;
  if (message.text !== undefined && message.attachment !== undefined)
    return graphErrors.invalidParameter("param message must have either text or attachment, not both");
  if (message.attachment !== undefined) {
    const problem = templateProblem(message.attachment);
    if (problem) return graphErrors.invalidParameter(problem);
  } else if (typeof message.text !== "string" || !message.text.trim())
    return graphErrors.invalidParameter("param message must be a JSON object with a non-empty text or an attachment");
  else if ([...message.text].length > MAX_TEXT)
    return graphErrors.invalidParameter(`Length of param message[text] must be less than or equal to ${MAX_TEXT}`);
  if (message.metadata !== undefined && (typeof message.metadata !== "string" || message.metadata.length > MAX_METADATA))
    return graphErrors.invalidParameter(`param message[metadata] must be a string of at most ${MAX_METADATA} characters`);
  const metadata = typeof message.metadata === "string" ? message.metadata : undefined;
  const attachment = message.attachment;
  const shown = typeof message.text === "string" ? message.text : attachmentTitle(attachment);
  if (typeof type !== "string" || !MESSAGING_TYPES.includes(type))
    return graphErrors.invalidParameter("param messaging_type must be one of {RESPONSE, UPDATE, MESSAGE_TAG}");
  if (type === "MESSAGE_TAG" && tag !== "HUMAN_AGENT")
    // ACCOUNT_UPDATE, POST_PURCHASE_UPDATE, CONFIRMED_EVENT_UPDATE were retired in 2026.
    return graphErrors.invalidParameter(`Param tag must be HUMAN_AGENT, got ${JSON.stringify(tag ?? null)}`);

  if (typeof recipient.comment_id === "string") {
    // A private reply: once per comment, within 7 days of it, into the commenter's Messenger.
    const comment = state.comment(recipient.comment_id);
    const post = comment && state.post(comment.postId);
    if (!comment || !post || post.pageId !== caller.page.id || comment.fromId === caller.page.id)
      return failure(400, "(#100) No matching user found", 100, { subcode: 2018001 });
    if (comment.privateReplyId) return failure(400, "(#10900) Activity already replied to", 10900);
    if (now - Date.parse(comment.createdTime) > HUMAN_AGENT_MS) return outsideWindow();
    const m = state.addMessage({
      pageId: caller.page.id,
      personId: comment.fromId,
      fromPage: true,
      message: shown,
      appId: caller.app.id,
      metadata,
      attachment,
    });
    state.markPrivateReply(comment.id, m.id);
    return { status: 200, body: { recipient_id: comment.fromId, message_id: m.id } };
  }
  if (typeof recipient.id !== "string" || !state.person(recipient.id))
    return failure(400, "(#100) No matching user found", 100, { subcode: 2018001 });
  const last = state.lastMessageFrom(caller.page.id, recipient.id);
  if (!last) return failure(400, "(#100) No matching user found", 100, { subcode: 2018001 });
  const age = now - Date.parse(last.createdTime);
  const allowed = age <= WINDOW_MS || (type === "MESSAGE_TAG" && age <= HUMAN_AGENT_MS);
  if (!allowed) return outsideWindow();
  const m = state.addMessage({
    pageId: caller.page.id,
    personId: recipient.id,
    fromPage: true,
    message: shown,
    appId: caller.app.id,
    metadata,
    attachment,
  });
  return { status: 200, body: { recipient_id: recipient.id, message_id: m.id } };
}

/** What a thread shows for a template: its first element's title (Graph reads it as the message text). */
function attachmentTitle(attachment: unknown): string {
  const e = (attachment as { payload?: { elements?: { title?: string }[] } })?.payload?.elements?.[0];
  return e?.title ?? "";
}
