/**
 * Server time of the supervision and administration pages at contact-centre scale (issue 13,
 * items 8–9): 5,000 agents in 50 supervision groups, 1,000 campaigns, and N conversations over
 * the last 30 days (1,000,000 on PostgreSQL with BENCH_DATABASE_URL; BENCH_PAGES_PGLITE_N,
 * default 200,000, on in-memory PGlite), one answer and one assignment per handled conversation,
 * 1.5 % waiting, 0.5 % held, 10 % filtered, up to 4,000 open assignments, 200 overdue callbacks,
 * every 50th campaign with a failing source. Seeded with generate_series.
 *
 * Each figure is the median of 7 runs of the queries the page itself runs (the same functions,
 * in the same Promise.all): /supervision as an administrator, as the supervisor of all 5,000
 * agents and as the supervisor of one group of 100; /admin/campaigns sorted by waiting
 * conversations (and by name); the other administration lists; the report page (today and this
 * month). Baselines: `select 1` on the same connection, and a grouped count of the last
 * day's conversations (the board's own range) to read the figures against on a loaded machine:
 * from the index alone (baseline_day_count) and from the table's rows (baseline_day_rows).
 * The wallboard queues also by the join (board_queues_join) and with one active campaign 60,000
 * ids above the rest (board_queues_wide_span: the join chosen; …_position: the arrays forced).
 * Run: npx tsx bench/pages.ts (BENCH_PAGES_PGLITE_N=0 skips PGlite; BENCH_PAGES_N sets PostgreSQL's N;
 * BENCH_KEEP_DB=1 keeps the PostgreSQL database, BENCH_PAGES_DB=<its name> measures it again unseeded)
 */
import crypto from "node:crypto";
import { sql } from "drizzle-orm";
import { migrateDatabase, openPglite, openPostgres, rows, setDatabase, type DatabaseHandle } from "@/db/client";
import type { Principal } from "@/lib/auth/permissions";
import { listCampaignPage } from "@/lib/campaigns/queries";
import { listAgents } from "@/lib/hr/agent-queries";
import { listSupervisionGroups, listSupervisors } from "@/lib/hr/supervision-queries";
import { listQueues } from "@/lib/queues/queries";
import { listFilteredConversations } from "@/lib/ingestion/filtered";
import { loadReport } from "@/lib/reporting/load";
import { boardScope } from "@/lib/supervision/queries";
import { agentPage, boardGroups, currentConversations, overdueCallbacksInScope, queueFigures } from "@/lib/supervision/board";
import { supervisionScope } from "@/lib/supervision/scope";
import type { ListParams } from "@/lib/admin/list";
import { resetClock, setClockAt } from "@/lib/clock";
import { dayIn, startOfDay } from "@/lib/reporting/range";

const RUNS = 7;
const AGENTS = 5000;
const CAMPAIGNS = 1000;
const GROUPS = 50;
const PARIS = "Europe/Paris";

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

async function median(fn: () => Promise<unknown>): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = process.hrtime.bigint();
    await fn();
    times.push(ms(t0));
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

