import { sql } from "drizzle-orm";
import { getDb, rows, type Tx } from "@/db/client";
import type { AssignmentWhy, RequestedSkill } from "@/db/schema";
import { emit } from "@/lib/events/emit";
import type { EventPayload } from "@/lib/events/types";
import { routingNow, toDate, ts } from "./clock";
import { chooseAgent, type Choice, type PoolAgent, type QueuedConversation, type RoutingCampaign } from "./rules";

export interface Assignment {
  conversationId: number;
  agentId: number;
  assignmentId: number;
  why: AssignmentWhy;
}

export interface RouteOptions {
  /** At most this many offers in this pass. */
  limit?: number;
  /** Conversations read (and locked) per transaction. */
  batchSize?: number;
  now?: () => Date;
  /** Called after each committed transaction with its duration and the offers it made (benchmarks). */
  onBatch?: (ms: number, assigned: number) => void;
}

interface PassState {
  // Where the pass is in the queue order: conversations before it were matched or left waiting
  // (no eligible agent yet), and are not read again by this pass (keyset, not OFFSET or a list).
  after: { priority: number; waitingSince: string | null; id: number } | null;
  campaigns: Map<number, RoutingCampaign | null>;
  skills: Map<number, Map<number, number>>;
  now: () => Date;
}

const int = (v: unknown) => Number(v);
const intArray = (ids: Iterable<number>) => `{${[...ids].join(",")}}`;

/**
 * A routing pass: offers waiting conversations, highest priority then longest waiting first,
 * each to ONE eligible agent (lib/routing/rules.ts), in transactions of `batchSize`.
 *
 * Each transaction reads its conversations from the queue order index with
 * `FOR UPDATE SKIP LOCKED` (a parallel pass takes the next ones), matches them in memory
 * against a snapshot of the ready agents, then locks the chosen agents' presence rows (SKIP
 * LOCKED: an agent another pass is giving work to is set aside and the batch re-matched) and
 * re-checks their state and `active_count` on the locked, fresh rows. The assignment rows, the
 * conversations and the agents' counters are written in the same transaction, so two passes
 * in parallel can never exceed an agent's capacity, and the unique open-assignment index keeps
 * one agent per conversation. One pass at a time normally runs (the job's concurrency), but
 * nothing relies on it.
 */
export async function routeWaiting(options: RouteOptions = {}): Promise<Assignment[]> {
  const db = await getDb();
  const limit = options.limit ?? 10_000;
  const batchSize = options.batchSize ?? 50;
  const state: PassState = { after: null, campaigns: new Map(), skills: new Map(), now: options.now ?? routingNow };
  const done: Assignment[] = [];
  while (done.length < limit) {
    const started = performance.now();
    const result = await db.transaction((tx) => routeBatch(tx, state, Math.min(batchSize, limit - done.length)));
    options.onBatch?.(performance.now() - started, result.assigned.length);
    done.push(...result.assigned);
    if (result.stop) break;
  }
  return done;
}

/** The name earlier callers (and tests) use. */
export const assignWaitingConversations = (limit?: number) => routeWaiting({ limit });

interface AgentRow {
  user_id: number;
  state: string;
  active_count: number;
  max_conversations: number;
  media_channels: string[] | string;
  last_assignment_ended_at: unknown;
  since: unknown;
}

function parseArray(v: string[] | string): string[] {
  if (Array.isArray(v)) return v;
  return v
    .replace(/^\{|\}$/g, "")
    .split(",")
    .filter(Boolean);
}

