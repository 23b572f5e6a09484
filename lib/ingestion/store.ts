import { inArray, sql } from "drizzle-orm";
import { rows, type Tx } from "@/db/client";
import { conversations, type Campaign } from "@/db/schema";
import { emit } from "@/lib/events/emit";
import type { EventPayload } from "@/lib/events/types";
import type { InboundMessage, NetworkKind } from "@/lib/networks/types";
import { loadClassifier } from "./classify";

export interface StoreCounts {
  newMessages: number;
  newConversations: number;
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

  // Each batch goes to PostgreSQL as one JSON parameter: a handful of statements whatever the
  // number of messages, and no per-row bind parameters to build.
  const known = new Set(
    (
      await rows<{ id: string }>(
        tx,
        // A join from the batch's ids, so that each is one probe of messages_campaign_external_uq
        // (an IN over the subquery lets the planner scan the whole table once it has grown).
        sql`select m.external_id as id
            from json_array_elements_text(${JSON.stringify(unique.map((m) => m.externalId))}::json) as j(v)
            join messages m on m.campaign_id = ${campaign.id} and m.direction = 'in' and m.external_id = j.v`,
      )
    ).map((r) => r.id),
  );
  const fresh = unique.filter((m) => !known.has(m.externalId));
  if (fresh.length === 0) return { newMessages: 0, newConversations: 0 };

  // A new message in a thread that is still open joins it; otherwise it opens a conversation.
  const threads = [...new Set(fresh.map((m) => m.threadId))];
  const open = new Map<string, { id: number; agentId: number | null }>();
  const found = await rows<{ id: number; thread_id: string; agent_id: number | null }>(
    tx,
    sql`select c.id, c.thread_id, c.assigned_agent_id as agent_id
        from json_array_elements_text(${JSON.stringify(threads)}::json) as j(v)
        join conversations c on c.campaign_id = ${campaign.id} and c.thread_id = j.v and c.status <> 'closed'
        order by c.id`,
  );
  for (const f of found)
    if (!open.has(f.thread_id)) open.set(f.thread_id, { id: Number(f.id), agentId: f.agent_id === null ? null : Number(f.agent_id) });

  const firstOfThread = new Map<string, InboundMessage>();
  for (const m of fresh) if (!open.has(m.threadId) && !firstOfThread.has(m.threadId)) firstOfThread.set(m.threadId, m);

  const events: EventPayload[] = [];
  const network = campaign.type as NetworkKind;
  const created = new Map<string, number>();
  if (firstOfThread.size > 0) {
    const classifier = await loadClassifier(tx, campaign.id, now);
    const list = [...firstOfThread.values()].map((m) => {
      const c = classifier.classify(m, network);
      return {
        thread_id: m.threadId,
        author_id: m.authorId,
        author_handle: m.authorHandle,
        author_name: m.authorName,
        is_private: m.isPrivate,
        channel: fallbackChannel(m, campaign.type),
        author_followers: m.authorFollowers ?? null,
        status: c.status,
        language: c.language,
        filtered_term: c.filteredTerm,
        filtered_blacklist_id: c.filteredBlacklistId,
        requested_skills: c.requestedSkills,
        matched_rule_id: c.matchedRuleId,
        waiting: c.status === "waiting",
      };
    });
    const at = now.toISOString();
    const inserted = await rows<{ id: number; thread_id: string; status: string }>(
      tx,
      sql`insert into conversations (campaign_id, queue_id, network, script_version_id, priority, created_at, updated_at,
            thread_id, author_id, author_handle, author_name, is_private, channel, author_followers, status, language,
            filtered_term, filtered_blacklist_id, requested_skills, matched_rule_id, waiting_since)
          select ${campaign.id}, ${campaign.queueId}::int, ${campaign.type}, ${campaign.scriptVersionId}::int, ${campaign.queuePriority},
            ${at}::timestamptz, ${at}::timestamptz, x.thread_id, x.author_id, x.author_handle, x.author_name, x.is_private, x.channel,
            x.author_followers, x.status, x.language, x.filtered_term, x.filtered_blacklist_id, coalesce(x.requested_skills, '[]'::jsonb),
            x.matched_rule_id, case when x.waiting then ${at}::timestamptz end
          from json_to_recordset(${JSON.stringify(list)}::json) as x(thread_id text, author_id text, author_handle text, author_name text,
            is_private boolean, channel text, author_followers int, status text, language text, filtered_term text,
            filtered_blacklist_id int, requested_skills jsonb, matched_rule_id int, waiting boolean)
          returning id, thread_id, status`,
    );
    for (const r of inserted) {
      const id = Number(r.id);
      created.set(r.thread_id, id);
      if (r.status === "waiting")
        events.push({ name: "relais/conversation.queued", data: { conversationId: id, campaignId: campaign.id } });
    }
  }

  const messageRows = fresh.map((m) => ({
    conversation_id: open.get(m.threadId)?.id ?? created.get(m.threadId)!,
    external_id: m.externalId,
    text: m.text,
    author_id: m.authorId,
    author_handle: m.authorHandle,
    author_name: m.authorName,
    lang: m.authorLang ?? null,
    source_kind: m.sourceKind ?? null,
    mentions_account: m.mentionsAccount ?? null,
    network_created_at: m.createdAt.toISOString(),
  }));
  const stored = await rows<{ conversation_id: number }>(
    tx,
    sql`insert into messages (conversation_id, campaign_id, direction, external_id, text, author_id, author_handle, author_name, lang,
          source_kind, mentions_account, network_created_at, created_at)
        select x.conversation_id, ${campaign.id}, 'in', x.external_id, x.text, x.author_id, x.author_handle, x.author_name, x.lang,
          x.source_kind, x.mentions_account, x.network_created_at, ${now.toISOString()}::timestamptz
        from json_to_recordset(${JSON.stringify(messageRows)}::json) as x(conversation_id int, external_id text, text text,
          author_id text, author_handle text, author_name text, lang text, source_kind text, mentions_account boolean,
          network_created_at timestamptz)
        on conflict (campaign_id, direction, external_id) do nothing
        returning conversation_id`,
  );
  const newMessages = stored.length;
  const openIds = new Set([...open.values()].map((o) => o.id));
  const appendedTo = new Set(stored.map((r) => Number(r.conversation_id)).filter((id) => openIds.has(id)));

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