async function seed(handle: DatabaseHandle, n: number, at: Date) {
  const x = (q: string) => handle.db.execute(sql.raw(q.replaceAll("now()", `'${at.toISOString()}'::timestamptz`)));
  await x(`insert into users (login, name, password_hash, role)
           select 'a' || lpad(g::text, 5, '0'), 'Agent ' || g, 'x', 'agent' from generate_series(1, ${AGENTS}) g`);
  await x(`create temporary table bench_agents as select id, row_number() over (order by id) as k from users where role = 'agent'`);
  await x(`insert into agent_profiles (user_id, max_conversations, media_channels) select id, 2, '{twitter,facebook}' from bench_agents`);
  await x(`insert into agent_presence (user_id, state, since, last_seen_at)
           select id, case k % 3 when 0 then 'ready' when 1 then 'paused' else 'offline' end, now() - make_interval(secs => k % 3600), now()
           from bench_agents`);
  await x(`insert into supervision_groups (name) select 'Groupe ' || g from generate_series(1, ${GROUPS}) g`);
  await x(`insert into supervision_group_members (group_id, user_id, role)
           select (select min(id) from supervision_groups) + (k - 1) % ${GROUPS}, id, 'agent' from bench_agents`);
  await x(
    `insert into users (login, name, password_hash, role) values ('sup-big', 'Sup big', 'x', 'supervisor'), ('sup-small', 'Sup small', 'x', 'supervisor')`,
  );
  await x(`insert into supervision_group_members (group_id, user_id, role)
           select g.id, (select id from users where login = 'sup-big'), 'supervisor' from supervision_groups g`);
  await x(`insert into supervision_group_members (group_id, user_id, role)
           select min(g.id), (select id from users where login = 'sup-small'), 'supervisor' from supervision_groups g`);
  await x(`insert into queues (code) select 'Q' || g from generate_series(1, 100) g`);
  await x(`insert into work_schedules (name, time_zone, days) values ('Paris', '${PARIS}', '[]')`);
  await x(`insert into campaigns (type, name, state, queue_id, schedule_id)
           select case when g % 4 = 0 then 'facebook' else 'twitter' end, 'Campaign ' || lpad(g::text, 4, '0'),
             case when g % 10 = 0 then 'stopped' else 'running' end, (select min(id) from queues) + g % 100, (select min(id) from work_schedules)
           from generate_series(1, ${CAMPAIGNS}) g`);
  await x(`create temporary table bench_campaigns as select id, row_number() over (order by id) as k from campaigns`);
  await x(`insert into campaign_sources (campaign_id, kind, last_error, last_error_kind)
           select id, 'x_search', case when k % 50 = 0 then '429' end, case when k % 50 = 0 then 'rate_limited' end from bench_campaigns`);
  await x(`insert into campaign_sources (campaign_id, kind) select id, 'x_mentions' from bench_campaigns`);
  // The last 30 days, newest last; g % 200: 0–2 waiting, 3 held, 4–23 filtered, the rest handled.
  await x(`insert into conversations (campaign_id, network, thread_id, author_id, author_handle, author_name, status, filtered_term,
             waiting_since, created_at, closed_at, qualified_by, qualification_code, qualification_label, qualification_category, first_response_at,
             first_offered_at)
           select c.id, 'twitter', 't' || g, 'u' || (g % 100000), 'u' || (g % 100000), 'U', s.status,
             case when s.status = 'filtered' then 'spam' end,
             case when s.status in ('waiting', 'closed') then t end, t,
             case when s.status = 'closed' then t + make_interval(secs => 300 + (g * 7919) % 1500) end,
             case when s.status = 'closed' then a.id end,
             case when s.status = 'closed' then 'VENTE' end, case when s.status = 'closed' then 'Vente' end,
             case when s.status = 'closed' then (array['positive','argued','not_argued'])[1 + g % 3] end,
             case when s.status = 'closed' then t + make_interval(secs => 30 + g % 1200) end,
             case when s.status = 'closed' then t + interval '10 seconds' end
           from (select g, now() - make_interval(secs => (1 - g::float8 / ${n}) * 30 * 86400) as t,
                        1 + (g / 200 + g * 7) % ${CAMPAIGNS} as ck, 1 + (g / 200 + g * 13) % ${AGENTS} as ak
                 from generate_series(1::bigint, ${n}) g) x
           join bench_campaigns c on c.k = x.ck
           join bench_agents a on a.k = x.ak
           cross join lateral (select case when g % 200 between 0 and 2 then 'waiting' when g % 200 = 3 then 'held'
                                           when g % 200 between 4 and 23 then 'filtered' else 'closed' end as status) s`);
  // The answers, at the first_response_at the rows were given (the trigger is off for the bulk load:
  // a mass update afterwards would scatter the rows and no real table looks like that).
  await x(`alter table messages disable trigger messages_first_response`);
  await x(`insert into messages (conversation_id, campaign_id, direction, text, author_id, author_handle, author_name, sent_by, created_at)
           select id, campaign_id, 'out', 'hi', 'us', 'us', 'Us', qualified_by, first_response_at
           from conversations where status = 'closed'`);
  await x(`alter table messages enable trigger messages_first_response`);
  // Likewise the offers (first_offered_at was given above).
  await x(`alter table assignments disable trigger assignments_first_offer`);
  await x(`insert into assignments (conversation_id, agent_id, state, why, offered_at, accepted_at, ended_at, end_reason)
           select id, qualified_by, 'ended', 'any', created_at + interval '10 seconds', created_at + interval '20 seconds', closed_at, 'qualified'
           from conversations where status = 'closed'`);
  await x(`alter table assignments enable trigger assignments_first_offer`);
  // 4,000 conversations with an agent now (the newest waiting ones), one or two per Ready or Paused agent.
  await x(`create temporary table bench_open as
           select c.id, a.id as agent_id, row_number() over (order by c.id) as r
           from (select id, row_number() over (order by id desc) as r from conversations where status = 'waiting' order by id desc
                 limit least(4000, (select count(*) / 2 from conversations where status = 'waiting'))) c
           join (select id, row_number() over (order by id) as r from bench_agents where k % 3 <> 2) a
             on a.r = 1 + (c.r - 1) % (select count(*) from bench_agents where k % 3 <> 2)`);
  await x(
    `update conversations c set status = 'assigned', assigned_agent_id = o.agent_id, assigned_at = now() from bench_open o where c.id = o.id`,
  );
  await x(`insert into assignments (conversation_id, agent_id, state, why, offered_at, accepted_at)
           select id, agent_id, case when r % 2 = 0 then 'accepted' else 'offered' end, 'any', now() - interval '2 minutes',
             case when r % 2 = 0 then now() - interval '1 minute' end from bench_open`);
  await x(`update agent_presence p set active_count = o.n from (select agent_id, count(*)::int as n from bench_open group by agent_id) o
           where p.user_id = o.agent_id`);
  // 200 overdue callbacks.
  await x(`create temporary table bench_cb as select id, campaign_id, qualified_by as agent_id from conversations
           where status = 'closed' order by id desc limit 200`);
  await x(`update conversations c set status = 'scheduled' from bench_cb b where c.id = b.id`);
  await x(`insert into callbacks (conversation_id, campaign_id, agent_id, personal, due_at)
           select id, campaign_id, agent_id, true, now() - interval '1 hour' from bench_cb`);
  await x(`vacuum analyze`);
}

