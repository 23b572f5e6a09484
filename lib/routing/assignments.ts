// The assignment rows' shared transitions. Routing (lib/routing/assign.ts) creates offers; the
// workspace, callbacks, supervision and the timeouts (lib/routing/presence.ts) end them through
// these, so `agent_presence.active_count` and the agent's idle clock stay right whoever ends an
// assignment.
import { sql } from "drizzle-orm";
import { rows, type Tx } from "@/db/client";
import type { AssignmentEndReason } from "@/db/schema";
import { emit } from "@/lib/events/emit";
import { routingNow, ts } from "./clock";

export interface EndedAssignment {
  assignmentId: number;
  agentId: number;
}

/**
 * Ends the open assignment of a conversation (if any) with a reason, frees one unit of the
 * agent's capacity and restarts his idle clock. Returns what was ended, or null.
 */
export async function endAssignment(
  tx: Tx,
  input: { conversationId: number; reason: AssignmentEndReason; endedBy?: number | null; at?: Date },
): Promise<EndedAssignment | null> {
  const at = ts(input.at ?? routingNow());
  const [ended] = await rows<{ id: number; agent_id: number }>(
    tx,
    sql`update assignments set state = 'ended', ended_at = ${at}::timestamptz, end_reason = ${input.reason},
          ended_by = ${input.endedBy ?? null}
        where conversation_id = ${input.conversationId} and ended_at is null
        returning id, agent_id`,
  );
  if (!ended) return null;
  await tx.execute(
    sql`update agent_presence set active_count = greatest(active_count - 1, 0), last_assignment_ended_at = ${at}::timestamptz
        where user_id = ${ended.agent_id}`,
  );
  return { assignmentId: Number(ended.id), agentId: Number(ended.agent_id) };
}

/** The agent acted on the offer (replied, saved, qualified): it no longer times out. */
export async function acceptAssignment(tx: Tx, conversationId: number, agentId: number, at: Date = routingNow()): Promise<void> {
  await tx.execute(
    sql`update assignments set state = 'accepted', accepted_at = ${ts(at)}::timestamptz, expires_at = null
        where conversation_id = ${conversationId} and agent_id = ${agentId} and ended_at is null and state = 'offered'`,
  );
}

/**
 * Puts an assigned conversation back in the queue: its open assignment ends with `reason`, and
 * it keeps its original `waiting_since`, so the customer keeps his place. Emits
 * conversation.queued (routing offers it again) and conversation.updated for the agent who had it.
 */
export async function requeueConversation(
  tx: Tx,
  input: { conversationId: number; reason: AssignmentEndReason; endedBy?: number | null; at?: Date },
): Promise<EndedAssignment | null> {
  const at = input.at ?? routingNow();
  const ended = await endAssignment(tx, { ...input, at });
  const [back] = await rows<{ id: number; campaign_id: number }>(
    tx,
    sql`update conversations set status = 'waiting', assigned_agent_id = null, assigned_at = null,
          waiting_since = coalesce(waiting_since, ${ts(at)}::timestamptz), updated_at = ${ts(at)}::timestamptz
        where id = ${input.conversationId} and status = 'assigned'
        returning id, campaign_id`,
  );
  if (back)
    await emit(tx, [
      { name: "relais/conversation.queued", data: { conversationId: Number(back.id), campaignId: Number(back.campaign_id) } },
      ...(ended
        ? [{ name: "relais/conversation.updated" as const, data: { conversationId: Number(back.id), agentId: ended.agentId } }]
        : []),
    ]);
  return ended;
}

/**
 * Offers a conversation to a named agent (a supervisor's reassignment): ends its open
 * assignment ('reassigned'), opens one for `agentId` with why = 'reassigned' and the campaign's
 * offer timeout, and moves one unit of capacity from the old agent to the new one. The caller
 * has locked the conversation and the agent's presence row and checked he is eligible; the
 * unique open-assignment index still refuses a second open row.
 */
export async function reassignConversation(
  tx: Tx,
  input: { conversationId: number; agentId: number; timeoutSeconds: number; endedBy: number; at?: Date },
): Promise<{ assignmentId: number; from: EndedAssignment | null }> {
  const at = input.at ?? routingNow();
  const from = await endAssignment(tx, { conversationId: input.conversationId, reason: "reassigned", endedBy: input.endedBy, at });
  const expires = new Date(at.getTime() + input.timeoutSeconds * 1000);
  const [row] = await rows<{ id: number }>(
    tx,
    sql`insert into assignments (conversation_id, agent_id, state, why, offered_at, expires_at)
        values (${input.conversationId}, ${input.agentId}, 'offered', 'reassigned', ${ts(at)}::timestamptz, ${ts(expires)}::timestamptz)
        returning id`,
  );
  await tx.execute(
    sql`update conversations set status = 'assigned', assigned_agent_id = ${input.agentId}, assigned_at = ${ts(at)}::timestamptz,
          waiting_since = coalesce(waiting_since, ${ts(at)}::timestamptz), updated_at = ${ts(at)}::timestamptz
        where id = ${input.conversationId}`,
  );
  await tx.execute(sql`update agent_presence set active_count = active_count + 1 where user_id = ${input.agentId}`);
  await emit(tx, [
    { name: "relais/conversation.assigned", data: { conversationId: input.conversationId, agentId: input.agentId } },
    ...(from
      ? [{ name: "relais/conversation.updated" as const, data: { conversationId: input.conversationId, agentId: from.agentId } }]
      : []),
    { name: "relais/offers.expiring", data: { at: Math.ceil(expires.getTime() / 1000) }, ts: Math.ceil(expires.getTime() / 1000) * 1000 },
  ]);
  return { assignmentId: Number(row.id), from };
}
