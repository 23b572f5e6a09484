// The campaign report, from stored facts only: a conversation counts with the qualification it
// was given (the copied code/label/category/benefit columns), never with today's configuration of
// that status. Two aggregate queries over the range (arrivals by created_at, handled conversations
// by closed_at), each one scan with GROUPING SETS, on the (campaign_id, created_at|closed_at)
// indexes of the reporting migration.
import { and, asc, eq, inArray, isNull, sql, type SQL } from "drizzle-orm";
import { getDb, rows, type Db } from "@/db/client";
import { campaigns, qualificationGroups, qualificationStatuses, users } from "@/db/schema";
import type { QualificationCategory } from "@/db/schema/qualifications";
import { conversionRate } from "./formulas";
import { appointmentFigures, callbackFigures, type AppointmentFigures, type CallbackFigures } from "./pending";
import type { ReportRange } from "./range";
import { bucketsOf } from "./buckets";
import { intArray, type ReportScope } from "./scope";

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
}

// grouping(agent_id, status_id, bucket, category): 1 bits mark the columns a set does not group by.
const SET = { total: 0b1111, agent: 0b0111, status: 0b1010, bucket: 0b1101 } as const;

async function handledFacts(db: Db, campaignId: number, range: ReportRange, scope: ReportScope): Promise<HandledRow[]> {
  const scoped = scope.kind === "agents" ? sql`and c.qualified_by = any(${intArray(scope.agentIds)})` : sql``;
  const where = sql`c.campaign_id = ${campaignId} and c.closed_at >= ${iso(range.from)} and c.closed_at < ${iso(range.to)}
    and c.qualified_by is not null ${scoped}`;
  // Counts per set, from the conversation rows alone; the times (two index probes per
  // conversation, and sorts for the percentiles) only for the sets that show them.
  const [counts, times] = await Promise.all([
    rows<HandledRow>(
      db,
      sql`select grouping(agent_id, status_id, bucket, category)::int as g, agent_id, status_id, code, label, category,
             ${bucketLabel(range)} as bucket,
             count(*)::int as n,
             count(*) filter (where category = 'positive')::int as positive,
             count(*) filter (where category = 'argued')::int as argued,
             count(*) filter (where category = 'not_argued')::int as not_argued,
             coalesce(sum(benefit), 0)::numeric(14,2)::text as benefit
          from (select c.qualified_by as agent_id, c.qualification_status_id as status_id, c.qualification_code as code,
                       c.qualification_label as label, c.qualification_category as category, c.qualification_benefit as benefit,
                       ${bucketOf(sql`c.closed_at`, range)} as bucket
                from conversations c where ${where}) h
          group by grouping sets ((), (agent_id), (status_id, code, label, category), (bucket))`,
    ),
    // One sort per measure for both percentiles (the array form of percentile_cont).
    rows<{ g: number; agent_id: number | null; frt: (number | null)[] | null; ht: (number | null)[] | null }>(
      db,
      sql`select grouping(agent_id)::int as g, agent_id,
             percentile_cont(array[0.5, 0.9]) within group (order by frt) as frt,
             percentile_cont(array[0.5, 0.9]) within group (order by ht) as ht
          from (select c.qualified_by as agent_id,
                       extract(epoch from (select min(m.created_at) from messages m where m.conversation_id = c.id and m.direction = 'out')
                                          - coalesce(c.waiting_since, c.created_at))::float8 as frt,
                       extract(epoch from c.closed_at - coalesce((select min(a.offered_at) from assignments a where a.conversation_id = c.id),
                                                              c.assigned_at))::float8 as ht
                from conversations c where ${where}) t
          group by grouping sets ((), (agent_id))`,
    ),
  ]);
  const timesOf = new Map(times.map((r) => [r.g === 1 ? "total" : `agent:${r.agent_id}`, r]));
  return counts.map((r) => {
    const key = r.g === SET.total ? "total" : r.g === SET.agent ? `agent:${r.agent_id}` : null;
    const t = key ? timesOf.get(key) : undefined;
    return { ...r, frt_p50: t?.frt?.[0] ?? null, frt_p90: t?.frt?.[1] ?? null, ht_p50: t?.ht?.[0] ?? null, ht_p90: t?.ht?.[1] ?? null };
  });
}

