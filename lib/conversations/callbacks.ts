import { sql } from "drizzle-orm";
import { getDb, rows, type Db } from "@/db/client";
import { ActionError } from "@/lib/auth/action";
import { emit } from "@/lib/events/emit";
import { endAssignment } from "@/lib/routing/assignments";
import { ownConversation } from "./access";
import { now } from "./clock";
import { callbackSchema, type CallbackInput } from "./workspace.schema";

import { OVERDUE_GRACE_MS } from "./overdue";

export { OVERDUE_GRACE_MS };

/**
 * «Rappel»: the agent gives the conversation a time to come back, before the campaign's callback
 * deadline («dates butoires de rappels», minutes from now). A personal callback (when his
 * profile allows it) comes back to him, otherwise to the queue. The assignment ends with reason
 * `callback`; the delayed run (event `relais/callback.due` with `ts`) brings it back.
 */
export async function scheduleCallback(agentId: number, raw: CallbackInput): Promise<{ callbackId: number; dueAt: string }> {
  const input = callbackSchema.parse(raw);
  const db = await getDb();
  const due = new Date(input.dueAt);
  return db.transaction(async (tx) => {
    const c = await ownConversation(tx, agentId, input.conversationId);
    const [limits] = await rows<{ deadline: number; personal_allowed: boolean | null }>(
      tx,
      sql`select k.callback_deadline_minutes as deadline, p.personal_callbacks as personal_allowed
          from campaigns k left join agent_profiles p on p.user_id = ${agentId} where k.id = ${c.campaignId}`,
    );
    const at = now();
    if (due.getTime() <= at.getTime()) throw new ActionError("desk.callback.errors.past", { dueAt: ["desk.callback.errors.past"] });
    if (due.getTime() > at.getTime() + limits.deadline * 60_000)
      throw new ActionError(
        "desk.callback.errors.afterDeadline",
        { dueAt: ["desk.callback.errors.afterDeadline"] },
        { minutes: limits.deadline },
      );
    if (input.personal && limits.personal_allowed === false)
      throw new ActionError("desk.callback.errors.personalNotAllowed", { personal: ["desk.callback.errors.personalNotAllowed"] });
    const [cb] = await rows<{ id: number }>(
      tx,
      sql`insert into callbacks (conversation_id, campaign_id, agent_id, personal, due_at, note)
          values (${c.id}, ${c.campaignId}, ${agentId}, ${input.personal}, ${due.toISOString()}, ${input.note}) returning id`,
    );
    await tx.execute(
      sql`update conversations set status = 'scheduled', assigned_agent_id = null, updated_at = ${at.toISOString()} where id = ${c.id}`,
    );
    await endAssignment(tx, { conversationId: c.id, reason: "callback", endedBy: agentId, at });
    await emit(tx, [
      { name: "relais/conversation.updated", data: { conversationId: c.id, agentId } },
      { name: "relais/routing.requested", data: { reason: "callback-scheduled" } },
      { name: "relais/callback.due", data: { callbackId: cb.id }, ts: due.getTime() },
    ]);
    return { callbackId: cb.id, dueAt: due.toISOString() };
  });
}

/**
 * The delayed run: gives the conversation back — to its agent (an assignment `why = callback`,
 * accepted, outside the offer timeout) or to the queue with a fresh waiting time. Idempotent: a
 * second run finds `fired_at` set and does nothing.
 */
export async function fireCallback(callbackId: number, db?: Db): Promise<{ fired: boolean; to: "agent" | "queue" | null }> {
  const database = db ?? (await getDb());
  return database.transaction(async (tx) => {
    const [cb] = await rows<{ id: number; conversation_id: number; campaign_id: number; agent_id: number; personal: boolean }>(
      tx,
      sql`select id, conversation_id, campaign_id, agent_id, personal from callbacks
          where id = ${callbackId} and fired_at is null and handled_at is null for update`,
    );
    if (!cb) return { fired: false, to: null };
    const at = now();
    const [conv] = await rows<{ status: string }>(tx, sql`select status from conversations where id = ${cb.conversation_id} for update`);
    await tx.execute(sql`update callbacks set fired_at = ${at.toISOString()} where id = ${cb.id}`);
    // Someone already took it back (a supervisor, a new message): nothing to give back.
    if (conv?.status !== "scheduled") {
      await tx.execute(sql`update callbacks set handled_at = ${at.toISOString()} where id = ${cb.id}`);
      return { fired: false, to: null };
    }
    if (cb.personal) {
      await tx.execute(
        sql`update conversations set status = 'assigned', assigned_agent_id = ${cb.agent_id}, assigned_at = ${at.toISOString()}, updated_at = ${at.toISOString()}
            where id = ${cb.conversation_id}`,
      );
      await tx.execute(
        sql`insert into assignments (conversation_id, agent_id, state, why, offered_at, accepted_at)
            values (${cb.conversation_id}, ${cb.agent_id}, 'accepted', 'callback', ${at.toISOString()}, ${at.toISOString()})`,
      );
      await tx.execute(
        sql`insert into agent_presence (user_id, state, active_count) values (${cb.agent_id}, 'offline', 1)
            on conflict (user_id) do update set active_count = agent_presence.active_count + 1`,
      );
      await emit(tx, { name: "relais/conversation.assigned", data: { conversationId: cb.conversation_id, agentId: cb.agent_id } });
      return { fired: true, to: "agent" as const };
    }
    await tx.execute(
      sql`update conversations set status = 'waiting', waiting_since = ${at.toISOString()}, assigned_agent_id = null, updated_at = ${at.toISOString()}
          where id = ${cb.conversation_id}`,
    );
    await emit(tx, { name: "relais/conversation.queued", data: { conversationId: cb.conversation_id, campaignId: cb.campaign_id } });
    return { fired: true, to: "queue" as const };
  });
}

export type OverdueCallback = {
  id: number;
  conversationId: number;
  campaignName: string;
  agentName: string;
  authorHandle: string;
  personal: boolean;
  dueAt: string;
};

/** Callbacks whose time passed more than the grace period ago and that no agent took up (supervision). */
export async function overdueCallbacks(at: Date = now(), db?: Db): Promise<OverdueCallback[]> {
  const database = db ?? (await getDb());
  const limit = new Date(at.getTime() - OVERDUE_GRACE_MS);
  const found = await rows<{
    id: number;
    conversation_id: number;
    campaign_name: string;
    agent_name: string;
    author_handle: string;
    personal: boolean;
    due_at: string | Date;
  }>(
    database,
    sql`select b.id, b.conversation_id, k.name as campaign_name, u.name as agent_name, c.author_handle, b.personal, b.due_at
        from callbacks b join conversations c on c.id = b.conversation_id join campaigns k on k.id = b.campaign_id
        join users u on u.id = b.agent_id
        where b.handled_at is null and b.due_at < ${limit.toISOString()} and c.status <> 'closed'
        order by b.due_at`,
  );
  return found.map((r) => ({
    id: r.id,
    conversationId: r.conversation_id,
    campaignName: r.campaign_name,
    agentName: r.agent_name,
    authorHandle: r.author_handle,
    personal: r.personal,
    dueAt: new Date(r.due_at).toISOString(),
  }));
}
