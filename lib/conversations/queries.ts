import { and, asc, count, eq, isNull } from "drizzle-orm";
import { redactNetworkText } from "@/lib/networks/redact";
import { getDb } from "@/db/client";
import { agentPresence, campaigns, conversations, messages, qualificationStatuses, type AgentState } from "@/db/schema";
import { activeSubStatuses } from "@/lib/qualifications/queries";

export async function agentState(agentId: number): Promise<AgentState> {
  const db = await getDb();
  const [row] = await db.select({ state: agentPresence.state }).from(agentPresence).where(eq(agentPresence.userId, agentId));
  return row?.state ?? "offline";
}

/** What the agent workspace shows: the conversation assigned to this agent, if any. */
export async function currentConversation(agentId: number) {
  const db = await getDb();
  const [conversation] = await db
    .select({
      id: conversations.id,
      campaignId: conversations.campaignId,
      campaignName: campaigns.name,
      qualificationGroupId: campaigns.qualificationGroupId,
      network: conversations.network,
      authorHandle: conversations.authorHandle,
      authorName: conversations.authorName,
      isPrivate: conversations.isPrivate,
      assignedAt: conversations.assignedAt,
    })
    .from(conversations)
    .innerJoin(campaigns, eq(campaigns.id, conversations.campaignId))
    .where(and(eq(conversations.assignedAgentId, agentId), eq(conversations.status, "assigned")))
    .orderBy(asc(conversations.assignedAt))
    .limit(1);
  if (!conversation) return null;
  const thread = await db
    .select({
      id: messages.id,
      direction: messages.direction,
      text: messages.text,
      authorHandle: messages.authorHandle,
      authorName: messages.authorName,
      sendState: messages.sendState,
      sendError: messages.sendError,
      at: messages.createdAt,
      networkAt: messages.networkCreatedAt,
    })
    .from(messages)
    .where(eq(messages.conversationId, conversation.id))
    .orderBy(asc(messages.createdAt), asc(messages.id));
  const statuses = conversation.qualificationGroupId
    ? await db
        .select({
          id: qualificationStatuses.id,
          code: qualificationStatuses.code,
          label: qualificationStatuses.label,
          category: qualificationStatuses.category,
        })
        .from(qualificationStatuses)
        .where(and(eq(qualificationStatuses.groupId, conversation.qualificationGroupId), isNull(qualificationStatuses.archivedAt)))
        .orderBy(asc(qualificationStatuses.position), asc(qualificationStatuses.id))
    : [];
  const subs = await activeSubStatuses(
    db,
    statuses.map((s) => s.id),
  );
  // Texts stored before redaction existed are redacted on the way out too (lib/networks/redact.ts).
  const safeThread = thread.map((m) => (m.sendError ? { ...m, sendError: redactNetworkText(m.sendError) } : m));
  return { ...conversation, thread: safeThread, statuses: statuses.map((s) => ({ ...s, subStatuses: subs.get(s.id) ?? [] })) };
}
export type CurrentConversation = NonNullable<Awaited<ReturnType<typeof currentConversation>>>;

export async function waitingCount(): Promise<number> {
  const db = await getDb();
  const [row] = await db.select({ n: count() }).from(conversations).where(eq(conversations.status, "waiting"));
  return row?.n ?? 0;
}
