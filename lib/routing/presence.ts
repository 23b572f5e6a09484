// Agent presence as routing sees it: the states an agent picks, the pause Relais imposes when an
// offer times out, Offline on logout or once his live connection has been gone for the grace
// period — and in every case what happens to the conversations he held.
import { sql } from "drizzle-orm";
import { getDb, rows, type Tx } from "@/db/client";
import type { AgentState } from "@/db/schema";
import { emit } from "@/lib/events/emit";
import { requeueConversation } from "./assignments";
import { routingNow, toDate, ts } from "./clock";

/** Why Relais (not the agent) paused him: an offer he did not act on. */
export const NO_ANSWER = "no_answer";

/** RELAIS_PRESENCE_GRACE_SECONDS (default 60): how long a lost live connection keeps an agent present. */
export function presenceGraceSeconds(): number {
  const n = Number(process.env.RELAIS_PRESENCE_GRACE_SECONDS);
  return Number.isFinite(n) && n > 0 ? n : 60;
}

/** Every open offer or assignment of the agent goes back to the queue (keeping its waiting time). */
async function releaseAll(tx: Tx, agentId: number, at: Date): Promise<number> {
  // SKIP LOCKED: one being qualified or timed out right now is ending anyway, and waiting for it
  // could deadlock with the timeout job (which locks the assignment before the presence row).
  const open = await rows<{ conversation_id: number }>(
    tx,
    sql`select a.conversation_id from assignments a
        join conversations c on c.id = a.conversation_id
        where a.agent_id = ${agentId} and a.ended_at is null
        for update of a, c skip locked`,
  );
  for (const o of open) await requeueConversation(tx, { conversationId: Number(o.conversation_id), reason: "agent_left", at });
  return open.length;
}

async function writeState(tx: Tx, agentId: number, state: AgentState, pauseReason: string | null, at: Date) {
  await tx.execute(
    sql`insert into agent_presence (user_id, state, since, pause_reason, last_seen_at)
        values (${agentId}, ${state}, ${ts(at)}::timestamptz, ${pauseReason}, ${state === "offline" ? null : ts(new Date())}::timestamptz)
        on conflict (user_id) do update set
          since = case when agent_presence.state = excluded.state then agent_presence.since else excluded.since end,
          state = excluded.state, pause_reason = excluded.pause_reason,
          last_seen_at = coalesce(excluded.last_seen_at, agent_presence.last_seen_at)`,
  );
  await emit(tx, { name: "relais/agent.presence", data: { agentId, state } });
}

/**
 * The agent's own choice of state (workspace controls; logout = offline). Going Offline sends
 * his offers and conversations back to the queue ('agent_left'). Any state he picks clears a
 * pause Relais imposed.
 */
export async function setAgentPresence(agentId: number, state: AgentState, at: Date = routingNow()): Promise<{ released: number }> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    await tx.execute(sql`select 1 from agent_presence where user_id = ${agentId} for update`);
    await writeState(tx, agentId, state, null, at);
    return { released: state === "offline" ? await releaseAll(tx, agentId, at) : 0 };
  });
}

/** Why Relais paused or disconnected him: a supervisor forced it from the wallboard. */
export const BY_SUPERVISOR = "supervisor";

/**
 * A supervisor forces the agent Paused or Offline (in the caller's transaction, which audits it).
 * Offline sends every offer and conversation back to the queue, as a logout does. Paused keeps
 * the conversations he has taken but gives back the offers he has not acted on yet: a paused
 * agent receives nothing, so an offer left with him would only wait for its timeout.
 */
export async function forcePresence(
  tx: Tx,
  agentId: number,
  state: "paused" | "offline",
  at: Date = routingNow(),
): Promise<{ before: AgentState; released: number }> {
  const [row] = await rows<{ state: AgentState }>(tx, sql`select state from agent_presence where user_id = ${agentId} for update`);
  await writeState(tx, agentId, state, state === "paused" ? BY_SUPERVISOR : null, at);
  if (state === "offline") return { before: row?.state ?? "offline", released: await releaseAll(tx, agentId, at) };
  const offers = await rows<{ conversation_id: number }>(
    tx,
    sql`select a.conversation_id from assignments a join conversations c on c.id = a.conversation_id
        where a.agent_id = ${agentId} and a.ended_at is null and a.state = 'offered'
        for update of a, c skip locked`,
  );
  for (const o of offers) await requeueConversation(tx, { conversationId: Number(o.conversation_id), reason: "released", at });
  return { before: row?.state ?? "offline", released: offers.length };
}

