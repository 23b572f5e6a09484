// The assignment rows' shared transitions. Routing (lib/routing/assign.ts) creates offers; the
// workspace, callbacks and supervision end them through these, so `agent_presence.active_count`
// and the agent's idle clock stay right whoever ends an assignment.
import { sql } from "drizzle-orm";
import { rows, type Tx } from "@/db/client";
import type { AssignmentEndReason } from "@/db/schema";

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
  const at = input.at ?? new Date();
  const [ended] = await rows<{ id: number; agent_id: number }>(
    tx,
    sql`update assignments set state = 'ended', ended_at = ${at.toISOString()}, end_reason = ${input.reason},
          ended_by = ${input.endedBy ?? null}
        where conversation_id = ${input.conversationId} and ended_at is null
        returning id, agent_id`,
  );
  if (!ended) return null;
  await tx.execute(
    sql`update agent_presence set active_count = greatest(active_count - 1, 0), last_assignment_ended_at = ${at.toISOString()}
        where user_id = ${ended.agent_id}`,
  );
  return { assignmentId: ended.id, agentId: ended.agent_id };
}

/** The agent acted on the offer (replied, saved, qualified): it no longer times out. */
export async function acceptAssignment(tx: Tx, conversationId: number, agentId: number, at: Date = new Date()): Promise<void> {
  await tx.execute(
    sql`update assignments set state = 'accepted', accepted_at = ${at.toISOString()}, expires_at = null
        where conversation_id = ${conversationId} and agent_id = ${agentId} and ended_at is null and state = 'offered'`,
  );
}
