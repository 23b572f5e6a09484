import { and, asc, desc, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import { getDb, rows, type Db } from "@/db/client";
import {
  agentProfiles,
  campaigns,
  conversations,
  messages,
  predefinedResponses,
  qualificationStatuses,
  scriptVersions,
  users,
} from "@/db/schema";
import { activeSubStatuses } from "@/lib/qualifications/queries";
import { parseScriptModel } from "@/lib/scripts/migrate";
import type { ScriptModel } from "@/lib/scripts/model";
import type { VariableValues } from "@/lib/scripts/variables";
import { customerFileTarget, readCustomerRow, type CustomerRow } from "./customer-file-row";
import { builtInValues, scriptStartValues } from "./script-values";

export type AgentCapacity = { maxConversations: number; personalCallbacks: boolean; directlyReady: boolean };

export async function agentCapacity(db: Db, agentId: number): Promise<AgentCapacity> {
  const [p] = await db
    .select({
      maxConversations: agentProfiles.maxConversations,
      personalCallbacks: agentProfiles.personalCallbacks,
      directlyReady: agentProfiles.directlyReady,
    })
    .from(agentProfiles)
    .where(eq(agentProfiles.userId, agentId));
  return p ?? { maxConversations: 1, personalCallbacks: true, directlyReady: false };
}

/** The agent's list: every conversation assigned to him, oldest first, with what the list shows. */
export async function assignedConversations(agentId: number) {
  const db = await getDb();
  return rows<{
    id: number;
    campaign_id: number;
    campaign_name: string;
    network: string;
    channel: string;
    author_handle: string;
    author_name: string;
    language: string | null;
    author_followers: number | null;
    assigned_at: string | null;
    last_inbound_at: string | null;
    unread: boolean;
  }>(
    db,
    sql`select c.id, c.campaign_id, k.name as campaign_name, c.network, c.channel, c.author_handle, c.author_name, c.language,
          c.author_followers, c.assigned_at,
          (select max(m.created_at) from messages m where m.conversation_id = c.id and m.direction = 'in') as last_inbound_at,
          exists (select 1 from messages m where m.conversation_id = c.id and m.direction = 'in'
                    and m.id > coalesce((select r.last_read_message_id from conversation_reads r
                                         where r.conversation_id = c.id and r.agent_id = ${agentId}), 0)) as unread
        from conversations c join campaigns k on k.id = c.campaign_id
        where c.assigned_agent_id = ${agentId} and c.status = 'assigned'
        order by c.assigned_at, c.id`,
  );
}

/**
 * Everything the workspace shows for one conversation the agent owns (the caller checked it):
 * thread, author and his earlier conversations in this campaign, the pinned script with its
 * start values, qualifications, predefined responses and callback limits.
 */
export async function conversationDetail(agentId: number, conversationId: number) {
  const db = await getDb();
  const [c] = await db
    .select({
      id: conversations.id,
      campaignId: conversations.campaignId,
      network: conversations.network,
      authorId: conversations.authorId,
      authorHandle: conversations.authorHandle,
      authorName: conversations.authorName,
      language: conversations.language,
      scriptVersionId: conversations.scriptVersionId,
      qualificationGroupId: campaigns.qualificationGroupId,
      callbackDeadlineMinutes: campaigns.callbackDeadlineMinutes,
    })
    .from(conversations)
    .innerJoin(campaigns, eq(campaigns.id, conversations.campaignId))
    .where(and(eq(conversations.id, conversationId), eq(conversations.assignedAgentId, agentId), eq(conversations.status, "assigned")));
  if (!c) return null;

  const thread = await db
    .select({
      id: messages.id,
      direction: messages.direction,
      text: messages.text,
      authorName: messages.authorName,
      sendState: messages.sendState,
      at: messages.createdAt,
      networkAt: messages.networkCreatedAt,
    })
    .from(messages)
    .where(eq(messages.conversationId, c.id))
    .orderBy(asc(messages.createdAt), asc(messages.id));

  const history = await db
    .select({
      id: conversations.id,
      status: conversations.status,
      createdAt: conversations.createdAt,
      closedAt: conversations.closedAt,
      qualificationLabel: conversations.qualificationLabel,
      qualificationSubLabel: conversations.qualificationSubLabel,
      qualificationCategory: conversations.qualificationCategory,
    })
    .from(conversations)
    .where(
      and(
        eq(conversations.campaignId, c.campaignId),
        eq(conversations.network, c.network),
        eq(conversations.authorId, c.authorId),
        ne(conversations.id, c.id),
      ),
    )
    .orderBy(desc(conversations.createdAt))
    .limit(20);

  const statuses = c.qualificationGroupId
    ? await db
        .select({
          id: qualificationStatuses.id,
          code: qualificationStatuses.code,
          label: qualificationStatuses.label,
          category: qualificationStatuses.category,
        })
        .from(qualificationStatuses)
        .where(and(eq(qualificationStatuses.groupId, c.qualificationGroupId), isNull(qualificationStatuses.archivedAt)))
        .orderBy(asc(qualificationStatuses.position), asc(qualificationStatuses.id))
    : [];
  const subs = await activeSubStatuses(
    db,
    statuses.map((s) => s.id),
  );

  const responses = await db
    .select({
      id: predefinedResponses.id,
      title: predefinedResponses.title,
      text: predefinedResponses.text,
      language: predefinedResponses.language,
    })
    .from(predefinedResponses)
    .where(eq(predefinedResponses.campaignId, c.campaignId))
    .orderBy(asc(predefinedResponses.position), asc(predefinedResponses.id));

  const [agent] = await db.select({ name: users.name, login: users.login }).from(users).where(eq(users.id, agentId));
  const lastIn = [...thread].reverse().find((m) => m.direction === "in");
  const target = await customerFileTarget(db, c.scriptVersionId);
  const customer = target ? await readCustomerRow(db, target, c.network, c.authorId) : null;
  const sources = {
    conversationId: c.id,
    network: c.network,
    author: { name: c.authorName, handle: c.authorHandle },
    messageText: lastIn?.text ?? "",
    agent: { name: agent?.name ?? "", code: agent?.login ?? "" },
    customer,
  };

  let script: { versionId: number; model: ScriptModel; values: VariableValues; customerPostalCode: string | null } | null = null;
  if (c.scriptVersionId) {
    const [v] = await db.select({ model: scriptVersions.model }).from(scriptVersions).where(eq(scriptVersions.id, c.scriptVersionId));
    if (v) {
      const model = parseScriptModel(v.model);
      script = {
        versionId: c.scriptVersionId,
        model,
        values: scriptStartValues(model, sources),
        customerPostalCode: postalCodeOf(customer),
      };
    }
  }

  return {
    id: c.id,
    callbackDeadlineMinutes: c.callbackDeadlineMinutes,
    thread,
    history,
    statuses: statuses.map((s) => ({ ...s, subStatuses: subs.get(s.id) ?? [] })),
    responses,
    responseValues: builtInValues(sources),
    script,
    hasCustomerFile: target !== null,
  };
}
export type ConversationDetail = NonNullable<Awaited<ReturnType<typeof conversationDetail>>>;

/** The customer-file row's postal code, which filters the sales reps by zone when booking. */
function postalCodeOf(customer: CustomerRow | null): string | null {
  if (!customer) return null;
  for (const [column, value] of Object.entries(customer.byColumn))
    if (/^(code_?postal|cp|postal_?code|zip(_?code)?)$/i.test(column) && typeof value === "string" && value.trim()) return value.trim();
  return null;
}

/** Several details at once (the workspace keeps every open conversation mounted). */
export async function conversationDetails(agentId: number, ids: number[]) {
  const out: ConversationDetail[] = [];
  for (const id of ids) {
    const d = await conversationDetail(agentId, id);
    if (d) out.push(d);
  }
  return out;
}

/** Campaign ids the given conversation ids belong to (for time zones). */
export async function campaignsOf(ids: number[]) {
  if (ids.length === 0) return [];
  const db = await getDb();
  return db
    .select({ id: conversations.id, campaignId: conversations.campaignId })
    .from(conversations)
    .where(inArray(conversations.id, ids));
}
