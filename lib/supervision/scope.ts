// What a supervisor may watch and act on, as SQL: the agents of the (active) supervision groups
// he supervises, and the campaigns those agents can be offered (routing's eligibility: the
// campaign's network among the agent's channels, its minimum skills held). Administrators and
// «supervision.allAgents» see everything. The wallboard, its actions and the live stream all
// read these, so what one shows the others allow.
import { sql, type SQL } from "drizzle-orm";
import { getDb, rows, type Db, type Tx } from "@/db/client";
import { can, type Principal } from "@/lib/auth/permissions";

export type SupervisionScope = { all: true; viewerId: number } | { all: false; viewerId: number };

export function supervisionScope(viewer: Principal): SupervisionScope {
  return { all: can(viewer, "supervision.allAgents"), viewerId: viewer.id } as SupervisionScope;
}

/** The ids of the agents in scope, as a subquery (one column, `user_id`). */
export function scopedAgentIds(viewerId: number): SQL {
  return sql`(select m.user_id from supervision_group_members m
      join supervision_groups g on g.id = m.group_id and g.archived_at is null
      where m.role = 'agent'
        and m.group_id in (select s.group_id from supervision_group_members s where s.user_id = ${viewerId} and s.role = 'supervisor'))`;
}

/** `agentId` (an SQL expression) is one of the viewer's agents. */
export function agentVisible(scope: SupervisionScope, agentId: SQL): SQL {
  return scope.all ? sql`true` : sql`${agentId} in ${scopedAgentIds(scope.viewerId)}`;
}

/**
 * The campaign `k` (an alias of campaigns) can be offered to at least one of the viewer's
 * agents: one takes its network and holds all its minimum skills (none = every agent). The
 * agents in scope are read once (a materialized CTE), not once per campaign.
 */
export function campaignVisible(scope: SupervisionScope, k: SQL = sql`k`): SQL {
  if (scope.all) return sql`true`;
  return sql`${k}.id in (
    with sa as materialized (
      select distinct m.user_id as id, coalesce(ap.media_channels, '{twitter,facebook}'::text[]) as ch
      from supervision_group_members s
      join supervision_groups g on g.id = s.group_id and g.archived_at is null
      join supervision_group_members m on m.group_id = s.group_id and m.role = 'agent'
      join users u on u.id = m.user_id and u.archived_at is null
      left join agent_profiles ap on ap.user_id = m.user_id
      where s.user_id = ${scope.viewerId} and s.role = 'supervisor'
    ),
    networks as materialized (select distinct unnest(ch) as network from sa)
    select v.id from campaigns v
    where v.type in (select network from networks)
      and not exists (select 1 from campaign_skills cs where cs.campaign_id = v.id)
    union
    select cs.campaign_id from campaign_skills cs
    join agent_skills s on s.skill_id = cs.skill_id and s.level >= cs.min_level
    join sa on sa.id = s.user_id
    join campaigns v on v.id = cs.campaign_id and v.type = any(sa.ch)
    group by cs.campaign_id, s.user_id
    having count(*) = (select count(*) from campaign_skills x where x.campaign_id = cs.campaign_id))`;
}

/** The campaigns in scope, as ids (the live stream filters queue news with them). */
export async function visibleCampaignIds(scope: SupervisionScope, db?: Db | Tx): Promise<Set<number>> {
  const database = db ?? (await getDb());
  const list = await rows<{ id: number }>(
    database,
    sql`select k.id from campaigns k where k.archived_at is null and ${campaignVisible(scope)}`,
  );
  return new Set(list.map((r) => Number(r.id)));
}

/** Whether the viewer may act on this agent. */
export async function agentInScope(tx: Db | Tx, scope: SupervisionScope, agentId: number): Promise<boolean> {
  if (scope.all) return true;
  const [row] = await rows<{ ok: boolean }>(tx, sql`select ${agentVisible(scope, sql`${agentId}::int`)} as ok`);
  return Boolean(row?.ok);
}
