import { and, eq, inArray, ne } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { conversations, messages, type Campaign } from "@/db/schema";
import { emit } from "@/lib/events/emit";
import type { EventPayload } from "@/lib/events/types";
import type { InboundMessage, NetworkKind } from "@/lib/networks/types";
import { loadClassifier } from "./classify";

export interface StoreCounts {
  newMessages: number;
  newConversations: number;
}

// Large batches stay under PostgreSQL's 65,535 bind parameters per statement.
const CHUNK = 1000;

function chunks<T>(list: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

const fallbackChannel = (m: InboundMessage, network: string) =>
  m.channel ?? (m.isPrivate ? (network === "facebook" ? "messenger" : "dm") : "keyword");

/**
 * Stores one fetch's messages, each once, in a handful of statements whatever their number: the
 * ids already stored, the open conversations of their threads, the new conversations (classified
 * once, on their first message), the messages (`on conflict do nothing`), the touched
 * conversations and the events. The caller holds the campaign's ingestion lock.
 */
export async function storeBatch(
  tx: Tx,
  campaign: Pick<Campaign, "id" | "queueId" | "type" | "scriptVersionId" | "queuePriority">,
  batch: InboundMessage[],
  now: Date,
): Promise<StoreCounts> {
  if (batch.length === 0) return { newMessages: 0, newConversations: 0 };
  // One message per external id (a post can come back from two pages of a shifting timeline).
  const unique = [...new Map(batch.map((m) => [m.externalId, m])).values()];

  const known = new Set<string>();
  for (const part of chunks(unique.map((m) => m.externalId))) {
    const found = await tx
      .select({ externalId: messages.externalId })
      .from(messages)
      .where(and(eq(messages.campaignId, campaign.id), eq(messages.direction, "in"), inArray(messages.externalId, part)));
    for (const f of found) if (f.externalId) known.add(f.externalId);
  }
  const fresh = unique.filter((m) => !known.has(m.externalId));
  if (fresh.length === 0) return { newMessages: 0, newConversations: 0 };

  // A new message in a thread that is still open joins it; otherwise it opens a conversation.
  const threads = [...new Set(fresh.map((m) => m.threadId))];
  const open = new Map<string, { id: number; agentId: number | null }>();
  for (const part of chunks(threads)) {
    const found = await tx
      .select({ id: conversations.id, threadId: conversations.threadId, agentId: conversations.assignedAgentId })
      .from(conversations)
      .where(and(eq(conversations.campaignId, campaign.id), inArray(conversations.threadId, part), ne(conversations.status, "closed")))
      .orderBy(conversations.id);
    for (const f of found) if (!open.has(f.threadId)) open.set(f.threadId, { id: f.id, agentId: f.agentId });
  }

  const firstOfThread = new Map<string, InboundMessage>();
  for (const m of fresh) if (!open.has(m.threadId) && !firstOfThread.has(m.threadId)) firstOfThread.set(m.threadId, m);

  const events: EventPayload[] = [];
  const network = campaign.type as NetworkKind;
  const created = new Map<string, number>();
  if (firstOfThread.size > 0) {
    const classifier = await loadClassifier(tx, campaign.id, now);
    const rows = [...firstOfThread.values()].map((m) => {
      const c = classifier.classify(m, network);
      return {
        campaignId: campaign.id,
        queueId: campaign.queueId,
        network: campaign.type,
        threadId: m.threadId,
        authorId: m.authorId,
        authorHandle: m.authorHandle,
        authorName: m.authorName,
        isPrivate: m.isPrivate,
        channel: fallbackChannel(m, campaign.type),
        authorFollowers: m.authorFollowers ?? null,
        scriptVersionId: campaign.scriptVersionId,
        status: c.status,
        language: c.language,
        filteredTerm: c.filteredTerm,
        filteredBlacklistId: c.filteredBlacklistId,
        requestedSkills: c.requestedSkills,
        matchedRuleId: c.matchedRuleId,
        priority: campaign.queuePriority,
        waitingSince: c.status === "waiting" ? now : null,
        createdAt: now,
        updatedAt: now,
      };
    });
    for (const part of chunks(rows, 500)) {
      const inserted = await tx
        .insert(conversations)
        .values(part)
        .returning({ id: conversations.id, threadId: conversations.threadId, status: conversations.status });
      for (const r of inserted) {
        created.set(r.threadId, r.id);
        if (r.status === "waiting")
          events.push({ name: "relais/conversation.queued", data: { conversationId: r.id, campaignId: campaign.id } });
      }
    }
  }

  const messageRows = fresh.map((m) => ({
    conversationId: open.get(m.threadId)?.id ?? created.get(m.threadId)!,
    campaignId: campaign.id,
    direction: "in" as const,
    externalId: m.externalId,
    text: m.text,
    authorId: m.authorId,
    authorHandle: m.authorHandle,
    authorName: m.authorName,
    lang: m.authorLang ?? null,
    sourceKind: m.sourceKind ?? null,
    mentionsAccount: m.mentionsAccount ?? null,
    networkCreatedAt: m.createdAt,
    createdAt: now,
  }));
  let newMessages = 0;
  const openIds = new Set([...open.values()].map((o) => o.id));
  const appendedTo = new Set<number>();
  for (const part of chunks(messageRows, 500)) {
    const inserted = await tx
      .insert(messages)
      .values(part)
      .onConflictDoNothing({ target: [messages.campaignId, messages.direction, messages.externalId] })
      .returning({ conversationId: messages.conversationId });
    newMessages += inserted.length;
    for (const r of inserted) if (openIds.has(r.conversationId)) appendedTo.add(r.conversationId);
  }

  // Follow-ups in open conversations: their agent's screen updates.
  const appended = [...open.values()].filter((o) => appendedTo.has(o.id));
  if (appended.length > 0) {
    await tx
      .update(conversations)
      .set({ updatedAt: now })
      .where(
        inArray(
          conversations.id,
          appended.map((o) => o.id),
        ),
      );
    for (const o of appended) events.push({ name: "relais/conversation.updated", data: { conversationId: o.id, agentId: o.agentId } });
  }
  await emit(tx, events);
  return { newMessages, newConversations: created.size };
}
