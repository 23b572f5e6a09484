// The campaign report, from stored facts only: a conversation counts with the qualification it
// was given (the copied code/label/category/benefit columns), never with today's configuration of
// that status. Three reads over the range:
// - per agent and in total: counts, benefit and the exact percentiles of first response and
//   handling time, one index-only range scan of conversations_report_idx (every column read is a
//   key of that index; first_response_at and first_offered_at are kept on the conversation by
//   triggers);
// - per status and per chart bucket: the rollup report_status_hours (UTC hours, kept by triggers
//   in the transaction that qualifies) when the viewer sees everything and the period starts and
//   ends on whole UTC hours (any whole-hour time zone, DST included), else the conversations;
// - arrivals: report_arrivals likewise, else the conversations.
// The overview of every campaign reads UTC days for the whole days of each period and UTC hours
// for its edges. `source: "facts"` reads the conversations only (tests compare both).
import { and, asc, eq, isNull, sql, type SQL } from "drizzle-orm";
import { getDb, rows, type Db } from "@/db/client";
import { campaigns, qualificationGroups, qualificationStatuses } from "@/db/schema";
import type { QualificationCategory } from "@/db/schema/qualifications";
import { conversionRate } from "./formulas";
import { appointmentFigures, callbackFigures, type AppointmentFigures, type CallbackFigures } from "./pending";
import type { ReportRange } from "./range";
import { bucketsOf } from "./buckets";
import { inIds, intArray, outsideIfFewer, type ReportScope } from "./scope";

export interface Times {
  /** Seconds; null when no conversation has the figure. */
  p50: number | null;
  p90: number | null;
}

export interface Figures {
  handled: number;
  positive: number;
  argued: number;
  notArgued: number;
  /** Positive ÷ (Positive + Argued); null when that is 0 ÷ 0. */
  conversion: number | null;
  /** Sum of the benefits given, exact decimal string ("1234.50"). */
  benefit: string;
  firstResponse: Times;
  handling: Times;
}

export interface StatusRow {
  statusId: number | null;
  code: string;
  label: string;
  category: QualificationCategory | null;
  count: number;
  benefit: string;
}

export interface AgentRow extends Figures {
  agentId: number;
  login: string;
  name: string;
}

export interface QuotaRow {
  statusId: number;
  code: string;
  label: string;
  quota: number | null;
  count: number;
}

export interface SeriesPoint {
  bucket: string;
  received: number;
  positive: number;
  argued: number;
  notArgued: number;
}

export interface CampaignReport {
  campaign: { id: number; name: string; currency: string };
  scope: ReportScope["kind"];
  received: number;
  /** Null for a scoped viewer: a filtered message was never any agent's. */
  filtered: number | null;
  totals: Figures;
  statuses: StatusRow[];
  agents: AgentRow[];
  quotas: QuotaRow[];
  series: SeriesPoint[];
  callbacks: CallbackFigures;
  appointments: AppointmentFigures;
}

const iso = (d: Date) => sql`${d.toISOString()}::timestamptz`;

// Rows group by the truncated wall-clock time; only the groups are turned into text labels.
function bucketOf(column: SQL, range: ReportRange): SQL {
  return sql`date_trunc(${range.bucket === "hour" ? "hour" : "day"}, ${column} at time zone ${range.timeZone})`;
}

function bucketLabel(range: ReportRange): SQL {
  return sql`to_char(bucket, ${range.bucket === "hour" ? `YYYY-MM-DD"T"HH24:00` : "YYYY-MM-DD"})`;
}

interface HandledRow {
  g: number;
  agent_id: number | null;
  status_id: number | null;
  code: string | null;
  label: string | null;
  category: QualificationCategory | null;
  bucket: string | null;
  n: number;
  positive: number;
  argued: number;
  not_argued: number;
  benefit: string | null;
  frt_p50: number | null;
  frt_p90: number | null;
  ht_p50: number | null;
  ht_p90: number | null;
  /** The agent's login and name (agent rows only). */
  login: string | null;
  name: string | null;
}

