import { and, eq, isNull } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import { agentPresence, campaigns, conversations, qualificationStatuses, qualificationSubStatuses, type AgentState } from "@/db/schema";
import { ActionError } from "@/lib/auth/action";
import { endAssignment } from "@/lib/routing/assignments";
import { emit } from "@/lib/events/emit";
import type { QualifyInput } from "./workspace.schema";

// Answers (replies, DMs, comment and private replies, Messenger) go through the outbox:
// lib/outbox/replies.ts sendAnswer, app/(workspace)/workspace/reply-actions.ts.

export async function setPresence(agentId: number, state: AgentState): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    await tx
      .insert(agentPresence)
      .values({ userId: agentId, state, since: new Date() })
      .onConflictDoUpdate({ target: agentPresence.userId, set: { state, since: new Date() } });
    await emit(tx, { name: "relais/agent.presence", data: { agentId, state } });
  });
}

async function assignedConversation(agentId: number, conversationId: number) {
  const db = await getDb();
  const [c] = await db
    .select({ id: conversations.id, campaignId: conversations.campaignId, status: conversations.status })
    .from(conversations)
    .where(and(eq(conversations.id, conversationId), eq(conversations.assignedAgentId, agentId)));
  if (!c || c.status !== "assigned") throw new ActionError("workspace.errors.notYours");
  return c;
}

/**
 * Qualifies and closes the conversation. The status's code, label, category and benefit (and
 * the chosen detail's code and label) are copied onto the conversation: later edits of the
 * status never change past qualifications.
 */
export async function qualifyConversation(agentId: number, input: QualifyInput): Promise<void> {
  const db = await getDb();
  const c = await assignedConversation(agentId, input.conversationId);
  await db.transaction(async (tx) => {
    const [status] = await tx
      .select({
        id: qualificationStatuses.id,
        code: qualificationStatuses.code,
        label: qualificationStatuses.label,
        category: qualificationStatuses.category,
        benefit: qualificationStatuses.benefit,
        archivedAt: qualificationStatuses.archivedAt,
      })
      .from(qualificationStatuses)
      .innerJoin(campaigns, eq(campaigns.qualificationGroupId, qualificationStatuses.groupId))
      .where(and(eq(qualificationStatuses.id, input.statusId), eq(campaigns.id, c.campaignId)));
    if (!status || status.archivedAt)
      throw new ActionError("workspace.errors.qualificationInvalid", { statusId: ["workspace.errors.qualificationInvalid"] });
    const sub = await chosenSubStatus(tx, status.id, input.subStatusId);
    const closed = await tx
      .update(conversations)
      .set({
        status: "closed",
        closedAt: new Date(),
        updatedAt: new Date(),
        qualificationStatusId: status.id,
        qualificationCode: status.code,
        qualificationLabel: status.label,
        qualificationCategory: status.category,
        qualificationBenefit: status.benefit,
        qualificationSubCode: sub?.code ?? null,
        qualificationSubLabel: sub?.label ?? null,
        qualifiedBy: agentId,
      })
      .where(and(eq(conversations.id, c.id), eq(conversations.status, "assigned"), eq(conversations.assignedAgentId, agentId)))
      .returning({ id: conversations.id });
    if (closed.length === 0) throw new ActionError("workspace.errors.notYours");
    await endAssignment(tx, { conversationId: c.id, reason: "qualified", endedBy: agentId });
    await emit(tx, { name: "relais/conversation.closed", data: { conversationId: c.id, agentId } });
  });
}

/** The detail chosen for a status: required when the status has details, refused otherwise. */
async function chosenSubStatus(tx: Tx, statusId: number, subStatusId: number | undefined) {
  const subs = await tx
    .select({ id: qualificationSubStatuses.id, code: qualificationSubStatuses.code, label: qualificationSubStatuses.label })
    .from(qualificationSubStatuses)
    .where(and(eq(qualificationSubStatuses.statusId, statusId), isNull(qualificationSubStatuses.archivedAt)));
  if (subs.length === 0 && subStatusId === undefined) return null;
  if (subStatusId === undefined)
    throw new ActionError("qualifications.errors.subStatusRequired", { subStatusId: ["qualifications.errors.subStatusRequired"] });
  const sub = subs.find((s) => s.id === subStatusId);
  if (!sub) throw new ActionError("qualifications.errors.subStatusInvalid", { subStatusId: ["qualifications.errors.subStatusInvalid"] });
  return sub;
}
