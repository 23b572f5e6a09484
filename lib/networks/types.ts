// The contract between Relais' polling/reply machinery and each social network. Adapters only
// speak the network's public API; whether that API is X itself or the simulator is a base URL.

export type NetworkKind = "twitter" | "facebook";

export type { SourceKind } from "@/db/schema/ingestion";
import type { SourceKind } from "@/db/schema/ingestion";
import type { ConversationChannel } from "@/db/schema/conversations";

export interface InboundMessage {
  externalId: string;
  /** Which source read it; decides the conversation's channel and what answers are allowed. */
  sourceKind?: SourceKind;
  channel?: ConversationChannel;
  /** Conversation key: for a tweet, its conversation_id (or its own id when it starts one). */
  threadId: string;
  text: string;
  authorId: string;
  authorHandle: string;
  authorName: string;
  authorLang?: string;
  createdAt: Date;
  isPrivate: boolean;
  /** The author's follower count where the network gives it (distribution rules use it). */
  authorFollowers?: number;
  /** X posts: the post mentions or quotes the campaign account (the 2026 public-reply rule). */
  mentionsAccount?: boolean;
  inReplyToId?: string;
  raw?: unknown;
}

export interface RateLimitInfo {
  limit: number;
  remaining: number;
  resetAt: Date;
}

export interface FetchResult {
  /** Oldest first, so that committing them in order keeps threads chronological. */
  messages: InboundMessage[];
  /** The cursor to save AFTER the messages are committed; null = keep the previous one. */
  cursor: string | null;
  rateLimit?: RateLimitInfo;
  /** True when the page cap was hit: older matches of this window were skipped, not deferred. */
  truncated?: boolean;
  /** How many resources the network billed for this fetch (X bills reads per post). */
  readCount?: number;
}

export interface NetworkAccount {
  id: string;
  handle: string;
  name: string;
}

/**
 * Where one source stands. `cursor` is the caught-up "newest seen" position (since_id, a Graph
 * time mark); `pageToken` is set while a burst larger than one poll's page cap is being drained
 * (X pagination token, Graph `after` cursor); `pendingCursor` is the burst's newest position,
 * which becomes `cursor` once the drain is over. Opaque strings for the poller.
 */
export interface SourcePosition {
  cursor: string | null;
  pageToken: string | null;
  pendingCursor: string | null;
}

/** Resources a fetch read, as X bills them (post, user, DM event reads). */
export interface ReadCounts {
  posts: number;
  users: number;
  dmEvents: number;
}

export interface SourceFetchResult {
  /** Oldest first within this fetch. */
  messages: InboundMessage[];
  /** The position to save in the same transaction as the messages. */
  position: SourcePosition;
  /** False while a burst is still being drained (the next poll continues from `position`). */
  caughtUp: boolean;
  reads: ReadCounts;
  /** HTTP calls made (pages read). */
  calls: number;
  rateLimit?: RateLimitInfo;
}

export interface SourceFetchOptions {
  /** Pages read at most in this fetch; the rest of a burst waits for the next poll. */
  pageCap: number;
}

export interface NetworkAdapter {
  kind: NetworkKind;
  /** The sources this campaign reads (X: search when a query is set, mentions, DMs; Facebook: Messenger, comments if asked). */
  sources(): SourceKind[];
  /** Reads one source from its position. Throws a NetworkError (nothing partial) on failure. */
  fetchSource(kind: SourceKind, position: SourcePosition, options: SourceFetchOptions): Promise<SourceFetchResult>;
  /** Keyword search from a since_id, for the admin preview (one burst, capped). */
  fetchNew(cursor: string | null): Promise<FetchResult>;
  reply(input: { inReplyToId: string; text: string }): Promise<{ externalId: string }>;
  verify(): Promise<NetworkAccount>;
}

export type NetworkErrorKind =
  | "rate_limited"
  | "unauthorized"
  | "forbidden"
  | "duplicate"
  | "invalid_request"
  | "unreachable"
  | "server"
  /** The network answered 2xx with a body that is not what its API documents. */
  | "malformed";

/**
 * A finer, network-independent cause where the network tells it, so the UI can say exactly what
 * to fix (renew the token, correct the app secret, check the page id) instead of just "refused".
 */
export type NetworkErrorReason = "token_invalid" | "token_expired" | "app_secret_invalid" | "not_found";

export interface NetworkErrorOptions {
  status?: number;
  reason?: NetworkErrorReason;
  retryAt?: Date;
  /** The network's own error text (problem detail, Graph API message), for logs and the UI. */
  detail?: string;
  cause?: unknown;
}

export class NetworkError extends Error {
  readonly kind: NetworkErrorKind;
  readonly status?: number;
  readonly retryAt?: Date;
  readonly detail?: string;
  readonly reason?: NetworkErrorReason;

  constructor(kind: NetworkErrorKind, message: string, options: NetworkErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "NetworkError";
    this.kind = kind;
    this.status = options.status;
    this.retryAt = options.retryAt;
    this.detail = options.detail;
    this.reason = options.reason;
  }

  /** Transient failures are worth retrying later; the others need a person to fix something. */
  get retryable(): boolean {
    return this.kind === "rate_limited" || this.kind === "unreachable" || this.kind === "server";
  }
}

export function isNetworkError(e: unknown): e is NetworkError {
  return e instanceof NetworkError;
}

// ---- The send side (the outbox, lib/outbox) ----

import type { OutboxPayload } from "@/db/schema/outbox";

/** One answer to send, as the outbox stores it. */
export type OutboundRequest = Exclude<OutboxPayload, { kind: "email" }>;

export interface NetworkSender {
  /** Sends once; a NetworkError says why not (its `retryable` tells a transient failure). */
  send(request: OutboundRequest): Promise<{ externalId: string }>;
  /**
   * Reads back whether `request` reached the network at or after `since` (an attempt cut short
   * by a crash): the network's id when found, null when the network shows it is not there.
   */
  findSent(request: OutboundRequest, since: Date): Promise<string | null>;
}