export interface ReportOptions {
  /** "auto": the rollups where the scope and range allow; "facts": the conversations only. */
  source?: "auto" | "facts";
  /** `outsideOf(scope)` when the caller already has it (the report page asks once for both reads). */
  outside?: number[] | null;
}

// grouping(agent_id, status_id, bucket, category): 1 bits mark the columns a set does not group by.
const SET = { total: 0b1111, agent: 0b0111, status: 0b1010, bucket: 0b1101 } as const;

const HOUR = 3_600_000;
const DAY = 86_400_000;

/** The rollups hold whole UTC hours: a period that starts and ends on one can be read from them. */
export function rollupCovers(range: { from: Date; to: Date }): boolean {
  return range.from.getTime() % HOUR === 0 && range.to.getTime() % HOUR === 0;
}

function readsRollups(scope: ReportScope, range: ReportRange, options: ReportOptions): boolean {
  return options.source !== "facts" && scope.kind === "all" && rollupCovers(range);
}

const counts = (category: SQL, n: SQL = sql`1`) => sql`coalesce(sum(${n}), 0)::int as n,
  coalesce(sum(${n}) filter (where ${category} = 'positive'), 0)::int as positive,
  coalesce(sum(${n}) filter (where ${category} = 'argued'), 0)::int as argued,
  coalesce(sum(${n}) filter (where ${category} = 'not_argued'), 0)::int as not_argued`;

function handledWhere(campaignId: number, range: ReportRange, scope: ReportScope): SQL {
  const scoped = scope.kind === "agents" ? sql`and ${inIds(sql`c.qualified_by`, scope.agentIds)}` : sql``;
  return sql`c.campaign_id = ${campaignId} and c.closed_at >= ${iso(range.from)} and c.closed_at < ${iso(range.to)}
    and c.qualified_by is not null ${scoped}`;
}

/** Total and per agent (with his login and name): counts, benefit, percentiles — exact, from conversations_report_idx alone. */
async function agentFacts(db: Db, campaignId: number, range: ReportRange, scope: ReportScope): Promise<HandledRow[]> {
  const list = await rows<HandledRow & { frt: (number | null)[] | null; ht: (number | null)[] | null }>(
    db,
    sql`select f.*, u.login, u.name from (select case when grouping(agent_id) = 1 then ${sql.raw(String(SET.total))} else ${sql.raw(String(SET.agent))} end as g, agent_id,
           ${counts(sql`category`)}, coalesce(sum(benefit), 0)::numeric(14,2)::text as benefit,
           percentile_cont(array[0.5, 0.9]) within group (order by frt) as frt,
           percentile_cont(array[0.5, 0.9]) within group (order by ht) as ht
        from (select c.qualified_by as agent_id, c.qualification_category as category, c.qualification_benefit as benefit,
                     extract(epoch from c.first_response_at - coalesce(c.waiting_since, c.created_at))::float8 as frt,
                     extract(epoch from c.closed_at - coalesce(c.first_offered_at, c.assigned_at))::float8 as ht
              from conversations c where ${handledWhere(campaignId, range, scope)}) t
        group by grouping sets ((), (agent_id))) f
        left join users u on u.id = f.agent_id`,
  );
  return list.map(({ frt, ht, ...r }) => ({
    ...r,
    status_id: null,
    code: null,
    label: null,
    category: null,
    bucket: null,
    frt_p50: frt?.[0] ?? null,
    frt_p90: frt?.[1] ?? null,
    ht_p50: ht?.[0] ?? null,
    ht_p90: ht?.[1] ?? null,
  }));
}

/**
 * Per status (as given) and per chart bucket: the hourly rollup, or the conversations. A
 * supervisor of nearly everyone (`others`: the users outside his scope) reads the rollup minus
 * what those users qualified (every qualifier is in his scope or among them).
 */
