import { asc, eq, isNull, sql, type SQL } from "drizzle-orm";
import { getDb, rows } from "@/db/client";
import { campaigns, workSchedules } from "@/db/schema";
import { can, type Principal } from "@/lib/auth/permissions";

/**
 * Whose figures a viewer may read. `all`: every agent and campaign (administrators, and whoever
 * holds «Reporting» with every agent in sight). `agents`: only conversations handled by these
 * agents — a supervisor's groups' agents (the same rule as the wallboard), or the agent himself
 * with «reporting.own». Campaign-wide figures that no agent handled (filtered messages) are not
 * shown to a scoped viewer.
 */
export type ReportScope = { kind: "all" } | { kind: "agents"; agentIds: number[]; own: boolean };

export function canOpenReports(viewer: Principal): boolean {
  return can(viewer, "reporting.view") || can(viewer, "reporting.own");
}

/**
 * The agents of a viewer's scope as a subquery of one column (a supervisor's active groups'
 * agents, and himself with «reporting.own»), or "all". `reportScope` lists them; the report page
 * runs its campaign list and the users outside the scope on the same subquery beside it, rather
 * than after it with 5,000 ids.
 */
function scopeAgents(viewer: Principal): SQL | "all" {
  const full = can(viewer, "reporting.view");
  const own = can(viewer, "reporting.own");
  if (full && (can(viewer, "supervision.allAgents") || viewer.role === "admin")) return "all";
  const parts: SQL[] = [];
  if (full) {
    parts.push(sql`select m.user_id from supervision_group_members m
      where m.role = 'agent' and m.group_id in (
        select s.group_id from supervision_group_members s join supervision_groups g on g.id = s.group_id and g.archived_at is null
        where s.user_id = ${viewer.id} and s.role = 'supervisor')`);
  }
  if (own) parts.push(sql`select ${viewer.id}::int`);
  return parts.length ? sql.join(parts, sql` union `) : sql`select null::int where false`;
}

export async function reportScope(viewer: Principal): Promise<ReportScope> {
  const agents = scopeAgents(viewer);
  if (agents === "all") return { kind: "all" };
  const db = await getDb();
  const list = await rows<{ id: number }>(db, sql`select distinct a.id from (${agents}) a(id) order by 1`);
  return { kind: "agents", agentIds: list.map((r) => Number(r.id)), own: can(viewer, "reporting.own") && !can(viewer, "reporting.view") };
}

/** One bound parameter for a list of ids (thousands of agents stay one parameter). */
export function intArray(ids: readonly number[]) {
  return sql`${`{${ids.map((id) => Math.trunc(id)).join(",")}}`}::int[]`;
}

/** Beyond this many ids, `inIds` hands the planner a subquery instead of the array itself. */
const LONG_LIST = 500;

/**
 * `column` is one of `ids`. The planner estimates `= any(array)` element by element against the
 * column's statistics: with a supervisor's 5,000 agents that was 28 ms of planning for a statement
 * that runs in 13 (bench/pages.ts, the report's campaign list). A long list is therefore given as
 * `in (select unnest(…))`, estimated once and run as one hashed subplan. Same three-valued result:
 * a null column is neither in nor out.
 */
export function inIds(column: SQL, ids: readonly number[]): SQL {
  const list = intArray(ids);
  return ids.length > LONG_LIST ? sql`${column} in (select unnest(${list}))` : sql`${column} = any(${list})`;
}

export interface ReportCampaign {
  id: number;
  name: string;
  /** Its schedule's time zone; null without a schedule (the root settings' default applies). */
  timeZone: string | null;
}

/** The campaigns a viewer may open (all active ones, or those his agents have worked in), with their time zones. */
export async function reportCampaigns(scope: ReportScope): Promise<ReportCampaign[]> {
  if (scope.kind === "all") return campaignsWorkedIn("all");
  if (scope.agentIds.length === 0) return [];
  return campaignsWorkedIn(scope.agentIds);
}

/** `reportCampaigns(await reportScope(viewer))`, in one statement that needs not wait for the scope. */
export async function viewerCampaigns(viewer: Principal): Promise<ReportCampaign[]> {
  return campaignsWorkedIn(scopeAgents(viewer));
}

/**
 * For a viewer whose scope holds more agents than there are users outside it (a supervisor of
 * nearly everyone), those users; else null (see `outsideOf`, which this answers beside
 * `reportScope`, from the same subquery).
 */
