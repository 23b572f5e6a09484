// The wallboard's figures (/supervision), each read in one statement for every campaign or every
// agent of the page in scope — never one query per row: at 5,000 agents and 1,000 campaigns a
// per-row count is what made the old page take minutes (issue 13, item 8).
import { sql, type SQL } from "drizzle-orm";
import { getDb, rows } from "@/db/client";
import { defaultTimeZone } from "@/lib/campaigns/time-zone";
import { now as clockNow } from "@/lib/clock";
import { OVERDUE_GRACE_MS } from "@/lib/conversations/overdue";
import { dayIn, startOfDay } from "@/lib/reporting/range";
import { agentVisible, campaignVisible, type SupervisionScope } from "./scope";

const iso = (d: Date) => d.toISOString();
const num = (v: unknown): number => Number(v ?? 0);
const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const dateOrNull = (v: unknown): Date | null => (v === null || v === undefined ? null : v instanceof Date ? v : new Date(String(v)));

export interface QueueFigures {
  campaignId: number;
  name: string;
  state: string;
  queueCode: string | null;
  /** In the queue now, and since when the oldest of them waits. */
  waiting: number;
  longestWaitSeconds: number | null;
  /** Stored outside service hours, entering the queue at opening. */
  held: number;
  filteredToday: number;
  /** Open assignments now: offers not yet acted on, and conversations taken. */
  offered: number;
  assigned: number;
  /** Today (campaign's time zone): arrivals that entered the queue, answered within target or not. */
  receivedToday: number;
  withinTarget: number;
  missedTarget: number;
  /** withinTarget ÷ (withinTarget + missedTarget); null when nothing is decided yet today. */
  serviceLevel: number | null;
  avgFirstResponseSeconds: number | null;
  targetSeconds: number;
  alertSeconds: number;
  overdueCallbacks: number;
  failingSources: { kind: string; errorKind: string | null }[];
  /** The longest wait passed the campaign's alert threshold. */
  overThreshold: boolean;
}

/**
 * The day's rows find their campaign's target and midnight by position in arrays spanning the
 * active campaigns' ids while that span is at most this many ids, or this many times the active
 * campaigns; beyond (a deployment that has created tens of thousands of campaigns since its
 * oldest active one), by a hash join. `queueFigures`'s `lookup` option forces one (the tests run
 * both on the same rows).
 */
export const POSITION_SPAN_MIN = 20_000;
export const POSITION_SPAN_RATIO = 20;