async function statusFacts(
  db: Db,
  campaignId: number,
  range: ReportRange,
  scope: ReportScope,
  rollup: boolean,
  others: number[] | null,
): Promise<HandledRow[]> {
  const rolledUp = sql`select s.status_id, s.code, s.label, s.category, s.n, s.benefit, ${bucketOf(sql`s.hour`, range)} as bucket
          from report_status_hours s
          where s.campaign_id = ${campaignId} and s.hour >= ${iso(range.from)} and s.hour < ${iso(range.to)}`;
  // Each handled conversation as a row counting `sign` (1, or -1 to take it out of the rollup).
  const facts = (sign: number, where: SQL) => sql`select c.qualification_status_id as status_id, c.qualification_code as code,
          c.qualification_label as label, c.qualification_category as category, ${sql.raw(String(sign))} as n,
          ${sql.raw(String(sign))} * c.qualification_benefit as benefit, ${bucketOf(sql`c.closed_at`, range)} as bucket
        from conversations c where ${where}`;
  const source = rollup
    ? rolledUp
    : others && scope.kind === "agents"
      ? others.length === 0
        ? rolledUp
        : sql`${rolledUp}
          union all
          ${facts(-1, sql`${handledWhere(campaignId, range, { kind: "all" })} and c.qualified_by = any(${intArray(others)})`)}`
      : facts(1, handledWhere(campaignId, range, scope));
  const list = await rows<HandledRow>(
    db,
    sql`select case when grouping(bucket) = 1 then ${sql.raw(String(SET.status))} else ${sql.raw(String(SET.bucket))} end as g, status_id, code, label, category,
           ${bucketLabel(range)} as bucket, ${counts(sql`category`, sql`n`)}, coalesce(sum(benefit), 0)::numeric(14,2)::text as benefit
        from (${source}) h
        group by grouping sets ((status_id, code, label, category), (bucket))
        having sum(n) <> 0`,
  );
  return list.map((r) => ({ ...r, agent_id: null, frt_p50: null, frt_p90: null, ht_p50: null, ht_p90: null, login: null, name: null }));
}

async function handledFacts(
  db: Db,
  campaignId: number,
  range: ReportRange,
  scope: ReportScope,
  rollup: boolean,
  others: number[] | null,
): Promise<HandledRow[]> {
  const [agents, statuses] = await Promise.all([
    agentFacts(db, campaignId, range, scope),
    statusFacts(db, campaignId, range, scope, rollup, others),
  ]);
  // An empty range still has its total row (all zeros), as the facts' grouping sets give it.
  return [...agents.filter((r) => r.g === SET.total || r.n > 0), ...statuses];
}

/** A conversation that reached one of these agents: offered (an assignment row), assigned or qualified. */
function reachedAgents(ids: readonly number[]): SQL {
  // The offers are probed per row, by conversation (`offset 0` keeps the planner from turning the
  // `exists` into one hash of every offer the scope's agents ever had: 177,500 rows for a
  // 5,000-agent supervisor on PGlite, 197 ms, where the rows checked are a campaign's month).
  return sql`(${inIds(sql`c.qualified_by`, ids)} or ${inIds(sql`c.assigned_agent_id`, ids)}
    or exists (select 1 from assignments a where a.conversation_id = c.id and ${inIds(sql`a.agent_id`, ids)} offset 0))`;
}

/** Up to this many agents, a scope's arrivals are found from the agents' side. */
const SMALL_SCOPE = 500;

/**
 * The same condition for conversations that arrived from `since` on. A small scope reads its
 * agents' offers, closings and current conversations by index (an offer or a closing never comes
 * before the arrival, so those since `since` are enough): one agent's month is ~400 rows instead
 * of the campaign's ~80,000 arrivals probed one by one (bench/reporting.ts). A large scope (a
 * supervisor of thousands) probes the arrivals, which is then the cheaper side.
 */
function reachedScope(ids: readonly number[], since: Date): SQL {
  if (ids.length > SMALL_SCOPE) return reachedAgents(ids);
  return sql`c.id in (${reachedSince(ids, since)})`;
}