export async function viewerOutside(viewer: Principal): Promise<number[] | null> {
  const agents = scopeAgents(viewer);
  if (agents === "all") return null;
  const db = await getDb();
  const [row] = await rows<{ inside: number; outside: number[] | null }>(
    db,
    sql`with s as materialized (select distinct a.id from (${agents}) a(id)),
             o as materialized (select u.id from users u where u.id not in (select s.id from s))
        select (select count(*) from s)::int as inside,
               -- the list only when it can be used (the rule of outsideIfFewer), not 5,000 ids for a small team
               case when (select count(*) from o) < (select count(*) from s) then (select coalesce(array_agg(o.id), '{}') from o) end as outside`,
  );
  return row?.outside ? outsideIfFewer(row.inside, row.outside) : null;
}

/**
 * The rule both `viewerOutside` and `outsideOf` apply: the users outside a scope of `inside`
 * agents, when they are fewer than those agents (one agent's own report never counts as nearly
 * everyone); else null.
 */
export function outsideIfFewer(inside: number, outside: readonly number[]): number[] | null {
  return inside > 1 && outside.length < inside ? outside.map(Number) : null;
}

/** From this many agents on, the campaigns a scope worked in are found from the campaigns' side. */
const LARGE_SCOPE = 500;

async function campaignsWorkedIn(agents: readonly number[] | SQL | "all"): Promise<ReportCampaign[]> {
  const db = await getDb();
  if (agents === "all") {
    return db
      .select({ id: campaigns.id, name: campaigns.name, timeZone: workSchedules.timeZone })
      .from(campaigns)
      .leftJoin(workSchedules, eq(workSchedules.id, campaigns.scheduleId))
      .where(isNull(campaigns.archivedAt))
      .orderBy(asc(campaigns.name));
  }
  // A subquery of agents is read once (materialized, then one hashed lookup), not once per campaign.
  const subquery = !Array.isArray(agents);
  const among = (column: SQL) => (Array.isArray(agents) ? inIds(column, agents) : sql`${column} in (select sa.id from sa)`);
  // Which side is cheaper depends on the scope's size, and the planner cannot tell it from a
  // subquery (it took a 5,000-agent scope for 100 agents and hashed their 176,000 conversations:
  // 219 ms on PGlite). A large scope probes each campaign, where the first conversation usually
  // matches; a small one lists its agents' campaigns by index.
  const byCampaign = workedIn(sql`k.id`, among);
  const byAgents = sql`k.id in (select c.campaign_id from conversations c where ${among(sql`c.qualified_by`)}
    union select c.campaign_id from assignments a join conversations c on c.id = a.conversation_id where ${among(sql`a.agent_id`)})`;
  const worked = Array.isArray(agents)
    ? agents.length >= LARGE_SCOPE
      ? byCampaign
      : byAgents
    : sql`case when (select count(*) from sa) >= ${LARGE_SCOPE} then ${byCampaign} else ${byAgents} end`;
  const found = await rows<ReportCampaign>(
    db,
    sql`${subquery ? sql`with sa(id) as materialized (${agents})` : sql``}
        select k.id, k.name, ws.time_zone as "timeZone" from campaigns k left join work_schedules ws on ws.id = k.schedule_id
        where k.archived_at is null and ${worked} order by k.name`,
  );
  return found.map((c) => ({ id: Number(c.id), name: c.name, timeZone: c.timeZone }));
}

/**
 * One of the agents (`among` tests a column) qualified, or was offered, a conversation of the
 * campaign. `offset 0` keeps each `exists` a probe of that campaign: the planner may otherwise hash
 * every conversation of the agents once, for all campaigns, from its guess of their number.
 */
function workedIn(campaignId: SQL, among: (column: SQL) => SQL): SQL {
  return sql`(exists (select 1 from conversations c where c.campaign_id = ${campaignId} and ${among(sql`c.qualified_by`)} offset 0)
    or exists (select 1 from conversations c join assignments a on a.conversation_id = c.id
               where c.campaign_id = ${campaignId} and ${among(sql`a.agent_id`)} offset 0))`;
}

/** Whether the scope lets the viewer open this campaign's report. */
export async function campaignInScope(scope: ReportScope, campaignId: number): Promise<boolean> {
  if (scope.kind === "all") return true;
  if (scope.agentIds.length === 0) return false;
  const db = await getDb();
  const [row] = await rows<{ ok: boolean }>(
    db,
    sql`select ${workedIn(sql`${campaignId}::int`, (column) => inIds(column, scope.agentIds))} as ok`,
  );
  return Boolean(row?.ok);
}
