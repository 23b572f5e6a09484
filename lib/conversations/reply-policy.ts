// What answers a conversation allows, and why the others are not possible (NETWORKS.md, 2026
// rules). Pure: the caller passes the facts and the time, so the same function decides in the
// reply box (before the agent types), in the send action (the server re-checks) and in tests.
import { and, desc, eq, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { campaigns, conversations, messages, type ConversationChannel } from "@/db/schema";
import type { NetworkKind } from "@/lib/networks/types";

/** The answers Relais can send; each maps to one network call (lib/networks/*\/send.ts). */
export const replyKinds = ["x_reply", "x_dm", "fb_comment_reply", "fb_private_reply", "messenger"] as const;
export type ReplyKind = (typeof replyKinds)[number];

/** i18n keys (messages/*.json, "replyPolicy.reasons.*") explaining a refused or limited answer. */
export type ReplyReason =
  | "replyPolicy.reasons.xNotMentioned"
  | "replyPolicy.reasons.xPrivateConversation"
  | "replyPolicy.reasons.xDmNotAllowed"
  | "replyPolicy.reasons.xPublicOnlyPosts"
  | "replyPolicy.reasons.notOnThisNetwork"
  | "replyPolicy.reasons.messengerHumanAgent"
  | "replyPolicy.reasons.messengerWindowClosed"
  | "replyPolicy.reasons.messengerNoInbound"
  | "replyPolicy.reasons.commentPrivateReplyExpired"
  | "replyPolicy.reasons.commentPrivateReplyUsed"
  | "replyPolicy.reasons.commentOnlyOnComments"
  | "replyPolicy.reasons.noInbound";

/** Characters each answer accepts: X posts and DMs 280 (DMs accept more, we keep one rule per network), Messenger 2,000, Graph comments 8,000. */
export const MAX_LENGTH: Record<ReplyKind, number> = {
  x_reply: 280,
  x_dm: 10_000,
  fb_comment_reply: 8_000,
  fb_private_reply: 2_000,
  messenger: 2_000,
};

export const HOUR_MS = 3_600_000;
export const MESSENGER_WINDOW_MS = 24 * HOUR_MS;
export const HUMAN_AGENT_WINDOW_MS = 7 * 24 * HOUR_MS;
/** Meta allows one private reply per comment, within 7 days of it. */
export const PRIVATE_REPLY_WINDOW_MS = 7 * 24 * HOUR_MS;

export interface ReplyOption {
  kind: ReplyKind;
  allowed: boolean;
  /** Why it is refused (allowed = false) or what limits it (HUMAN_AGENT tag). */
  reason?: ReplyReason;
  maxLength: number;
  /** Messenger between 24 h and 7 days: sent with the HUMAN_AGENT tag. */
  tag?: "HUMAN_AGENT";
  /** When this answer stops being possible (ISO), where a window applies. */
  until?: string;
}

export interface ReplyPolicy {
  network: NetworkKind;
  channel: ConversationChannel;
  options: ReplyOption[];
  /** The first allowed answer, what the reply box selects; null = listen only. */
  preferred: ReplyKind | null;
  listenOnly: boolean;
}

export interface ReplyPolicyInput {
  network: NetworkKind;
  channel: ConversationChannel;
  /** X: the post answered mentions or quotes the campaign account (the 2026 public-reply rule). */
  mentionsAccount: boolean | null;
  /** The person's last message time (Messenger's window) or the comment's time (private reply). */
  lastInboundAt: Date | null;
  /** Whether a DM may be tried (X: the author's id is known; false = "listen only"). */
  dmAllowed?: boolean;
  /** Facebook comments: a private reply was already sent for this comment. */
  privateReplySent?: boolean;
}

const option = (kind: ReplyKind, allowed: boolean, extra: Partial<ReplyOption> = {}): ReplyOption => ({
  kind,
  allowed,
  maxLength: MAX_LENGTH[kind],
  ...extra,
});

function xOptions(input: ReplyPolicyInput): ReplyOption[] {
  const dm = input.dmAllowed === false ? option("x_dm", false, { reason: "replyPolicy.reasons.xDmNotAllowed" }) : option("x_dm", true);
  if (input.channel === "dm") return [dm, option("x_reply", false, { reason: "replyPolicy.reasons.xPrivateConversation" })];
  // A mention engages the account by definition; a keyword hit only when the post names or quotes it.
  const publicOk = input.channel === "mention" || input.mentionsAccount === true;
  const publicReply = publicOk ? option("x_reply", true) : option("x_reply", false, { reason: "replyPolicy.reasons.xNotMentioned" });
  return [publicReply, dm];
}

function messengerOption(input: ReplyPolicyInput, now: Date): ReplyOption {
  if (!input.lastInboundAt) return option("messenger", false, { reason: "replyPolicy.reasons.messengerNoInbound" });
  const age = now.getTime() - input.lastInboundAt.getTime();
  const at = input.lastInboundAt.getTime();
  // The boundaries belong to the window: exactly 24 h is still RESPONSE, exactly 7 days still HUMAN_AGENT.
  if (age <= MESSENGER_WINDOW_MS) return option("messenger", true, { until: new Date(at + MESSENGER_WINDOW_MS).toISOString() });
  if (age <= HUMAN_AGENT_WINDOW_MS)
    return option("messenger", true, {
      tag: "HUMAN_AGENT",
      reason: "replyPolicy.reasons.messengerHumanAgent",
      until: new Date(at + HUMAN_AGENT_WINDOW_MS).toISOString(),
    });
  return option("messenger", false, { reason: "replyPolicy.reasons.messengerWindowClosed" });
}

function commentOptions(input: ReplyPolicyInput, now: Date): ReplyOption[] {
  const publicReply = option("fb_comment_reply", true);
  let privateReply: ReplyOption;
  if (input.privateReplySent) privateReply = option("fb_private_reply", false, { reason: "replyPolicy.reasons.commentPrivateReplyUsed" });
  else if (!input.lastInboundAt) privateReply = option("fb_private_reply", false, { reason: "replyPolicy.reasons.noInbound" });
  else if (now.getTime() - input.lastInboundAt.getTime() > PRIVATE_REPLY_WINDOW_MS)
    privateReply = option("fb_private_reply", false, { reason: "replyPolicy.reasons.commentPrivateReplyExpired" });
  else
    privateReply = option("fb_private_reply", true, {
      until: new Date(input.lastInboundAt.getTime() + PRIVATE_REPLY_WINDOW_MS).toISOString(),
    });
  return [publicReply, privateReply];
}

/** The answers this conversation allows at `now`, the allowed ones first in the order the box offers them. */
export function replyPolicy(input: ReplyPolicyInput, now: Date): ReplyPolicy {
  let options: ReplyOption[];
  if (input.network === "twitter") options = xOptions(input);
  // Facebook has no keyword search: anything public read from a page is a comment.
  else if (input.channel === "messenger" || input.channel === "dm") options = [messengerOption(input, now)];
  else options = commentOptions(input, now);
  const preferred = options.find((o) => o.allowed)?.kind ?? null;
  return { network: input.network, channel: input.channel, options, preferred, listenOnly: preferred === null };
}

/** The option for `kind`, or a refusal when the conversation's network has no such answer. */
export function optionFor(policy: ReplyPolicy, kind: ReplyKind): ReplyOption {
  return policy.options.find((o) => o.kind === kind) ?? option(kind, false, { reason: "replyPolicy.reasons.notOnThisNetwork" });
}

/** Code points, as X and Messenger count (an emoji is one character, not two UTF-16 units). */
export function characterCount(text: string): number {
  return [...text].length;
}

function mentions(text: string, handle: string | null): boolean {
  if (!handle) return false;
  const escaped = handle.replace(/^@/, "").replace(/[^A-Za-z0-9_]/g, "");
  return escaped.length > 0 && new RegExp(`(^|[^A-Za-z0-9_@])@${escaped}(?![A-Za-z0-9_])`, "i").test(text);
}

/** What the policy needs about a conversation: the message an answer goes to and the facts about it. */
export async function policyFacts(db: Db | Tx, conversationId: number) {
  const [c] = await db
    .select({
      id: conversations.id,
      campaignId: conversations.campaignId,
      network: conversations.network,
      channel: conversations.channel,
      authorId: conversations.authorId,
      accountHandle: campaigns.accountHandle,
    })
    .from(conversations)
    .innerJoin(campaigns, eq(campaigns.id, conversations.campaignId))
    .where(eq(conversations.id, conversationId));
  if (!c) return null;
  // Answers go to the person's latest message (on X: the post the reply is attached to).
  const [last] = await db
    .select({
      externalId: messages.externalId,
      text: messages.text,
      mentionsAccount: messages.mentionsAccount,
      at: messages.networkCreatedAt,
      createdAt: messages.createdAt,
    })
    .from(messages)
    .where(and(eq(messages.conversationId, conversationId), eq(messages.direction, "in")))
    // Null network times sort first in a descending order: fall back to the time stored.
    .orderBy(desc(sql`coalesce(${messages.networkCreatedAt}, ${messages.createdAt})`), desc(messages.id))
    .limit(1);
  const [privateReply] =
    c.network === "facebook" && c.channel !== "messenger" && c.channel !== "dm"
      ? await db
          .select({ id: messages.id })
          .from(messages)
          .where(and(eq(messages.conversationId, conversationId), eq(messages.replyKind, "fb_private_reply")))
          .limit(1)
      : [];
  const input: ReplyPolicyInput = {
    network: c.network as NetworkKind,
    channel: c.channel,
    // Stored at ingestion (issue 9); older rows fall back to reading the text for the account's handle.
    mentionsAccount: last ? (last.mentionsAccount ?? mentions(last.text, c.accountHandle)) : null,
    lastInboundAt: last ? (last.at ?? last.createdAt) : null,
    dmAllowed: Boolean(c.authorId),
    privateReplySent: Boolean(privateReply),
  };
  return { conversation: c, target: last ?? null, input };
}

/** The policy of a stored conversation at `now`; null when it does not exist. */
export async function policyForConversation(db: Db | Tx, conversationId: number, now: Date): Promise<ReplyPolicy | null> {
  const facts = await policyFacts(db, conversationId);
  if (!facts) return null;
  if (!facts.target) {
    const policy = replyPolicy(facts.input, now);
    return {
      ...policy,
      options: policy.options.map((o) => ({ ...o, allowed: false, reason: "replyPolicy.reasons.noInbound" })),
      preferred: null,
      listenOnly: true,
    };
  }
  return replyPolicy(facts.input, now);
}