/** The ids of the conversations these agents were offered, hold or closed from `since` on (by index). */
function reachedSince(ids: readonly number[], since: Date): SQL {
  const list = intArray(ids);
  return sql`select q.id from conversations q where q.qualified_by = any(${list}) and q.closed_at >= ${iso(since)}
    union select s.id from conversations s where s.assigned_agent_id = any(${list})
    union select a.conversation_id from assignments a where a.agent_id = any(${list}) and a.offered_at >= ${iso(since)}`;
}

/**
 * The conversations only users outside a scope reached (from `since` on): found from those few
 * users' side and joined by primary key, never by reading every arrival of the period.
 */
function reachedOnlyBy(others: readonly number[], scopeIds: readonly number[], since: Date): SQL {
  return sql`select c.id, c.campaign_id, c.created_at, c.status, c.filtered_term
    from (${reachedSince(others, since)}) cand(id) join conversations c on c.id = cand.id
    where not coalesce(${reachedAgents(scopeIds)}, false)`; // null-safe: an unassigned row's `= any` is null
}

async function arrivals(
  db: Db,
  campaignId: number,
  range: ReportRange,
  scope: ReportScope,
  rollup: boolean,
  others: number[] | null = null,
) {
  const scoped = scope.kind === "agents" ? sql`and ${reachedScope(scope.agentIds, range.from)}` : sql``;
  const rolledUp = (received: SQL, filtered: SQL) => sql`select ${bucketOf(sql`r.period`, range)} as bucket, ${received} as received,
          ${filtered} as filtered from report_arrivals r
          where r.campaign_id = ${campaignId} and r.grain = 'hour' and r.period >= ${iso(range.from)} and r.period < ${iso(range.to)}`;
  const filteredOf = sql`case when c.status = 'filtered' or c.filtered_term is not null then 1 else 0 end`;
  const inRange = sql`c.campaign_id = ${campaignId} and c.created_at >= ${iso(range.from)} and c.created_at < ${iso(range.to)}`;
  // A supervisor of nearly everyone (see usersOutside): the arrivals that reached an agent (the
  // rollups' count), minus those that reached only users outside his scope, bucket by bucket.
  const complement =
    others && scope.kind === "agents"
      ? sql`${rolledUp(sql`r.reached`, sql`r.reached_filtered`)}
          ${
            others.length === 0
              ? sql``
              : sql`union all
          select ${bucketOf(sql`c.created_at`, range)}, -1, -${filteredOf} from (${reachedOnlyBy(others, scope.agentIds, range.from)}) c
          where ${inRange}`
          }`
      : null;
  const source = complement
    ? complement
    : rollup
      ? rolledUp(sql`r.received`, sql`r.filtered`)
      : sql`select ${bucketOf(sql`c.created_at`, range)} as bucket, 1 as received, ${filteredOf} as filtered
          from conversations c
          where ${inRange} ${scoped}`;
  return rows<{ g: number; bucket: string | null; received: number; filtered: number }>(
    db,
    sql`select grouping(bucket)::int as g, ${bucketLabel(range)} as bucket, coalesce(sum(received), 0)::int as received,
           coalesce(sum(filtered), 0)::int as filtered
        from (${source}) x
        group by grouping sets ((), (bucket))`,
  );
}

const num = (v: unknown): number | null => (v == null ? null : Number(v));

function figuresOf(r: HandledRow | undefined): Figures {
  const positive = r?.positive ?? 0;
  const argued = r?.argued ?? 0;
  return {
    handled: r?.n ?? 0,
    positive,
    argued,
    notArgued: r?.not_argued ?? 0,
    conversion: conversionRate(positive, argued),
    benefit: r?.benefit ?? "0.00",
    firstResponse: { p50: num(r?.frt_p50), p90: num(r?.frt_p90) },
    handling: { p50: num(r?.ht_p50), p90: num(r?.ht_p90) },
  };
}