/** Logout: an agent who was present goes Offline (his conversations go back to the queue). */
export async function agentSignedOut(userId: number): Promise<void> {
  const { state } = await presenceOf(userId);
  if (state !== "offline") await setAgentPresence(userId, "offline");
}

/** A sign of life from the agent's live connection (app/api/stream): keeps him present. */
// A live connection is a physical fact: its heartbeat and the grace period read the wall clock,
// not the shiftable run-time clock (a test moving the clock through a night must not make every
// connected agent look gone).
export async function heartbeat(agentId: number, at: Date = new Date()): Promise<void> {
  const db = await getDb();
  await db.execute(sql`update agent_presence set last_seen_at = ${ts(at)}::timestamptz where user_id = ${agentId}`);
}

/**
 * Offers not acted on before their expiry go back to the queue ('timed_out', original waiting
 * time kept), and each agent concerned, if still Ready, is Paused with the reason 'no_answer'.
 */
export async function expireOffers(at: Date = routingNow()): Promise<{ conversationId: number; agentId: number }[]> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const due = await rows<{ conversation_id: number; agent_id: number }>(
      tx,
      sql`select a.conversation_id, a.agent_id from assignments a
          join conversations c on c.id = a.conversation_id
          where a.state = 'offered' and a.ended_at is null and a.expires_at <= ${ts(at)}::timestamptz
          order by a.expires_at
          limit 500
          for update of a, c skip locked`,
    );
    const out = due.map((d) => ({ conversationId: Number(d.conversation_id), agentId: Number(d.agent_id) }));
    for (const d of out) await requeueConversation(tx, { conversationId: d.conversationId, reason: "timed_out", at });
    const agents = [...new Set(out.map((d) => d.agentId))];
    if (agents.length > 0) {
      const paused = await rows<{ user_id: number }>(
        tx,
        sql`update agent_presence set state = 'paused', pause_reason = ${NO_ANSWER}, since = ${ts(at)}::timestamptz
            where user_id = any(${`{${agents.join(",")}}`}::int[]) and state = 'ready'
            returning user_id`,
      );
      if (paused.length > 0)
        await emit(
          tx,
          paused.map((p) => ({ name: "relais/agent.presence" as const, data: { agentId: Number(p.user_id), state: "paused" } })),
        );
    }
    return out;
  });
}

/**
 * Agents shown present whose live connection has been gone longer than the grace period are set
 * Offline and their conversations go back to the queue. The last sign of life is the stream's
 * heartbeat, or the last state change when none came yet.
 */
export async function dropLostAgents(at: Date = new Date(), graceSeconds = presenceGraceSeconds()): Promise<number[]> {
  const db = await getDb();
  const cutoff = new Date(at.getTime() - graceSeconds * 1000);
  return db.transaction(async (tx) => {
    const lost = await rows<{ user_id: number }>(
      tx,
      sql`select user_id from agent_presence
          where state <> 'offline' and coalesce(last_seen_at, since) < ${ts(cutoff)}::timestamptz
          order by user_id
          for update skip locked`,
    );
    for (const l of lost) {
      const id = Number(l.user_id);
      await writeState(tx, id, "offline", null, at);
      await releaseAll(tx, id, at);
    }
    return lost.map((l) => Number(l.user_id));
  });
}

/** What the workspace shows about the agent's own state (and why Relais paused him). */
export async function presenceOf(agentId: number): Promise<{ state: AgentState; pauseReason: string | null; since: Date | null }> {
  const db = await getDb();
  const [row] = await rows<{ state: AgentState; pause_reason: string | null; since: unknown }>(
    db,
    sql`select state, pause_reason, since from agent_presence where user_id = ${agentId}`,
  );
  return row
    ? { state: row.state, pauseReason: row.pause_reason, since: toDate(row.since) }
    : { state: "offline", pauseReason: null, since: null };
}