async function routeBatch(tx: Tx, state: PassState, size: number): Promise<{ assigned: Assignment[]; stop: boolean }> {
  const now = state.now();
  // Same order as conversations_queue_order_idx (partial, status = 'waiting'): the scan stops after `size` rows.
  const queued = await rows<{
    id: number;
    campaign_id: number;
    network: string;
    requested_skills: RequestedSkill[] | string | null;
    matched_rule_id: number | null;
    waiting_since: unknown;
    priority: number;
    ws_key: string | null;
  }>(
    tx,
    sql`select c.id, c.campaign_id, c.network, c.requested_skills, c.matched_rule_id, c.waiting_since, c.priority,
               c.waiting_since::text as ws_key
        from conversations c
        where c.status = 'waiting' ${afterCursor(state)}
        order by c.priority desc, c.waiting_since, c.id
        limit ${size}
        for update skip locked`,
  );
  if (queued.length === 0) return { assigned: [], stop: true };
  const last = queued[queued.length - 1];
  state.after = { priority: int(last.priority), waitingSince: last.ws_key, id: int(last.id) };

  await loadCampaigns(tx, state, new Set(queued.map((c) => int(c.campaign_id))));
  const conversations: QueuedConversation[] = [];
  for (const c of queued) {
    const campaign = state.campaigns.get(int(c.campaign_id));
    if (!campaign) continue; // its campaign is stopped
    const requested = typeof c.requested_skills === "string" ? (JSON.parse(c.requested_skills) as RequestedSkill[]) : c.requested_skills;
    conversations.push({
      id: int(c.id),
      campaignId: campaign.id,
      network: c.network,
      requestedSkills: requested ?? [],
      matchedRuleId: c.matched_rule_id === null ? null : int(c.matched_rule_id),
      waitingSince: toDate(c.waiting_since),
    });
  }

  // A snapshot of the agents with room, unlocked: the chosen ones are locked and re-read below.
  const agentRows = await rows<AgentRow>(
    tx,
    sql`select p.user_id, p.state, p.active_count, p.last_assignment_ended_at, p.since,
               coalesce(ap.max_conversations, 1) as max_conversations,
               coalesce(ap.media_channels, '{twitter,facebook}'::text[]) as media_channels
        from agent_presence p
        join users u on u.id = p.user_id and u.archived_at is null
        left join agent_profiles ap on ap.user_id = p.user_id
        where p.state = 'ready' and p.active_count < coalesce(ap.max_conversations, 1)`,
  );
  if (agentRows.length === 0) return { assigned: [], stop: true };
  await loadSkills(
    tx,
    state,
    agentRows.map((a) => int(a.user_id)),
  );
  const pool = new Map<number, PoolAgent>(
    agentRows.map((a) => {
      const id = int(a.user_id);
      return [
        id,
        {
          id,
          state: a.state,
          archived: false,
          activeCount: int(a.active_count),
          maxConversations: int(a.max_conversations),
          mediaChannels: parseArray(a.media_channels),
          skills: state.skills.get(id) ?? new Map(),
          lastAssignmentEndedAt: toDate(a.last_assignment_ended_at),
          since: toDate(a.since) ?? now,
        },
      ];
    }),
  );

  const locked = new Set<number>();
  for (let round = 0; round < 5; round++) {
    const matches = match(conversations, pool, state, now);
    const need = [...new Set(matches.map((m) => m.choice.agent.id))].filter((id) => !locked.has(id));
    if (need.length === 0) break;
    // Lock the chosen agents; one another transaction holds is skipped, not waited for.
    const fresh = await rows<{ user_id: number; state: string; active_count: number }>(
      tx,
      sql`select user_id, state, active_count from agent_presence
          where user_id = any(${intArray(need)}::int[])
          order by user_id
          for update skip locked`,
    );
    const got = new Map(fresh.map((f) => [int(f.user_id), f]));
    for (const id of need) {
      const f = got.get(id);
      if (!f) {
        pool.delete(id);
        continue;
      }
      locked.add(id);
      const agent = pool.get(id)!;
      agent.state = f.state;
      agent.activeCount = int(f.active_count);
    }
  }
  // The offers made: matched again among the locked agents only, on their fresh rows (what a
  // round matched before its lock refreshed them may no longer fit).
  const matches = match(conversations, new Map([...pool].filter(([id]) => locked.has(id))), state, now);
  if (matches.length === 0) {
    const room = [...pool.values()].some((a) => a.state === "ready" && a.activeCount < a.maxConversations);
    return { assigned: [], stop: !room };
  }

  const assigned = await writeOffers(tx, matches, state, now);
  return { assigned, stop: false };
}

/** Rows after the pass's position in the queue order (priority desc, waiting_since asc nulls last, id). */
function afterCursor(state: PassState) {
  const a = state.after;
  if (!a) return sql``;
  if (a.waitingSince === null)
    return sql`and (c.priority < ${a.priority} or (c.priority = ${a.priority} and c.waiting_since is null and c.id > ${a.id}))`;
  const ws = sql`${a.waitingSince}::timestamptz`;
  return sql`and (c.priority < ${a.priority} or (c.priority = ${a.priority} and (c.waiting_since > ${ws} or c.waiting_since is null
    or (c.waiting_since = ${ws} and c.id > ${a.id}))))`;
}

/** Matches in queue order, counting each offer against the agent's room. */
function match(conversations: QueuedConversation[], pool: Map<number, PoolAgent>, state: PassState, now: Date) {
  const working = new Map([...pool].map(([id, a]) => [id, { ...a }]));
  const out: { conversation: QueuedConversation; choice: Choice }[] = [];
  for (const conversation of conversations) {
    const campaign = state.campaigns.get(conversation.campaignId)!;
    const choice = chooseAgent(conversation, working.values(), campaign, now);
    if (!choice) continue;
    choice.agent.activeCount++;
    out.push({ conversation, choice });
  }
  return out;
}