/** The report of one campaign over `range`, limited to `scope` (check `campaignInScope` first). */
export async function campaignReport(
  scope: ReportScope,
  campaignId: number,
  range: ReportRange,
  options: ReportOptions = {},
): Promise<CampaignReport | null> {
  const db = await getDb();
  const rollup = readsRollups(scope, range, options);
  const others =
    options.source !== "facts" && scope.kind === "agents" && rollupCovers(range)
      ? options.outside !== undefined
        ? options.outside
        : await usersOutside(db, scope.agentIds)
      : null;
  const [campaign] = await db
    .select({ id: campaigns.id, name: campaigns.name, groupId: campaigns.qualificationGroupId, currency: qualificationGroups.currency })
    .from(campaigns)
    .leftJoin(qualificationGroups, eq(qualificationGroups.id, campaigns.qualificationGroupId))
    .where(eq(campaigns.id, campaignId));
  if (!campaign) return null;
  const empty = scope.kind === "agents" && scope.agentIds.length === 0;
  const [handled, arrived, quotaStatuses, callbacks, appointments] = await Promise.all([
    empty ? [] : handledFacts(db, campaignId, range, scope, rollup, others),
    empty ? [] : arrivals(db, campaignId, range, scope, rollup, others),
    campaign.groupId
      ? db
          .select({
            id: qualificationStatuses.id,
            code: qualificationStatuses.code,
            label: qualificationStatuses.label,
            quota: qualificationStatuses.quota,
          })
          .from(qualificationStatuses)
          .where(
            and(
              eq(qualificationStatuses.groupId, campaign.groupId),
              eq(qualificationStatuses.quotaValidation, true),
              isNull(qualificationStatuses.archivedAt),
            ),
          )
          .orderBy(asc(qualificationStatuses.position), asc(qualificationStatuses.id))
      : [],
    callbackFigures(db, campaignId, range, scope),
    appointmentFigures(db, campaignId, range, scope),
  ]);

  const agentRows = handled.filter((r) => r.g === SET.agent);
  const statuses = handled
    .filter((r) => r.g === SET.status)
    .map((r) => ({
      statusId: r.status_id,
      code: r.code ?? "",
      label: r.label ?? "",
      category: r.category,
      count: r.n,
      benefit: r.benefit ?? "0.00",
    }))
    .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code) || a.label.localeCompare(b.label));
  const countByStatus = new Map<number, number>();
  for (const s of statuses) if (s.statusId != null) countByStatus.set(s.statusId, (countByStatus.get(s.statusId) ?? 0) + s.count);

  const handledByBucket = new Map(handled.filter((r) => r.g === SET.bucket).map((r) => [r.bucket!, r]));
  // grouping() is 1 for a column the row does not group by: 1 = the total row.
  const arrivedByBucket = new Map(arrived.filter((r) => r.g === 0).map((r) => [r.bucket!, r]));
  const total = arrived.find((r) => r.g === 1);

  return {
    campaign: { id: campaign.id, name: campaign.name, currency: campaign.currency ?? "EUR" },
    scope: scope.kind,
    received: total?.received ?? 0,
    filtered: scope.kind === "all" ? (total?.filtered ?? 0) : null,
    totals: figuresOf(handled.find((r) => r.g === SET.total)),
    statuses,
    agents: agentRows
      .map((r) => ({
        agentId: r.agent_id!,
        login: r.login ?? "",
        name: r.name ?? "",
        ...figuresOf(r),
      }))
      .sort((a, b) => b.handled - a.handled || a.login.localeCompare(b.login)),
    quotas: quotaStatuses.map((s) => ({
      statusId: s.id,
      code: s.code,
      label: s.label,
      quota: s.quota,
      count: countByStatus.get(s.id) ?? 0,
    })),
    series: bucketsOf(range).map((bucket) => {
      const h = handledByBucket.get(bucket);
      return {
        bucket,
        received: arrivedByBucket.get(bucket)?.received ?? 0,
        positive: h?.positive ?? 0,
        argued: h?.argued ?? 0,
        notArgued: h?.not_argued ?? 0,
      };
    }),
    callbacks,
    appointments,
  };
}

