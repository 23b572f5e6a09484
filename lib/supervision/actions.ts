// What a supervisor does from the wallboard: force an agent Paused or Offline, take a
// conversation back to the queue, reassign it to a named eligible agent. Each runs in one
// transaction with its audit row; routing's own transitions (lib/routing) do the moves, so
// capacity counters, waiting times and the one-open-assignment index stay as routing keeps them.
import { sql } from "drizzle-orm";
import { getDb, rows, type Tx } from "@/db/client";
import { recordAudit, type AuditActor } from "@/lib/admin/audit";
import { ActionError } from "@/lib/auth/action";
import type { Principal } from "@/lib/auth/permissions";
import { reassignConversation, requeueConversation } from "@/lib/routing/assignments";
import { routingNow, toDate } from "@/lib/routing/clock";
import { forcePresence } from "@/lib/routing/presence";
import { isEligible, type PoolAgent } from "@/lib/routing/rules";
import { agentInScope, campaignVisible, supervisionScope, type SupervisionScope } from "./scope";

export type Supervisor = Principal & AuditActor;

async function agentLabel(tx: Tx, agentId: number): Promise<string> {
  const [u] = await rows<{ login: string; role: string; archived: boolean }>(
    tx,
    sql`select login, role, archived_at is not null as archived from users where id = ${agentId}`,
  );
  if (!u || u.role !== "agent" || u.archived) throw new ActionError("wallboard.errors.agentNotFound");
  return u.login;
}

async function assertAgent(tx: Tx, scope: SupervisionScope, agentId: number): Promise<string> {
  const login = await agentLabel(tx, agentId);
  // Another supervisor's agent reads as unknown: no hint that he exists.
  if (!(await agentInScope(tx, scope, agentId))) throw new ActionError("wallboard.errors.agentNotFound");
  return login;
}

/** Forces an agent Paused or Offline (lib/routing/presence.ts says what happens to his work). */
export async function forceAgentState(actor: Supervisor, agentId: number, state: "paused" | "offline") {
  const scope = supervisionScope(actor);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const login = await assertAgent(tx, scope, agentId);
    const { before, released } = await forcePresence(tx, agentId, state);
    await recordAudit(tx, actor, {
      action: "update",
      objectType: "agent_state",
      objectId: agentId,
      label: login,
      before: { state: before },
      after: { state, released },
    });
    return { agentId, state, released };
  });
}

interface OpenConversation {
  id: number;
  campaign_id: number;
  status: string;
  network: string;
  author_handle: string;
  agent_id: number | null;
  visible: boolean;
}

/** Locks the conversation and checks the viewer may act on it: its agent, or its campaign, in scope. */
async function lockConversation(tx: Tx, scope: SupervisionScope, conversationId: number): Promise<OpenConversation> {
  const [c] = await rows<OpenConversation>(
    tx,
    sql`select c.id, c.campaign_id, c.status, c.network, c.author_handle, a.agent_id,
               (${campaignVisible(scope)} or (a.agent_id is not null and ${agentVisibleSql(scope)})) as visible
        from conversations c join campaigns k on k.id = c.campaign_id
        left join assignments a on a.conversation_id = c.id and a.ended_at is null
        where c.id = ${conversationId}
        for update of c`,
  );
  if (!c || !c.visible) throw new ActionError("wallboard.errors.conversationNotFound");
  return { ...c, id: Number(c.id), campaign_id: Number(c.campaign_id), agent_id: c.agent_id === null ? null : Number(c.agent_id) };
}

function agentVisibleSql(scope: SupervisionScope) {
  return scope.all
    ? sql`true`
    : sql`a.agent_id in (select m.user_id from supervision_group_members m join supervision_groups g on g.id = m.group_id and g.archived_at is null
        where m.role = 'agent' and m.group_id in (select s.group_id from supervision_group_members s where s.user_id = ${scope.viewerId} and s.role = 'supervisor'))`;
}

/** Back to the queue with its original waiting time; routing offers it again. */
export async function takeBackConversation(actor: Supervisor, conversationId: number) {
  const scope = supervisionScope(actor);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const c = await lockConversation(tx, scope, conversationId);
    if (c.status !== "assigned" || c.agent_id === null) throw new ActionError("wallboard.errors.notAssigned");
    if (!(await agentInScope(tx, scope, c.agent_id))) throw new ActionError("wallboard.errors.conversationNotFound");
    const ended = await requeueConversation(tx, { conversationId, reason: "released", endedBy: actor.id });
    await recordAudit(tx, actor, {
      action: "update",
      objectType: "conversation_assignment",
      objectId: conversationId,
      label: `@${c.author_handle}`,
      before: { agentId: c.agent_id, status: "assigned" },
      after: { agentId: null, status: "waiting" },
    });
    return { conversationId, from: ended?.agentId ?? null };
  });
}

interface CandidateRow {
  user_id: number;
  login: string;
  name: string;
  state: string;
  active_count: number;
  max_conversations: number;
  media_channels: string[] | string;
  since: unknown;
  last_assignment_ended_at: unknown;
  skills: { skillId: number; level: number }[] | string | null;
}

