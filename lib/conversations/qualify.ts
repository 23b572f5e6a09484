import { and, eq, isNull } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { agentPresence, agentProfiles, campaigns, conversations, qualificationStatuses, qualificationSubStatuses } from "@/db/schema";
import { ActionError } from "@/lib/auth/action";
import { endAssignment } from "@/lib/routing/assignments";
import { emit } from "@/lib/events/emit";
import { now } from "./clock";
import type { OwnedConversation } from "./access";

/**
 * Qualifies and closes a conversation the caller owns (lib/conversations/access.ts), in its
 * transaction. The status's code, label, category and benefit (and the detail's) are copied:
 * later edits never change past qualifications. A status with details needs one. Then the
 * profile's «Directement Prêt» decides the agent's state: Ready again, or Paused.
 */
export async function closeQualified(
  tx: Tx,
  agentId: number,
  c: OwnedConversation,
  choice: { statusId?: number; statusCode?: string; subStatusId?: number; subStatusCode?: string },
): Promise<{ state: "ready" | "paused" }> {
  const [status] = await tx
    .select({
      id: qualificationStatuses.id,
      code: qualificationStatuses.code,
      label: qualificationStatuses.label,
      category: qualificationStatuses.category,
      benefit: qualificationStatuses.benefit,
    })
    .from(qualificationStatuses)
    .innerJoin(campaigns, eq(campaigns.qualificationGroupId, qualificationStatuses.groupId))
    .where(
      and(
        choice.statusId !== undefined
          ? eq(qualificationStatuses.id, choice.statusId)
          : eq(qualificationStatuses.code, choice.statusCode ?? ""),
        eq(campaigns.id, c.campaignId),
        isNull(qualificationStatuses.archivedAt),
      ),
    );
  if (!status) throw new ActionError("workspace.errors.qualificationInvalid", { statusId: ["workspace.errors.qualificationInvalid"] });
  const sub = await chosenSubStatus(tx, status.id, choice.subStatusId, choice.subStatusCode);
  const at = now();
  const closed = await tx
    .update(conversations)
    .set({
      status: "closed",
      closedAt: at,
      updatedAt: at,
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
  await endAssignment(tx, { conversationId: c.id, reason: "qualified", endedBy: agentId, at });
  const state = await afterClose(tx, agentId, at);
  await emit(tx, [
    { name: "relais/conversation.closed", data: { conversationId: c.id, agentId } },
    { name: "relais/agent.presence", data: { agentId, state } },
  ]);
  return { state };
}

/** «Directement Prêt»: back to Ready after a closing, else Paused (the agent clicks Ready himself). */
async function afterClose(tx: Tx, agentId: number, at: Date): Promise<"ready" | "paused"> {
  const [profile] = await tx
    .select({ directlyReady: agentProfiles.directlyReady })
    .from(agentProfiles)
    .where(eq(agentProfiles.userId, agentId));
  const state = profile?.directlyReady ? "ready" : "paused";
  await tx
    .insert(agentPresence)
    .values({ userId: agentId, state, since: at })
    .onConflictDoUpdate({ target: agentPresence.userId, set: { state, since: at, pauseReason: null } });
  return state;
}

/** The detail chosen for a status: required when the status has details, refused otherwise. */
/** The detail chosen, by id (the qualification form) or by code (a script's «Qualifier» command). */
async function chosenSubStatus(tx: Tx, statusId: number, subStatusId: number | undefined, subStatusCode?: string) {
  const subs = await tx
    .select({ id: qualificationSubStatuses.id, code: qualificationSubStatuses.code, label: qualificationSubStatuses.label })
    .from(qualificationSubStatuses)
    .where(and(eq(qualificationSubStatuses.statusId, statusId), isNull(qualificationSubStatuses.archivedAt)));
  const chosen = subStatusId !== undefined || subStatusCode !== undefined;
  if (subs.length === 0 && !chosen) return null;
  if (!chosen)
    throw new ActionError("qualifications.errors.subStatusRequired", { subStatusId: ["qualifications.errors.subStatusRequired"] });
  const sub = subs.find((s) => (subStatusId !== undefined ? s.id === subStatusId : s.code === subStatusCode));
  if (!sub) throw new ActionError("qualifications.errors.subStatusInvalid", { subStatusId: ["qualifications.errors.subStatusInvalid"] });
  return sub;
}