/** Per campaign in scope: the queue now and today's service figures. */
export async function queueFigures(
  scope: SupervisionScope,
  at: Date = clockNow(),
  options: { lookup?: "position" | "join" } = {},
): Promise<QueueFigures[]> {
  const db = await getDb();
  const tz = await defaultTimeZone();
  const overdueBefore = new Date(at.getTime() - OVERDUE_GRACE_MS);
  // The earliest of the campaigns' midnights, as a constant: the planner then sees a one-day
  // range on conversations_created_idx (a subquery there reads as a third of the table).
  // With them, the span of the active campaigns' ids (see `cal` below).
  const zones = await rows<{ tz: string; lo: number | null; hi: number | null; n: number }>(
    db,
    sql`select coalesce(ws.time_zone, ${tz}) as tz, min(k.id)::int as lo, max(k.id)::int as hi, count(*)::int as n
        from campaigns k left join work_schedules ws on ws.id = k.schedule_id
        where k.archived_at is null group by 1`,
  );
  const active = zones.reduce((n, z) => n + num(z.n), 0);
  const span = zones.length === 0 ? 0 : Math.max(...zones.map((z) => num(z.hi))) - Math.min(...zones.map((z) => num(z.lo))) + 1;
  const byPosition = options.lookup ? options.lookup === "position" : span <= Math.max(POSITION_SPAN_MIN, POSITION_SPAN_RATIO * active);
  const midnights = zones.map((z) => ({ tz: z.tz, start: startOfDay(dayIn(at, z.tz), z.tz) }));
  const since = new Date(Math.min(at.getTime(), ...midnights.map((m) => m.start.getTime())));
  // Each campaign's midnight as a constant per time zone: converting time zones row by row cost
  // ~10 µs a row (a third of a second over a day of 1,000 campaigns).
  const midnightOf = (zone: SQL) =>
    midnights.length === 0
      ? sql`${iso(since)}::timestamptz`
      : sql`(case ${zone} ${sql.join(
          midnights.map((m) => sql`when ${m.tz} then ${iso(m.start)}::timestamptz`),
          sql` `,
        )} end)`;
  // No parallel workers for this statement (nor JIT: db/client.ts turns it off for every session):
  // every part is an index-only range scan of a few tens of thousands of entries
  // (conversations_created_idx, conversations_live_idx, migration 0022), cheaper than starting them.
  const target = byPosition ? sql`cal.targets[c.campaign_id - cal.lo + 1]` : sql`t.target`;
  const list = await db.transaction(async (tx) => {
    await tx.execute(sql`set local max_parallel_workers_per_gather = 0`);
    return rows<Record<string, unknown>>(
      tx,
      sql`with k as (
          select k.id, k.name, k.state, q.code as queue_code, k.answer_target_seconds as target, k.waiting_alert_seconds as alert
          from campaigns k
          left join queues q on q.id = k.queue_id
          where k.archived_at is null and ${campaignVisible(scope)}
        ),
        live as (
          select c.campaign_id, count(*) filter (where c.status = 'waiting')::int as waiting,
                 min(c.waiting_since) filter (where c.status = 'waiting') as oldest,
                 count(*) filter (where c.status = 'held')::int as held
          from conversations c where c.status in ('waiting', 'held') group by c.campaign_id
        ),
        open as (
          select c.campaign_id, count(*) filter (where a.state = 'offered')::int as offered,
                 count(*) filter (where a.state = 'accepted')::int as accepted
          from assignments a join conversations c on c.id = a.conversation_id
          where a.ended_at is null group by c.campaign_id
        ),
        src as (
          select s.campaign_id, json_agg(json_build_object('kind', s.kind, 'errorKind', s.last_error_kind) order by s.kind) as failing
          from campaign_sources s where s.last_error is not null group by s.campaign_id
        ),
        cb as (
          select b.campaign_id, count(*)::int as n from callbacks b join conversations c on c.id = b.conversation_id
          where b.handled_at is null and b.due_at < ${iso(overdueBefore)}::timestamptz and c.status <> 'closed'
          group by b.campaign_id
        ),
        -- Each active campaign's answer target and midnight (an archived campaign has none).
        t as materialized (
          select kk.id, coalesce(make_interval(secs => kk.answer_target_seconds), interval '0') as target,
                 ${midnightOf(sql`coalesce(ws.time_zone, ${tz})`)} as midnight
          from campaigns kk left join work_schedules ws on ws.id = kk.schedule_id
          where kk.archived_at is null
        ),
        -- The same in two arrays indexed by campaign id (from the lowest active one): a row of the
        -- day looks its own up by position, a little cheaper than hashing the day's ~33,000 rows
        -- to t (the join below: 31 against 35 ms for that part at 1,000,000 conversations). Built
        -- from t merged with the series of ids, not by an index probe per id: 15 ms instead of 35
        -- for a span of 50,000. The join is written twice on purpose: one array_agg over one join
        -- sorts the series twice more (78 against 50 ms for that span). Materialized, or the planner
        -- pulls the arrays' subqueries up into "today" and runs them once per row of the day
        -- (26-32 s in bench/pages.ts).
        cal as materialized (
          select b.lo,
                 array(select coalesce(t.target, interval '0') from generate_series(b.lo, b.hi) g left join t on t.id = g order by g) as targets,
                 array(select coalesce(t.midnight, 'infinity'::timestamptz) from generate_series(b.lo, b.hi) g left join t on t.id = g order by g) as midnights
          from (select min(id) as lo, max(id) as hi from t) b
        ),
        -- Every campaign's "today" in one range scan of conversations_created_idx (index only),
        -- from the earliest midnight among the campaigns' time zones; each row is kept if it came
        -- after its own campaign's midnight (an archived campaign's is 'infinity', or no row of t).
        -- Durations are compared as timestamps: extract(epoch …) is numeric arithmetic, row by row.
        -- The arrays are used while the ids' span stays within a few times the active campaigns
        -- (POSITION_SPAN_*); beyond it, the join, whose cost does not grow with the span.
        today as (
          select c.campaign_id,
                 count(*) filter (where c.status = 'filtered')::int as filtered_today,
                 count(c.waiting_since)::int as received_today,
                 count(*) filter (where c.first_response_at <= c.waiting_since + ${target})::int as within_target,
                 count(*) filter (where c.first_response_at > c.waiting_since + ${target}
                   or (c.first_response_at is null and c.waiting_since < ${iso(at)}::timestamptz - ${target}))::int as missed_target,
                 extract(epoch from avg(c.first_response_at - c.waiting_since))::float8 as avg_frt
          from ${
            byPosition
              ? sql`cal join conversations c on c.created_at >= ${iso(since)}::timestamptz
                      and c.created_at >= cal.midnights[c.campaign_id - cal.lo + 1]`
              : sql`t join conversations c on c.campaign_id = t.id and c.created_at >= ${iso(since)}::timestamptz
                      and c.created_at >= t.midnight`
          }
          group by c.campaign_id
        )
        select k.id, k.name, k.state, k.queue_code, k.target, k.alert,
               coalesce(live.waiting, 0) as waiting, extract(epoch from ${iso(at)}::timestamptz - live.oldest)::float8 as longest,
               coalesce(live.held, 0) as held, coalesce(open.offered, 0) as offered, coalesce(open.accepted, 0) as accepted,
               src.failing, coalesce(cb.n, 0) as overdue, today.filtered_today, today.received_today, today.within_target,
               today.missed_target, today.avg_frt
        from k
        left join live on live.campaign_id = k.id
        left join open on open.campaign_id = k.id
        left join src on src.campaign_id = k.id
        left join cb on cb.campaign_id = k.id
        left join today on today.campaign_id = k.id
        order by k.name`,
    );
  });
  return list.map((r) => {
    const within = num(r.within_target);
    const missed = num(r.missed_target);
    const longest = numOrNull(r.longest);
    const alert = num(r.alert);
    const failing = (typeof r.failing === "string" ? JSON.parse(r.failing) : (r.failing ?? [])) as QueueFigures["failingSources"];
    return {
      campaignId: num(r.id),
      name: String(r.name),
      state: String(r.state),
      queueCode: (r.queue_code as string | null) ?? null,
      waiting: num(r.waiting),
      longestWaitSeconds: longest === null ? null : Math.max(0, longest),
      held: num(r.held),
      filteredToday: num(r.filtered_today),
      offered: num(r.offered),
      assigned: num(r.accepted),
      receivedToday: num(r.received_today),
      withinTarget: within,
      missedTarget: missed,
      serviceLevel: within + missed === 0 ? null : within / (within + missed),
      avgFirstResponseSeconds: numOrNull(r.avg_frt),
      targetSeconds: num(r.target),
      alertSeconds: alert,
      overdueCallbacks: num(r.overdue),
      failingSources: failing,
      overThreshold: longest !== null && longest > alert,
    };
  });
}