const list = (sort: string, dir: "asc" | "desc" = "asc"): ListParams => ({ q: "", sort, dir, page: 1, archived: "0" });

async function run(engine: "pglite" | "postgres", handle: DatabaseHandle, n: number, seeded = false) {
  await migrateDatabase(handle);
  setDatabase(handle);
  // The board is read at 23:30 in Paris (the seed's "now"): "today" is then a full day of
  // traffic, as at the end of a working day, not the few minutes after midnight a run may fall on.
  // A database seeded by an earlier run is read at that run's "now" (every agent was last seen then).
  const [kept] = seeded
    ? await rows<{ at: string; n: number }>(
        handle.db,
        sql`select (select max(last_seen_at) from agent_presence)::text as at, (select count(*) from conversations)::int as n`,
      )
    : [];
  const at = kept ? new Date(kept.at) : new Date(startOfDay(dayIn(new Date(), PARIS), PARIS).getTime() - 30 * 60_000);
  if (kept) n = Number(kept.n);
  setClockAt(at);
  const t0 = process.hrtime.bigint();
  if (!kept) await seed(handle, n, at);
  const seedS = ms(t0) / 1000;
  const [big] = await rows<{ id: number }>(handle.db, sql`select id from users where login = 'sup-big'`);
  const [small] = await rows<{ id: number }>(handle.db, sql`select id from users where login = 'sup-small'`);
  const admin: Principal = { id: 0, role: "admin", rights: [] };
  const supBig: Principal = { id: Number(big.id), role: "supervisor", rights: ["supervision", "reporting"] };
  const supSmall: Principal = { id: Number(small.id), role: "supervisor", rights: ["supervision", "reporting"] };

  // What app/(supervision)/supervision/page.tsx runs for its first page.
  const supervision = async (viewer: Principal, filter = {}) => {
    const scope = supervisionScope(viewer);
    const [, , agents] = await Promise.all([
      boardScope(viewer),
      queueFigures(scope),
      agentPage(scope, { pageSize: 50, ...filter }),
      boardGroups(scope),
      overdueCallbacksInScope(scope),
    ]);
    await currentConversations(agents.agents.map((a) => a.id));
    return agents;
  };
  const first = await supervision(admin);
  // Warm-up beyond median()'s one run: on PGlite the wasm engine's tiering makes the first
  // seconds of a process several times slower, which would land on whichever figure comes first.
  for (let i = 0; i < 3; i++) for (const v of [admin, supBig, supSmall]) await supervision(v);
  const queues = await queueFigures(supervisionScope(admin));
  const [filteredCampaign] = await rows<{ id: number }>(handle.db, sql`select min(id) as id from campaigns`);

  const month = { preset: "custom", from: dayIn(new Date(at.getTime() - 29 * 86400_000), PARIS), to: dayIn(at, PARIS) };
  const figures: Record<string, number> = {
    supervision: await median(() => supervision(admin)),
    supervision_5000_scope: await median(() => supervision(supBig)),
    supervision_100_scope: await median(() => supervision(supSmall)),
    board_queues: await median(() => queueFigures(supervisionScope(admin))),
    board_queues_5000_scope: await median(() => queueFigures(supervisionScope(supBig))),
    board_agents: await median(() => agentPage(supervisionScope(admin), { pageSize: 50 })),
    board_agents_5000_scope: await median(() => agentPage(supervisionScope(supBig), { pageSize: 50 })),
    board_current: await median(() => currentConversations(first.agents.map((a) => a.id))),
    board_callbacks_5000_scope: await median(() => overdueCallbacksInScope(supervisionScope(supBig))),
    supervision_search: await median(() => supervision(admin, { search: "agent 49", state: "ready" })),
    supervision_last_page: await median(() => supervision(admin, { page: AGENTS / 50 })),
    campaigns_sorted: await median(() => listCampaignPage(list("waiting", "desc"))),
    campaigns: await median(() => listCampaignPage(list("name"))),
    campaigns_open_sorted: await median(() => listCampaignPage(list("open", "desc"))),
    agents: await median(() => listAgents(list("login"))),
    supervisors: await median(() => listSupervisors(list("login"))),
    supervision_groups: await median(() => listSupervisionGroups(list("name"))),
    queues: await median(() => listQueues(list("code"))),
    filtered: await median(() => listFilteredConversations(Number(filteredCampaign.id), { page: 1 })),
    report_today: await median(() => loadReport(admin, { preset: "today" }, at)),
    report_month: await median(() => loadReport(admin, month, at)),
    report_month_5000_scope: await median(() => loadReport(supBig, month, at)),
    baseline_select1: await median(() => rows(handle.db, sql`select 1`)),
    // What the machine gives a plain aggregate over the last day's conversations (the board's own
    // range), to read the figures above against on a loaded machine.
    baseline_day_count: await median(() =>
      rows(
        handle.db,
        sql`select campaign_id, count(*) from conversations where created_at >= ${new Date(at.getTime() - 86400_000).toISOString()}::timestamptz group by 1`,
      ),
    ),
    // The same rows read from the table itself (a column no index holds): conversations_created_idx
    // answers the count above from the index alone since migration 0022.
    baseline_day_rows: await median(() =>
      rows(
        handle.db,
        sql`select campaign_id, count(*), max(author_handle) from conversations
            where created_at >= ${new Date(at.getTime() - 86400_000).toISOString()}::timestamptz group by 1`,
      ),
    ),
  };
  // The wallboard's two ways of finding a day's row's campaign (lib/supervision/board.ts): by
  // position in arrays spanning the active ids (the default here), or by a join. Then one more
  // active campaign 60,000 ids above the others: the span passes POSITION_SPAN_*, the board takes
  // the join on its own, and the arrays forced would span 61,000 ids.
  figures.board_queues_join = await median(() => queueFigures(supervisionScope(admin), undefined, { lookup: "join" }));
  const [far] = await rows<{ id: number }>(
    handle.db,
    sql`insert into campaigns (id, type, name, state) select max(id) + 60000, 'twitter', 'Bench far id', 'running' from campaigns returning id`,
  );
  try {
    figures.board_queues_wide_span = await median(() => queueFigures(supervisionScope(admin)));
    figures.board_queues_wide_span_position = await median(() => queueFigures(supervisionScope(admin), undefined, { lookup: "position" }));
  } finally {
    // Gone even if a run fails: a kept database is measured again (BENCH_PAGES_DB).
    await handle.db.execute(sql`delete from campaigns where id = ${Number(far.id)}`);
  }
  console.log(
    `\n${engine}: ${kept ? "reused" : "seeded"} ${n} conversations, ${AGENTS} agents, ${CAMPAIGNS} campaigns in ${seedS.toFixed(1)} s; ` +
      `board: ${queues.length} campaigns, ${queues.reduce((s, q) => s + q.waiting, 0)} waiting, ` +
      `${queues.filter((q) => q.overThreshold).length} over threshold, ${first.total} agents (${first.byState.ready} ready)`,
  );
  console.log(
    `RESULT pages engine=${engine} conversations=${n} ` +
      Object.entries(figures)
        .map(([k, v]) => `${k}=${v.toFixed(1)}`)
        .join(" "),
  );
  setDatabase(undefined);
  resetClock();
}