export interface CampaignOverviewRow {
  campaignId: number;
  name: string;
  currency: string;
  timeZone: string;
  received: number;
  handled: number;
  positive: number;
  argued: number;
  notArgued: number;
  conversion: number | null;
  benefit: string;
}

/**
 * Every campaign of the scope side by side over one preset, each campaign's period read in its own
 * time zone ("today" in Paris and in Montreal are different instants): one query, the periods
 * passed as a VALUES list.
 */
export async function campaignsOverview(
  scope: ReportScope,
  list: { id: number; name: string }[],
  rangeOf: (campaignId: number) => ReportRange,
  options: ReportOptions = {},
): Promise<CampaignOverviewRow[]> {
  if (list.length === 0 || (scope.kind === "agents" && scope.agentIds.length === 0)) return [];
  const db = await getDb();
  const covered = options.source !== "facts" && list.every((c) => rollupCovers(rangeOf(c.id)));
  const rollup = covered && scope.kind === "all";
  const others =
    covered && scope.kind === "agents" ? (options.outside !== undefined ? options.outside : await usersOutside(db, scope.agentIds)) : null;
  const found = await (rollup ? overviewFromRollups(db, list, rangeOf) : overviewFromFacts(db, scope, list, rangeOf, others));
  const byId = new Map(found.map((r) => [Number(r.id), r]));
  return list.map((c) => {
    const r = byId.get(c.id);
    const positive = r?.positive ?? 0;
    const argued = r?.argued ?? 0;
    return {
      campaignId: c.id,
      name: c.name,
      currency: r?.currency ?? "EUR",
      timeZone: rangeOf(c.id).timeZone,
      received: r?.received ?? 0,
      handled: r?.handled ?? 0,
      positive,
      argued,
      notArgued: r?.not_argued ?? 0,
      conversion: conversionRate(positive, argued),
      benefit: r?.benefit ?? "0.00",
    };
  });
}

interface OverviewFound {
  id: number;
  currency: string | null;
  received: number;
  handled: number;
  positive: number;
  argued: number;
  not_argued: number;
  benefit: string;
}

/** Each period from the daily and hourly rollups, as `periodValues` splits it. */
async function overviewFromRollups(db: Db, list: { id: number }[], rangeOf: (campaignId: number) => ReportRange) {
  const periods = periodValues(list, rangeOf);
  return rows<OverviewFound>(
    db,
    sql`with p as (${periods})
        select p.campaign_id as id, g.currency, a.received, h.handled, h.positive, h.argued, h.not_argued, h.benefit
        from p
        join campaigns k on k.id = p.campaign_id
        left join qualification_groups g on g.id = k.qualification_group_id
        cross join lateral (select ${rolledUpArrivals(sql`r.received`)} as received) a
        cross join lateral (${sumHandled(rolledUpHandled)}) h`,
  );
}

/** The hours between two instants of the period `p`, and whether they are added (the first comes first) or taken away. */
const edge = (column: SQL, a: SQL, b: SQL) => ({
  where: sql`${column} >= least(${a}, ${b}) and ${column} < greatest(${a}, ${b})`,
  sign: sql`(case when ${a} < ${b} then 1 else -1 end)`,
});
const HEAD = { a: sql`p.f`, b: sql`p.m0` };
const TAIL = { a: sql`p.m1`, b: sql`p.t` };

/** The handled conversations of the period `p` from the rollups: one row per day, and per edge hour and status (signed). */
const rolledUpHandled = sql`select d.handled, d.positive, d.argued, d.not_argued, d.benefit from report_handled_days d
    where d.campaign_id = p.campaign_id and d.day >= p.m0 and d.day < p.m1
    ${sql.join(
      [HEAD, TAIL].map(({ a, b }) => {
        const e = edge(sql`s.hour`, a, b);
        return sql`union all
    select ${e.sign} * s.n, ${e.sign} * (case when s.category = 'positive' then s.n else 0 end),
           ${e.sign} * (case when s.category = 'argued' then s.n else 0 end),
           ${e.sign} * (case when s.category = 'not_argued' then s.n else 0 end), ${e.sign} * s.benefit
    from report_status_hours s where s.campaign_id = p.campaign_id and ${e.where}`;
      }),
      sql` `,
    )}`;

