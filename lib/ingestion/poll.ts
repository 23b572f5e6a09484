import { and, eq, isNull, lte, or, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { campaigns, conversations, messages, pollCursors } from "@/db/schema";
import { adapterForCampaign, CredentialsUnreadableError } from "@/lib/campaigns/adapter";
import { NetworkError, type InboundMessage } from "@/lib/networks/types";
import { emit } from "@/lib/events/emit";

export interface PollResult {
  campaignId: number;
  status: "polled" | "skipped" | "failed";
  fetched: number;
  newMessages: number;
  newConversations: number;
  error?: string;
}

/**
 * Claims the running campaigns whose check interval has elapsed by pushing their next poll
 * forward, so that a second scheduler tick (or a second host) does not poll them again.
 */
export async function claimDueCampaigns(now = new Date()): Promise<number[]> {
  const db = await getDb();
  const running = await db
    .select({ id: campaigns.id, interval: campaigns.pollIntervalSeconds })
    .from(campaigns)
    .leftJoin(pollCursors, eq(pollCursors.campaignId, campaigns.id))
    .where(
      and(
        eq(campaigns.state, "running"),
        isNull(campaigns.archivedAt),
        or(isNull(pollCursors.nextPollAt), lte(pollCursors.nextPollAt, now)),
      ),
    );
  const claimed: number[] = [];
  for (const c of running) {
    const next = new Date(now.getTime() + c.interval * 1000);
    const updated = await db
      .insert(pollCursors)
      .values({ campaignId: c.id, nextPollAt: next })
      .onConflictDoUpdate({
        target: pollCursors.campaignId,
        set: { nextPollAt: next },
        where: or(isNull(pollCursors.nextPollAt), lte(pollCursors.nextPollAt, now)),
      })
      .returning({ id: pollCursors.campaignId });
    if (updated.length > 0) claimed.push(c.id);
  }
  return claimed;
}

/**
 * Reads what is new for one campaign and stores each message exactly once. The cursor is saved
 * in the same transaction as the messages, so a crash between the network read and the commit
 * re-reads the same messages next time, and the unique index makes that harmless.
 */
export async function pollCampaign(campaignId: number): Promise<PollResult> {
  const db = await getDb();
  const base: PollResult = { campaignId, status: "skipped", fetched: 0, newMessages: 0, newConversations: 0 };
  const [state] = await db
    .select({ state: campaigns.state, archivedAt: campaigns.archivedAt })
    .from(campaigns)
    .where(eq(campaigns.id, campaignId));
  if (!state || state.state !== "running" || state.archivedAt) return base;

  const [cursorRow] = await db.select().from(pollCursors).where(eq(pollCursors.campaignId, campaignId));
  let loaded: Awaited<ReturnType<typeof adapterForCampaign>>;
  try {
    loaded = await adapterForCampaign(db, campaignId);
  } catch (err) {
    // Not silent: the error is the campaign's last poll error, and its summary is recomputed (red).
    if (!(err instanceof CredentialsUnreadableError)) throw err;
    await db
      .insert(pollCursors)
      .values({ campaignId, lastError: err.message, lastPolledAt: new Date() })
      .onConflictDoUpdate({ target: pollCursors.campaignId, set: { lastError: err.message, lastPolledAt: new Date() } });
    if (cursorRow?.lastError !== err.message) await emit(db, { name: "relais/campaign.changed", data: { campaignId } });
    return { ...base, status: "failed", error: err.message };
  }
  const { campaign, adapter } = loaded;

  let fetched: Awaited<ReturnType<typeof adapter.fetchNew>>;
  try {
    fetched = await adapter.fetchNew(cursorRow?.cursor ?? null);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const retryAt = err instanceof NetworkError && err.retryAt ? err.retryAt : undefined;
    await db
      .insert(pollCursors)
      .values({ campaignId, lastError: message, lastPolledAt: new Date(), nextPollAt: retryAt })
      .onConflictDoUpdate({
        target: pollCursors.campaignId,
        set: { lastError: message, lastPolledAt: new Date(), ...(retryAt ? { nextPollAt: retryAt } : {}) },
      });
    return { ...base, status: "failed", error: message };
  }

  const counts = await db.transaction(async (tx) => {
    // Serialises ingestion of one campaign across hosts for the length of this transaction.
    await tx.execute(sql`select pg_advisory_xact_lock(1, ${campaignId})`);
    let newMessages = 0;
    let newConversations = 0;
    for (const m of fetched.messages) {
      const stored = await storeInbound(tx, campaign, m);
      if (stored === "new-conversation") newConversations++;
      if (stored !== "duplicate") newMessages++;
    }
    const cursor = fetched.cursor ?? cursorRow?.cursor ?? null;
    await tx
      .insert(pollCursors)
      .values({ campaignId, cursor, lastPolledAt: new Date(), lastError: null, messagesRead: fetched.messages.length })
      .onConflictDoUpdate({
        target: pollCursors.campaignId,
        set: {
          cursor,
          lastPolledAt: new Date(),
          lastError: null,
          messagesRead: sql`${pollCursors.messagesRead} + ${fetched.messages.length}`,
        },
      });
    return { newMessages, newConversations };
  });
  return { ...base, status: "polled", fetched: fetched.messages.length, ...counts };
}

type Tx = Parameters<Parameters<Awaited<ReturnType<typeof getDb>>["transaction"]>[0]>[0];

async function storeInbound(
  tx: Tx,
  campaign: { id: number; queueId: number | null; type: string; scriptVersionId: number | null },
  m: InboundMessage,
): Promise<"duplicate" | "new-conversation" | "appended"> {
  const [existing] = await tx
    .select({ id: messages.id })
    .from(messages)
    .where(and(eq(messages.campaignId, campaign.id), eq(messages.direction, "in"), eq(messages.externalId, m.externalId)));
  if (existing) return "duplicate";

  // A new message in a thread that is still open joins it; otherwise it opens a conversation.
  const [open] = await tx
    .select({ id: conversations.id, agentId: conversations.assignedAgentId })
    .from(conversations)
    .where(
      and(eq(conversations.campaignId, campaign.id), eq(conversations.threadId, m.threadId), sql`${conversations.status} <> 'closed'`),
    );
  let conversationId = open?.id;
  if (!conversationId) {
    const [created] = await tx
      .insert(conversations)
      .values({
        campaignId: campaign.id,
        queueId: campaign.queueId,
        network: campaign.type,
        threadId: m.threadId,
        authorId: m.authorId,
        authorHandle: m.authorHandle,
        authorName: m.authorName,
        isPrivate: m.isPrivate,
        channel: m.channel ?? (m.isPrivate ? (campaign.type === "facebook" ? "messenger" : "dm") : "keyword"),
        authorFollowers: m.authorFollowers ?? null,
        scriptVersionId: campaign.scriptVersionId,
        waitingSince: new Date(),
      })
      .returning({ id: conversations.id });
    conversationId = created.id;
  }
  await tx.insert(messages).values({
    conversationId,
    campaignId: campaign.id,
    direction: "in",
    externalId: m.externalId,
    text: m.text,
    authorId: m.authorId,
    authorHandle: m.authorHandle,
    authorName: m.authorName,
    lang: m.authorLang ?? null,
    networkCreatedAt: m.createdAt,
  });
  await tx.update(conversations).set({ updatedAt: new Date() }).where(eq(conversations.id, conversationId));
  if (open) {
    await emit(tx, { name: "relais/conversation.updated", data: { conversationId, agentId: open.agentId } });
    return "appended";
  }
  await emit(tx, { name: "relais/conversation.queued", data: { conversationId, campaignId: campaign.id } });
  return "new-conversation";
}