async function main() {
  const pgliteN = Number(process.env.BENCH_PAGES_PGLITE_N || 200_000);
  if (pgliteN > 0) {
    const pglite = await openPglite();
    try {
      await run("pglite", pglite, pgliteN);
    } finally {
      await pglite.close();
    }
  }
  const server = process.env.BENCH_DATABASE_URL;
  if (!server) {
    console.log("\n(set BENCH_DATABASE_URL=postgres://… to also measure PostgreSQL with 1,000,000 conversations)");
    return;
  }
  const { default: postgres } = await import("postgres");
  const adminDb = postgres(server, { max: 1, onnotice: () => {} });
  // BENCH_PAGES_DB: a database an earlier run kept (BENCH_KEEP_DB), measured again without seeding.
  const reuse = process.env.BENCH_PAGES_DB;
  const name = reuse || `relais_bench_${crypto.randomBytes(4).toString("hex")}`;
  if (!reuse) await adminDb.unsafe(`create database "${name}"`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  const handle = await openPostgres(url.toString());
  try {
    await run("postgres", handle, Number(process.env.BENCH_PAGES_N || 1_000_000), Boolean(reuse));
  } finally {
    await handle.close();
    if (process.env.BENCH_KEEP_DB || reuse) console.log(`kept database ${name}`);
    else await adminDb.unsafe(`drop database if exists "${name}" with (force)`);
    await adminDb.end();
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