const sumHandled = (source: SQL) => sql`select coalesce(sum(x.handled), 0)::int as handled, coalesce(sum(x.positive), 0)::int as positive,
    coalesce(sum(x.argued), 0)::int as argued, coalesce(sum(x.not_argued), 0)::int as not_argued,
    coalesce(sum(x.benefit), 0)::numeric(14,2)::text as benefit
  from (${source}) x`;

/**
 * The users outside a scope, when they are fewer than the scope's agents (a supervisor of nearly
 * everyone): his arrivals are then cheaper counted as the arrivals that reached an agent (the
 * rollups' `reached`, migration 0024) minus those that reached only these users.
 */
export async function outsideOf(scope: ReportScope): Promise<number[] | null> {
  return scope.kind === "agents" ? usersOutside(await getDb(), scope.agentIds) : null;
}

async function usersOutside(db: Db, agentIds: readonly number[]): Promise<number[] | null> {
  if (agentIds.length <= 1) return null; // one agent's own report: never nearly everyone
  const others = await rows<{ id: number }>(db, sql`select id from users where not ${inIds(sql`id`, agentIds)}`);
  return outsideIfFewer(
    agentIds.length,
    others.map((r) => r.id),
  );
}

/**
 * Each campaign's period [f, t) as the rollups read it, the fewest rows: the UTC days [m0, m1)
 * from the daily rollups, plus or minus the hours between f and m0 and between m1 and t from the
 * hourly ones. An edge of more than 12 hours is read as its whole day minus the hours outside
 * the period (Paris's "today", 23:00 to 23:00 UTC: one hour, one day and one hour taken away,
 * instead of 24 hours). A period inside one UTC day is its hours, or its day minus the rest.
 * Passed as five arrays (five parameters, one plan for any number of campaigns).
 */
export function periodSplit(from: Date, to: Date): { m0: number; m1: number } {
  const f = from.getTime();
  const t = to.getTime();
  const d0 = Math.ceil(f / DAY) * DAY;
  const d1 = Math.floor(t / DAY) * DAY;
  if (d0 > d1) return t - f <= 12 * HOUR ? { m0: t, m1: t } : { m0: d1, m1: d0 }; // inside one UTC day
  return { m0: d0 - f > 12 * HOUR ? d0 - DAY : d0, m1: t - d1 > 12 * HOUR ? d1 + DAY : d1 };
}

function periodValues(list: { id: number }[], rangeOf: (campaignId: number) => ReportRange): SQL {
  const ids: number[] = [];
  const [fs, ts, m0s, m1s]: string[][] = [[], [], [], []];
  for (const c of list) {
    const r = rangeOf(c.id);
    const { m0, m1 } = periodSplit(r.from, r.to);
    ids.push(c.id);
    fs.push(r.from.toISOString());
    ts.push(r.to.toISOString());
    m0s.push(new Date(m0).toISOString());
    m1s.push(new Date(m1).toISOString());
  }
  const stamps = (list: string[]) => sql`${`{${list.join(",")}}`}::timestamptz[]`;
  return sql`select * from unnest(${intArray(ids)}, ${stamps(fs)}, ${stamps(ts)}, ${stamps(m0s)}, ${stamps(m1s)}) as p(campaign_id, f, t, m0, m1)`;
}