const parseArray = (v: string[] | string) =>
  Array.isArray(v)
    ? v
    : v
        .replace(/^\{|\}$/g, "")
        .split(",")
        .filter(Boolean);

/** The agents in scope routing's rules would let take this conversation now (Ready, room, channel, skills). */
async function candidates(tx: Tx, scope: SupervisionScope, c: OpenConversation, only?: number): Promise<CandidateRow[]> {
  const list = await rows<CandidateRow>(
    tx,
    sql`select u.id as user_id, u.login, u.name, coalesce(p.state, 'offline') as state, coalesce(p.active_count, 0) as active_count,
               coalesce(ap.max_conversations, 1) as max_conversations,
               coalesce(ap.media_channels, '{twitter,facebook}'::text[]) as media_channels, p.since, p.last_assignment_ended_at,
               (select json_agg(json_build_object('skillId', s.skill_id, 'level', s.level)) from agent_skills s where s.user_id = u.id) as skills
        from users u left join agent_presence p on p.user_id = u.id left join agent_profiles ap on ap.user_id = u.id
        where u.role = 'agent' and u.archived_at is null and p.state = 'ready'
          ${only ? sql`and u.id = ${only}` : sql``}
          ${c.agent_id !== null ? sql`and u.id <> ${c.agent_id}` : sql``}
          and ${
            scope.all
              ? sql`true`
              : sql`u.id in (select m.user_id from supervision_group_members m join supervision_groups g on g.id = m.group_id and g.archived_at is null
              where m.role = 'agent' and m.group_id in (select s.group_id from supervision_group_members s where s.user_id = ${scope.viewerId} and s.role = 'supervisor'))`
          }
        order by u.login
        limit 500`,
  );
  const minimum = await rows<{ skill_id: number; min_level: number }>(
    tx,
    sql`select skill_id, min_level from campaign_skills where campaign_id = ${c.campaign_id}`,
  );
  const campaign = {
    id: c.campaign_id,
    minimumSkills: minimum.map((m) => ({ skillId: Number(m.skill_id), minLevel: Number(m.min_level) })),
    preferredWaitSeconds: 0,
    assignmentTimeoutSeconds: 0,
  };
  return list.filter((r) => {
    const skills = (typeof r.skills === "string" ? JSON.parse(r.skills) : (r.skills ?? [])) as { skillId: number; level: number }[];
    const agent: PoolAgent = {
      id: Number(r.user_id),
      state: r.state,
      archived: false,
      activeCount: Number(r.active_count),
      maxConversations: Number(r.max_conversations),
      mediaChannels: parseArray(r.media_channels),
      skills: new Map(skills.map((s) => [Number(s.skillId), Number(s.level)])),
      lastAssignmentEndedAt: toDate(r.last_assignment_ended_at),
      since: toDate(r.since) ?? routingNow(),
    };
    return isEligible(agent, { network: c.network }, campaign);
  });
}

/** Who the reassign dialog offers: the viewer's agents eligible for this conversation now. */
export async function eligibleAgents(viewer: Principal, conversationId: number) {
  const scope = supervisionScope(viewer);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const c = await lockConversation(tx, scope, conversationId);
    const list = await candidates(tx, scope, c);
    return list.map((r) => ({
      id: Number(r.user_id),
      login: r.login,
      name: r.name,
      active: Number(r.active_count),
      max: Number(r.max_conversations),
    }));
  });
}

/** Gives the conversation to a named agent, who must be in scope and eligible by routing's rules. */
export async function reassignTo(actor: Supervisor, conversationId: number, agentId: number) {
  const scope = supervisionScope(actor);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const c = await lockConversation(tx, scope, conversationId);
    if (c.status !== "assigned" && c.status !== "waiting") throw new ActionError("wallboard.errors.notAssigned");
    if (c.agent_id === agentId) throw new ActionError("wallboard.errors.sameAgent");
    const login = await assertAgent(tx, scope, agentId);
    // Lock the target's presence row, then check on the fresh row (a routing pass may be filling him).
    await tx.execute(sql`select 1 from agent_presence where user_id = ${agentId} for update`);
    const [eligible] = await candidates(tx, scope, c, agentId);
    if (!eligible) throw new ActionError("wallboard.errors.notEligible", undefined, { agent: login });
    const [campaign] = await rows<{ timeout: number }>(
      tx,
      sql`select assignment_timeout_seconds as timeout from campaigns where id = ${c.campaign_id}`,
    );
    const result = await reassignConversation(tx, {
      conversationId,
      agentId,
      timeoutSeconds: Number(campaign.timeout),
      endedBy: actor.id,
    });
    await recordAudit(tx, actor, {
      action: "update",
      objectType: "conversation_assignment",
      objectId: conversationId,
      label: `@${c.author_handle}`,
      before: { agentId: c.agent_id, status: c.status },
      after: { agentId, status: "assigned" },
    });
    return { conversationId, agentId, from: result.from?.agentId ?? null };
  });
}