/** A conversation that reached one of these agents: offered (an assignment row), assigned or qualified. */
function reachedAgents(ids: SQL): SQL {
  return sql`(c.qualified_by = any(${ids}) or c.assigned_agent_id = any(${ids})
    or exists (select 1 from assignments a where a.conversation_id = c.id and a.agent_id = any(${ids})))`;
}

async function arrivals(db: Db, campaignId: number, range: ReportRange, scope: ReportScope) {
  const scoped = scope.kind === "agents" ? sql`and ${reachedAgents(intArray(scope.agentIds))}` : sql``;
  return rows<{ g: number; bucket: string | null; received: number; filtered: number }>(
    db,
    sql`select grouping(bucket)::int as g, ${bucketLabel(range)} as bucket, count(*)::int as received, count(*) filter (where filtered)::int as filtered
        from (select ${bucketOf(sql`c.created_at`, range)} as bucket, (c.status = 'filtered' or c.filtered_term is not null) as filtered
              from conversations c
              where c.campaign_id = ${campaignId} and c.created_at >= ${iso(range.from)} and c.created_at < ${iso(range.to)} ${scoped}) x
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
export async function campaignReport(scope: ReportScope, campaignId: number, range: ReportRange): Promise<CampaignReport | null> {
  const db = await getDb();
  const [campaign] = await db
    .select({ id: campaigns.id, name: campaigns.name, groupId: campaigns.qualificationGroupId, currency: qualificationGroups.currency })
    .from(campaigns)
    .leftJoin(qualificationGroups, eq(qualificationGroups.id, campaigns.qualificationGroupId))
    .where(eq(campaigns.id, campaignId));
  if (!campaign) return null;
  const empty = scope.kind === "agents" && scope.agentIds.length === 0;
  const [handled, arrived, quotaStatuses, callbacks, appointments] = await Promise.all([
    empty ? [] : handledFacts(db, campaignId, range, scope),
    empty ? [] : arrivals(db, campaignId, range, scope),
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
  const people = agentRows.length
    ? await db
        .select({ id: users.id, login: users.login, name: users.name })
        .from(users)
        .where(
          inArray(
            users.id,
            agentRows.map((r) => r.agent_id!),
          ),
        )
    : [];
  const byId = new Map(people.map((p) => [p.id, p]));
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
        login: byId.get(r.agent_id!)?.login ?? "",
        name: byId.get(r.agent_id!)?.name ?? "",
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
): Promise<CampaignOverviewRow[]> {
  if (list.length === 0 || (scope.kind === "agents" && scope.agentIds.length === 0)) return [];
  const db = await getDb();
  const periods = sql.join(
    list.map((c) => {
      const r = rangeOf(c.id);
      return sql`(${c.id}::int, ${r.from.toISOString()}::timestamptz, ${r.to.toISOString()}::timestamptz)`;
    }),
    sql`, `,
  );
  const ids = scope.kind === "agents" ? intArray(scope.agentIds) : null;
  const handledScope = ids ? sql`and c.qualified_by = any(${ids})` : sql``;
  const arrivalScope = ids ? sql`and ${reachedAgents(ids)}` : sql``;
  const found = await rows<{
    id: number;
    currency: string | null;
    received: number;
    handled: number;
    positive: number;
    argued: number;
    not_argued: number;
    benefit: string;
  }>(
    db,
    sql`with p(campaign_id, f, t) as (values ${periods})
        select p.campaign_id as id, g.currency,
          (select count(*)::int from conversations c where c.campaign_id = p.campaign_id and c.created_at >= p.f and c.created_at < p.t ${arrivalScope}) as received,
          h.handled, h.positive, h.argued, h.not_argued, h.benefit
        from p
        join campaigns k on k.id = p.campaign_id
        left join qualification_groups g on g.id = k.qualification_group_id
        cross join lateral (
          select count(*)::int as handled,
                 count(*) filter (where c.qualification_category = 'positive')::int as positive,
                 count(*) filter (where c.qualification_category = 'argued')::int as argued,
                 count(*) filter (where c.qualification_category = 'not_argued')::int as not_argued,
                 coalesce(sum(c.qualification_benefit), 0)::numeric(14,2)::text as benefit
          from conversations c
          where c.campaign_id = p.campaign_id and c.closed_at >= p.f and c.closed_at < p.t and c.qualified_by is not null ${handledScope}
        ) h`,
  );
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