/** The arrivals of the period `p` from the rollups: every one (`r.received`), or those that reached an agent (`r.reached`). */
const rolledUpArrivals = (column: SQL) => sql`((select coalesce(sum(${column}), 0)::int from report_arrivals r
    where r.campaign_id = p.campaign_id and r.grain = 'day' and r.period >= p.m0 and r.period < p.m1)
  ${sql.join(
    [HEAD, TAIL].map(({ a, b }) => {
      const e = edge(sql`r.period`, a, b);
      return sql`+ ${e.sign} * (select coalesce(sum(${column}), 0)::int from report_arrivals r
    where r.campaign_id = p.campaign_id and r.grain = 'hour' and ${e.where})`;
    }),
    sql` `,
  )})`;

async function overviewFromFacts(
  db: Db,
  scope: ReportScope,
  list: { id: number }[],
  rangeOf: (campaignId: number) => ReportRange,
  others: number[] | null = null,
): Promise<OverviewFound[]> {
  const periods = periodValues(list, rangeOf);
  const ids = scope.kind === "agents" ? scope.agentIds : null;
  const since = new Date(Math.min(...list.map((c) => rangeOf(c.id).from.getTime())));
  const handledScope = ids ? sql`and ${inIds(sql`c.qualified_by`, ids)}` : sql``;
  const inPeriod = sql`c.campaign_id = p.campaign_id and c.created_at >= p.f and c.created_at < p.t`;
  let received: SQL;
  if (others && ids) {
    // The arrivals that reached an agent (the rollups' count), minus those that reached only the
    // users outside the scope (each reacher is in the scope or outside it): the same count as
    // probing each arrival (tests/reporting-rollup.test.ts), without reading a million rows.
    const onlyOthers = others.length === 0 ? sql`0` : sql`(select count(*)::int from only_others c where ${inPeriod})`;
    received = sql`${rolledUpArrivals(sql`r.reached`)} - ${onlyOthers}`;
  } else {
    const arrivalScope = scope.kind === "agents" ? sql`and ${reachedScope(scope.agentIds, since)}` : sql``;
    received = sql`(select count(*)::int from conversations c where ${inPeriod} ${arrivalScope})`;
  }
  // Handled: a supervisor of nearly everyone takes every handled conversation (rollups) minus those
  // the users outside his scope qualified (each one has a qualifier); anyone else reads his own.
  const handled =
    others && ids
      ? sumHandled(
          others.length === 0
            ? rolledUpHandled
            : sql`${rolledUpHandled}
              union all
              select -1, -(c.qualification_category = 'positive')::int, -(c.qualification_category = 'argued')::int,
                     -(c.qualification_category = 'not_argued')::int, -coalesce(c.qualification_benefit, 0)
              from others_handled c
              where c.campaign_id = p.campaign_id and c.closed_at >= p.f and c.closed_at < p.t`,
        )
      : sql`select count(*)::int as handled,
                 count(*) filter (where c.qualification_category = 'positive')::int as positive,
                 count(*) filter (where c.qualification_category = 'argued')::int as argued,
                 count(*) filter (where c.qualification_category = 'not_argued')::int as not_argued,
                 coalesce(sum(c.qualification_benefit), 0)::numeric(14,2)::text as benefit
          from conversations c
          where c.campaign_id = p.campaign_id and c.closed_at >= p.f and c.closed_at < p.t and c.qualified_by is not null ${handledScope}`;
  const onlyOthersCte =
    others && others.length > 0 && scope.kind === "agents"
      ? sql`, only_others as materialized (${reachedOnlyBy(others, scope.agentIds, since)}),
          others_handled as materialized (
            select c.campaign_id, c.closed_at, c.qualification_category, c.qualification_benefit from conversations c
            where c.qualified_by = any(${intArray(others)}) and c.closed_at >= ${iso(since)})`
      : sql``;
  return rows<OverviewFound>(
    db,
    sql`with p as (${periods}) ${onlyOthersCte}
        select p.campaign_id as id, g.currency,
          ${received} as received,
          h.handled, h.positive, h.argued, h.not_argued, h.benefit
        from p
        join campaigns k on k.id = p.campaign_id
        left join qualification_groups g on g.id = k.qualification_group_id
        cross join lateral (${handled}) h`,
  );
}