export interface AgentFilter {
  search?: string;
  state?: "ready" | "paused" | "offline" | "";
  groupId?: number | null;
  page?: number;
  pageSize?: number;
}

export interface BoardAgent {
  id: number;
  login: string;
  name: string;
  state: "ready" | "paused" | "offline";
  since: Date | null;
  pauseReason: string | null;
  active: number;
  handledToday: number;
}

export interface AgentPage {
  agents: BoardAgent[];
  total: number;
  byState: Record<"ready" | "paused" | "offline", number>;
  page: number;
  pageSize: number;
}

/**
 * A page of the agents in scope with their state, time in state and what they handled today
 * (qualified since midnight in the default time zone), plus how many are in each state.
 */
export async function agentPage(scope: SupervisionScope, filter: AgentFilter = {}, at: Date = clockNow()): Promise<AgentPage> {
  const db = await getDb();
  const tz = await defaultTimeZone();
  const pageSize = Math.min(Math.max(filter.pageSize ?? 50, 1), 200);
  const page = Math.max(filter.page ?? 1, 1);
  const search = filter.search?.trim().toLowerCase() ?? "";
  const pattern = `%${search.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
  const base = sql`u.role = 'agent' and u.archived_at is null and ${agentVisible(scope, sql`u.id`)}
    ${search ? sql`and (lower(u.login) like ${pattern} or lower(u.name) like ${pattern})` : sql``}
    ${filter.groupId ? sql`and u.id in (select gm.user_id from supervision_group_members gm where gm.group_id = ${filter.groupId} and gm.role = 'agent')` : sql``}`;
  const stateFilter = filter.state ? sql`and coalesce(p.state, 'offline') = ${filter.state}` : sql``;
  const dayStart = sql`(date_trunc('day', ${iso(at)}::timestamptz at time zone ${tz}) at time zone ${tz})`;
  const [list, counts] = await Promise.all([
    rows<Record<string, unknown>>(
      db,
      sql`with page as (
            select u.id, u.login, u.name, coalesce(p.state, 'offline') as state, p.since, p.pause_reason, coalesce(p.active_count, 0) as active
            from users u left join agent_presence p on p.user_id = u.id
            where ${base} ${stateFilter}
            order by u.login, u.id
            limit ${pageSize} offset ${(page - 1) * pageSize}
          )
          select page.*, (select count(*)::int from conversations c where c.qualified_by = page.id and c.closed_at >= ${dayStart}) as handled
          from page order by page.login, page.id`,
    ),
    rows<{ state: string; n: number }>(
      db,
      sql`select coalesce(p.state, 'offline') as state, count(*)::int as n
          from users u left join agent_presence p on p.user_id = u.id where ${base} group by 1`,
    ),
  ]);
  const byState = { ready: 0, paused: 0, offline: 0 };
  for (const c of counts) if (c.state in byState) byState[c.state as keyof typeof byState] = num(c.n);
  return {
    agents: list.map((r) => ({
      id: num(r.id),
      login: String(r.login),
      name: String(r.name),
      state: (r.state as BoardAgent["state"]) ?? "offline",
      since: dateOrNull(r.since),
      pauseReason: (r.pause_reason as string | null) ?? null,
      active: num(r.active),
      handledToday: num(r.handled),
    })),
    total: filter.state ? byState[filter.state] : byState.ready + byState.paused + byState.offline,
    byState,
    page,
    pageSize,
  };
}

export interface CurrentConversation {
  agentId: number;
  conversationId: number;
  campaignId: number;
  campaignName: string;
  authorHandle: string;
  network: string;
  state: "offered" | "accepted";
  why: string;
  level: number | null;
  skillName: string | null;
  rule: { element: string; operator: string; value: string } | null;
  /** Since the customer's first message, and since it was offered to this agent. */
  createdAt: Date;
  offeredAt: Date;
}

/** The open assignments of these agents with why routing gave each one to him. */
export async function currentConversations(agentIds: number[]): Promise<Map<number, CurrentConversation[]>> {
  const out = new Map<number, CurrentConversation[]>();
  if (agentIds.length === 0) return out;
  const db = await getDb();
  const list = await rows<Record<string, unknown>>(
    db,
    sql`select a.agent_id, a.conversation_id, c.campaign_id, k.name as campaign_name, c.author_handle, c.network, a.state, a.why,
               a.level, s.name as skill_name, r.element, r.operator, r.value, c.created_at, a.offered_at
        from assignments a
        join conversations c on c.id = a.conversation_id
        join campaigns k on k.id = c.campaign_id
        left join skills s on s.id = a.skill_id
        left join distribution_rules r on r.id = a.rule_id
        where a.ended_at is null and a.agent_id = any(${`{${agentIds.map(Math.trunc).join(",")}}`}::int[])
        order by a.offered_at, a.id`,
  );
  for (const r of list) {
    const agentId = num(r.agent_id);
    const item: CurrentConversation = {
      agentId,
      conversationId: num(r.conversation_id),
      campaignId: num(r.campaign_id),
      campaignName: String(r.campaign_name),
      authorHandle: String(r.author_handle),
      network: String(r.network),
      state: r.state as "offered" | "accepted",
      why: String(r.why),
      level: numOrNull(r.level),
      skillName: (r.skill_name as string | null) ?? null,
      rule:
        r.element && r.operator && r.value !== null
          ? { element: String(r.element), operator: String(r.operator), value: String(r.value) }
          : null,
      createdAt: dateOrNull(r.created_at)!,
      offeredAt: dateOrNull(r.offered_at)!,
    };
    out.set(agentId, [...(out.get(agentId) ?? []), item]);
  }
  return out;
}

/** The supervision groups the viewer may filter by: his own, or every active one. */
export async function boardGroups(scope: SupervisionScope): Promise<{ id: number; name: string }[]> {
  const db = await getDb();
  const list = await rows<{ id: number; name: string }>(
    db,
    sql`select g.id, g.name from supervision_groups g where g.archived_at is null
        ${scope.all ? sql`` : sql`and g.id in (select s.group_id from supervision_group_members s where s.user_id = ${scope.viewerId} and s.role = 'supervisor')`}
        order by g.name`,
  );
  return list.map((g) => ({ id: num(g.id), name: String(g.name) }));
}

export interface OverdueCallbackRow {
  id: number;
  conversationId: number;
  campaignName: string;
  agentName: string;
  authorHandle: string;
  dueAt: Date;
}

/** Callbacks not taken up OVERDUE_GRACE_MS after their time, of the viewer's agents or campaigns. */
export async function overdueCallbacksInScope(scope: SupervisionScope, at: Date = clockNow()): Promise<OverdueCallbackRow[]> {
  const db = await getDb();
  const limit = new Date(at.getTime() - OVERDUE_GRACE_MS);
  const list = await rows<Record<string, unknown>>(
    db,
    sql`select b.id, b.conversation_id, k.name as campaign_name, u.name as agent_name, c.author_handle, b.due_at
        from callbacks b join conversations c on c.id = b.conversation_id join campaigns k on k.id = b.campaign_id
        join users u on u.id = b.agent_id
        where b.handled_at is null and b.due_at < ${iso(limit)}::timestamptz and c.status <> 'closed'
          and (${agentVisible(scope, sql`b.agent_id`)} or ${campaignVisible(scope)})
        order by b.due_at limit 100`,
  );
  return list.map((r) => ({
    id: num(r.id),
    conversationId: num(r.conversation_id),
    campaignName: String(r.campaign_name),
    agentName: String(r.agent_name),
    authorHandle: String(r.author_handle),
    dueAt: dateOrNull(r.due_at)!,
  }));
}