async function writeOffers(
  tx: Tx,
  matches: { conversation: QueuedConversation; choice: Choice }[],
  state: PassState,
  now: Date,
): Promise<Assignment[]> {
  const offers = matches.map(({ conversation, choice }) => {
    const campaign = state.campaigns.get(conversation.campaignId)!;
    return {
      conversation_id: conversation.id,
      agent_id: choice.agent.id,
      why: choice.why,
      rule_id: choice.ruleId,
      skill_id: choice.skillId,
      level: choice.level,
      expires_at: ts(new Date(now.getTime() + campaign.assignmentTimeoutSeconds * 1000)),
    };
  });
  // A conversation that somehow still has an open row is left out rather than failing the batch.
  const inserted = await rows<{ id: number; conversation_id: number; agent_id: number; why: AssignmentWhy; expires_at: unknown }>(
    tx,
    sql`insert into assignments (conversation_id, agent_id, state, why, rule_id, skill_id, level, offered_at, expires_at)
        select v.conversation_id, v.agent_id, 'offered', v.why, v.rule_id, v.skill_id, v.level, ${ts(now)}::timestamptz, v.expires_at
        from json_to_recordset(${JSON.stringify(offers)}::json)
          as v(conversation_id int, agent_id int, why text, rule_id int, skill_id int, level int, expires_at timestamptz)
        on conflict (conversation_id) where ended_at is null do nothing
        returning id, conversation_id, agent_id, why, expires_at`,
  );
  if (inserted.length === 0) return [];
  const list = inserted.map((r) => ({ id: int(r.id), conversation_id: int(r.conversation_id), agent_id: int(r.agent_id) }));
  const json = JSON.stringify(list);
  await tx.execute(
    sql`update conversations c set status = 'assigned', assigned_agent_id = v.agent_id, assigned_at = ${ts(now)}::timestamptz,
          updated_at = ${ts(now)}::timestamptz
        from json_to_recordset(${json}::json) as v(id int, conversation_id int, agent_id int)
        where c.id = v.conversation_id`,
  );
  const perAgent = new Map<number, number>();
  for (const r of list) perAgent.set(r.agent_id, (perAgent.get(r.agent_id) ?? 0) + 1);
  await tx.execute(
    sql`update agent_presence p set active_count = p.active_count + v.n
        from json_to_recordset(${JSON.stringify([...perAgent].map(([user_id, n]) => ({ user_id, n })))}::json) as v(user_id int, n int)
        where p.user_id = v.user_id`,
  );
  // The agent's workspace updates live; the offer's expiry wakes the timeout job (one event per second of expiry).
  const expiries = new Set(inserted.map((r) => Math.ceil(toDate(r.expires_at)!.getTime() / 1000)));
  const events: EventPayload[] = [
    ...list.map((r) => ({
      name: "relais/conversation.assigned" as const,
      data: { conversationId: r.conversation_id, agentId: r.agent_id },
    })),
    ...[...expiries].map((at) => ({ name: "relais/offers.expiring" as const, data: { at }, ts: at * 1000 })),
  ];
  await emit(tx, events);
  return inserted.map((r) => ({ conversationId: int(r.conversation_id), agentId: int(r.agent_id), assignmentId: int(r.id), why: r.why }));
}

async function loadCampaigns(tx: Tx, state: PassState, ids: Set<number>) {
  const missing = [...ids].filter((id) => !state.campaigns.has(id));
  if (missing.length === 0) return;
  const list = await rows<{ id: number; state: string; preferred_wait_seconds: number; assignment_timeout_seconds: number }>(
    tx,
    sql`select id, state, preferred_wait_seconds, assignment_timeout_seconds from campaigns where id = any(${intArray(missing)}::int[])`,
  );
  const skills = await rows<{ campaign_id: number; skill_id: number; min_level: number }>(
    tx,
    sql`select campaign_id, skill_id, min_level from campaign_skills where campaign_id = any(${intArray(missing)}::int[])`,
  );
  for (const id of missing) state.campaigns.set(id, null);
  for (const c of list) {
    if (c.state !== "running") continue;
    const id = int(c.id);
    state.campaigns.set(id, {
      id,
      minimumSkills: skills.filter((s) => int(s.campaign_id) === id).map((s) => ({ skillId: int(s.skill_id), minLevel: int(s.min_level) })),
      preferredWaitSeconds: int(c.preferred_wait_seconds),
      assignmentTimeoutSeconds: int(c.assignment_timeout_seconds),
    });
  }
}

async function loadSkills(tx: Tx, state: PassState, agentIds: number[]) {
  const missing = agentIds.filter((id) => !state.skills.has(id));
  if (missing.length === 0) return;
  const list = await rows<{ user_id: number; skill_id: number; level: number }>(
    tx,
    sql`select user_id, skill_id, level from agent_skills where user_id = any(${intArray(missing)}::int[])`,
  );
  for (const id of missing) state.skills.set(id, new Map());
  for (const s of list) state.skills.get(int(s.user_id))!.set(int(s.skill_id), int(s.level));
}
