// The wallboard (/supervision): its figures, its scope (a supervisor sees nothing outside his
// groups, on the board or the live stream) and its actions, on PGlite and on PostgreSQL.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { rows } from "@/db/client";
import { seedIfEmpty } from "@/lib/demo/seed";
import { agentPage, currentConversations, overdueCallbacksInScope, queueFigures } from "@/lib/supervision/board";
import { supervisionScope } from "@/lib/supervision/scope";
import { eligibleAgents, forceAgentState, reassignTo, takeBackConversation, type Supervisor } from "@/lib/supervision/actions";
import { routeWaiting } from "@/lib/routing/assign";
import { viewerScope, visibleTo } from "@/lib/realtime/stream";
import { dayIn, startOfDay } from "@/lib/reporting/range";
import { setupTestDatabase } from "./db";
import { makeAgents, makeSkill, queueConversations, routingViolations } from "./routing-fixture";

const db = setupTestDatabase();
const d = () => db.handle.db;

let demoCampaign = 0;
let otherCampaign = 0;
let a1 = 0;
let a2 = 0;
let b1 = 0;
let s1: Supervisor;
let s2: Supervisor;
let admin: Supervisor;

async function user(login: string, role: string): Promise<number> {
  const [u] = await rows<{ id: number }>(
    d(),
    sql`insert into users (login, name, password_hash, role) values (${login}, ${login}, 'x', ${role}) returning id`,
  );
  return Number(u.id);
}

async function group(name: string, supervisor: number, agents: number[]) {
  const [g] = await rows<{ id: number }>(d(), sql`insert into supervision_groups (name) values (${name}) returning id`);
  await d().execute(sql`insert into supervision_group_members (group_id, user_id, role) values (${g.id}, ${supervisor}, 'supervisor')`);
  for (const a of agents)
    await d().execute(sql`insert into supervision_group_members (group_id, user_id, role) values (${g.id}, ${a}, 'agent')`);
}

beforeAll(async () => {
  await seedIfEmpty(d(), {
    demo: true,
    password: "Demo-password-2026!",
    simulatorUrl: "http://127.0.0.1:9",
    keyword: "relais",
    pollSeconds: 10,
  });
  const [c] = await rows<{ id: number }>(d(), sql`select id from campaigns order by id limit 1`);
  demoCampaign = Number(c.id);
  // A second campaign that needs a skill only group 2's agent holds: outside supervisor 1's scope.
  const skill = await makeSkill(d(), "Allemand");
  const [k] = await rows<{ id: number }>(
    d(),
    sql`insert into campaigns (type, name, state) values ('twitter', 'Campagne B', 'running') returning id`,
  );
  otherCampaign = Number(k.id);
  await d().execute(sql`insert into campaign_skills (campaign_id, skill_id, min_level) values (${otherCampaign}, ${skill}, 5)`);
  [a1, a2, b1] = await makeAgents(d(), [{ max: 2 }, { max: 2 }, { max: 2, skills: [[skill, 8]] }]);
  const sup1 = await user("sup-one", "supervisor");
  const sup2 = await user("sup-two", "supervisor");
  await group("Groupe 1", sup1, [a1, a2]);
  await group("Groupe 2", sup2, [b1]);
  const rights = ["supervision", "reassign", "change_agent_state"] as const;
  s1 = { id: sup1, login: "sup-one", role: "supervisor", rights: [...rights] };
  s2 = { id: sup2, login: "sup-two", role: "supervisor", rights: [...rights] };
  const [adm] = await rows<{ id: number; login: string }>(d(), sql`select id, login from users where role = 'admin' order by id limit 1`);
  admin = { id: Number(adm.id), login: adm.login, role: "admin", rights: [] };
});

// Each test starts from empty queues, only our three agents ready, nothing offered.
beforeEach(async () => {
  await d().execute(sql`update assignments set state = 'ended', ended_at = now(), end_reason = 'released' where ended_at is null`);
  await d().execute(
    sql`update conversations set status = 'closed', assigned_agent_id = null where status in ('waiting', 'assigned', 'held')`,
  );
  await d().execute(sql`update agent_presence set state = 'offline', active_count = 0`);
  await d().execute(sql`update agent_presence set state = 'ready' where user_id in (${a1}, ${a2}, ${b1})`);
  await d().execute(sql`update campaigns set state = 'running', assignment_timeout_seconds = 300, preferred_wait_seconds = 60`);
});

async function conv(id: number) {
  const [c] = await rows<{ status: string; assigned_agent_id: number | null; waiting_since: unknown }>(
    d(),
    sql`select status, assigned_agent_id, waiting_since from conversations where id = ${id}`,
  );
  return {
    status: c.status,
    agent: c.assigned_agent_id === null ? null : Number(c.assigned_agent_id),
    waitingSince: new Date(String(c.waiting_since instanceof Date ? c.waiting_since.toISOString() : c.waiting_since)).getTime(),
  };
}
async function presence(id: number) {
  const [p] = await rows<{ state: string; pause_reason: string | null; active_count: number }>(
    d(),
    sql`select state, pause_reason, active_count from agent_presence where user_id = ${id}`,
  );
  return { state: p.state, pauseReason: p.pause_reason, active: Number(p.active_count) };
}
const audits = async (type: string) =>
  rows<{ user_login: string; object_id: number }>(
    d(),
    sql`select user_login, object_id from audit_log where object_type = ${type} order by id`,
  );

describe("the wallboard's scope", () => {
  it("a supervisor sees his groups' agents and the campaigns they can be offered, nothing else", async () => {
    const mine = await agentPage(supervisionScope(s1));
    expect(mine.agents.map((a) => a.id).sort()).toEqual([a1, a2].sort());
    expect(mine.byState.ready).toBe(2);
    const theirs = await agentPage(supervisionScope(s2));
    expect(theirs.agents.map((a) => a.id)).toEqual([b1]);
    const all = await agentPage(supervisionScope(admin), { pageSize: 200 });
    expect(all.agents.map((a) => a.id)).toEqual(expect.arrayContaining([a1, a2, b1]));

    const q1 = (await queueFigures(supervisionScope(s1))).map((q) => q.campaignId);
    expect(q1).toContain(demoCampaign);
    expect(q1).not.toContain(otherCampaign);
    const q2 = (await queueFigures(supervisionScope(s2))).map((q) => q.campaignId);
    expect(q2).toEqual(expect.arrayContaining([demoCampaign, otherCampaign]));
  });

  it("search, state and paging narrow the agents", async () => {
    await d().execute(sql`update agent_presence set state = 'paused' where user_id = ${a2}`);
    const scope = supervisionScope(admin);
    const paused = await agentPage(scope, { state: "paused" });
    expect(paused.agents.map((a) => a.id)).toEqual([a2]);
    const [login] = await rows<{ login: string }>(d(), sql`select login from users where id = ${a1}`);
    expect((await agentPage(scope, { search: login.login.toUpperCase() })).agents.map((a) => a.id)).toEqual([a1]);
    const first = await agentPage(scope, { pageSize: 1, page: 1 });
    const second = await agentPage(scope, { pageSize: 1, page: 2 });
    expect(first.agents).toHaveLength(1);
    expect(second.agents[0].id).not.toBe(first.agents[0].id);
    expect(first.total).toBeGreaterThan(2);
  });

  it("the live stream tells a supervisor of his agents and campaigns only", async () => {
    const scope = await viewerScope(s1);
    expect(visibleTo(scope, { type: "agent.presence", agentId: a1, state: "ready" })).toBe(true);
    expect(visibleTo(scope, { type: "agent.presence", agentId: b1, state: "ready" })).toBe(false);
    expect(visibleTo(scope, { type: "conversation.assigned", conversationId: 1, agentId: b1 })).toBe(false);
    expect(visibleTo(scope, { type: "conversation.assigned", conversationId: 1, agentId: a2 })).toBe(true);
    expect(visibleTo(scope, { type: "conversation.queued", conversationId: 1, campaignId: demoCampaign })).toBe(true);
    expect(visibleTo(scope, { type: "conversation.queued", conversationId: 1, campaignId: otherCampaign })).toBe(false);
    const adminScope = await viewerScope(admin);
    expect(visibleTo(adminScope, { type: "conversation.queued", conversationId: 1, campaignId: otherCampaign })).toBe(true);
  });
});

describe("the wallboard's figures", () => {
  it("counts the queue now and today's service against the campaign's target", async () => {
    await d().execute(sql`update campaigns set answer_target_seconds = 600, waiting_alert_seconds = 300 where id = ${demoCampaign}`);
    // Noon of today in Paris: "today" is since the campaign's midnight, and a test run just after
    // midnight must not see its own rows fall on yesterday.
    const at = new Date(startOfDay(dayIn(new Date(), "Europe/Paris"), "Europe/Paris").getTime() + 12 * 3600_000);
    const now = at.getTime();
    const ago = (s: number) => new Date(now - s * 1000);
    // Two waiting (the oldest for 20 min: over the 5 min alert), one held, one filtered.
    await queueConversations(d(), demoCampaign, [{ waitingSince: ago(1200) }, { waitingSince: ago(60) }]);
    await d()
      .execute(sql`insert into conversations (campaign_id, network, thread_id, author_id, author_handle, author_name, status, waiting_since)
      values (${demoCampaign}, 'twitter', 'held1', 'h', 'h', 'h', 'held', null),
             (${demoCampaign}, 'twitter', 'filt1', 'f', 'f', 'f', 'filtered', null)`);
    // Answered today: one after 2 min (within the 10 min target), one after 15 min (missed).
    const answered = await rows<{ id: number }>(
      d(),
      sql`insert into conversations (campaign_id, network, thread_id, author_id, author_handle, author_name, status, waiting_since, created_at, closed_at)
          values (${demoCampaign}, 'twitter', 'ok1', 'o', 'o', 'o', 'closed', ${ago(1800).toISOString()}, ${ago(1800).toISOString()}, ${ago(100).toISOString()}),
                 (${demoCampaign}, 'twitter', 'late1', 'l', 'l', 'l', 'closed', ${ago(1800).toISOString()}, ${ago(1800).toISOString()}, ${ago(100).toISOString()})
          returning id`,
    );
    const [ok, late] = answered.map((r) => Number(r.id)).sort((a, b) => a - b);
    await d()
      .execute(sql`insert into messages (conversation_id, campaign_id, direction, text, author_id, author_handle, author_name, created_at)
      values (${ok}, ${demoCampaign}, 'out', 'hi', 'us', 'us', 'Us', ${ago(1680).toISOString()}),
             (${late}, ${demoCampaign}, 'out', 'hi', 'us', 'us', 'Us', ${ago(900).toISOString()})`);
    const before = (await queueFigures(supervisionScope(s1), at)).find((q) => q.campaignId === demoCampaign)!;
    expect(before.waiting).toBe(2);
    expect(before.longestWaitSeconds).toBeGreaterThanOrEqual(1199);
    expect(before.overThreshold).toBe(true);
    expect(before.held).toBe(1);
    expect(before.filteredToday).toBeGreaterThanOrEqual(1);
    // The 20-min wait has missed the target already; the 1-min one is still undecided.
    expect(before.withinTarget).toBe(1);
    expect(before.missedTarget).toBe(2);
    expect(before.serviceLevel).toBeCloseTo(1 / 3);
    expect(before.avgFirstResponseSeconds).toBeCloseTo((120 + 900) / 2, 0);
    expect(before.targetSeconds).toBe(600);
    // Found by the join (a wide span of campaign ids), every campaign's figures are the same.
    expect(await queueFigures(supervisionScope(s1), at, { lookup: "join" })).toEqual(
      await queueFigures(supervisionScope(s1), at, { lookup: "position" }),
    );

    await routeWaiting();
    const after = (await queueFigures(supervisionScope(s1), at)).find((q) => q.campaignId === demoCampaign)!;
    expect(after.waiting).toBe(0);
    expect(after.offered).toBe(2);
    const current = await currentConversations([a1, a2]);
    const all = [...current.values()].flat();
    expect(all).toHaveLength(2);
    expect(all.every((c) => c.why === "any" && c.campaignName.length > 0)).toBe(true);
  });

  it("counts each campaign's today from its own time zone's midnight, and leaves archived campaigns off the board", async () => {
    // Noon UTC on 15 July: New York's day began at 04:00 UTC, Tokyo's at 15:00 UTC the day before.
    const at = new Date("2026-07-15T12:00:00Z");
    const campaign = async (name: string, zone: string | null, archived = false) => {
      let schedule: number | null = null;
      if (zone) {
        const [w] = await rows<{ id: number }>(
          d(),
          sql`insert into work_schedules (name, time_zone, days) values (${`Horaires ${name}`}, ${zone}, '[]') returning id`,
        );
        schedule = Number(w.id);
      }
      const [k] = await rows<{ id: number }>(
        d(),
        sql`insert into campaigns (type, name, state, schedule_id, answer_target_seconds, archived_at)
            values ('twitter', ${name}, 'running', ${schedule}, 900, ${archived ? at.toISOString() : null}) returning id`,
      );
      return Number(k.id);
    };
    // Created in this order, the archived campaign's id falls between the other two.
    const newYork = await campaign("Fuseau New York", "America/New_York");
    const archived = await campaign("Fuseau archivée", "Europe/Paris", true);
    const tokyo = await campaign("Fuseau Tokyo", "Asia/Tokyo");
    const conversation = (campaignId: number, id: string, createdAt: string, status: string, waiting: boolean) =>
      d()
        .execute(sql`insert into conversations (campaign_id, network, thread_id, author_id, author_handle, author_name, status, waiting_since, created_at)
        values (${campaignId}, 'twitter', ${id}, ${id}, ${id}, ${id}, ${status}, ${waiting ? createdAt : null}, ${createdAt})`);
    await conversation(newYork, "ny-yesterday", "2026-07-15T03:00:00Z", "filtered", false);
    await conversation(newYork, "ny-today-filtered", "2026-07-15T05:00:00Z", "filtered", false);
    await conversation(newYork, "ny-today-unanswered", "2026-07-15T05:00:00Z", "closed", true);
    await conversation(tokyo, "tk-yesterday", "2026-07-14T14:00:00Z", "closed", true);
    await conversation(tokyo, "tk-today", "2026-07-14T16:00:00Z", "filtered", false);
    await conversation(archived, "ar-today", "2026-07-15T11:00:00Z", "filtered", false);

    // The same figures whether each row finds its campaign by position in the arrays or by the join.
    for (const lookup of ["position", "join"] as const) {
      const board = await queueFigures(supervisionScope(admin), at, { lookup });
      const ny = board.find((q) => q.campaignId === newYork)!;
      // 03:00 UTC was 23:00 the day before in New York; the unanswered one waits past its 15 min target.
      expect(ny, lookup).toMatchObject({ filteredToday: 1, receivedToday: 1, withinTarget: 0, missedTarget: 1, serviceLevel: 0 });
      expect(ny.avgFirstResponseSeconds).toBeNull();
      // 16:00 UTC on the 14th is 01:00 on the 15th in Tokyo; 14:00 UTC was 23:00 on the 14th.
      expect(
        board.find((q) => q.campaignId === tokyo),
        lookup,
      ).toMatchObject({ filteredToday: 1, receivedToday: 0, serviceLevel: null });
      expect(board.map((q) => q.campaignId)).not.toContain(archived);
    }
    await d().execute(sql`delete from conversations where campaign_id in (${newYork}, ${archived}, ${tokyo})`);
    await d().execute(sql`delete from campaigns where id in (${newYork}, ${archived}, ${tokyo})`);
    await d().execute(sql`delete from work_schedules where name like 'Horaires Fuseau %'`);
  });

  it("an overdue callback is an alert for the supervisor of its agent only", async () => {
    const [c] = await queueConversations(d(), demoCampaign, [{}]);
    await d().execute(sql`update conversations set status = 'scheduled' where id = ${c}`);
    await d().execute(sql`insert into callbacks (conversation_id, campaign_id, agent_id, personal, due_at)
      values (${c}, ${demoCampaign}, ${a1}, true, ${new Date(Date.now() - 3600_000).toISOString()})`);
    expect((await overdueCallbacksInScope(supervisionScope(s1))).map((o) => o.conversationId)).toContain(c);
    // Supervisor 2 also sees the demo campaign's queue (his agent can be offered it): a campaign-wide alert.
    await d().execute(sql`update callbacks set campaign_id = ${otherCampaign} where conversation_id = ${c}`);
    expect((await overdueCallbacksInScope(supervisionScope(s1))).map((o) => o.conversationId)).toContain(c);
    await d().execute(sql`update callbacks set agent_id = ${b1} where conversation_id = ${c}`);
    expect((await overdueCallbacksInScope(supervisionScope(s1))).map((o) => o.conversationId)).not.toContain(c);
    await d().execute(sql`delete from callbacks where conversation_id = ${c}`);
  });

  it("a failing source shows on its campaign", async () => {
    await d()
      .execute(sql`insert into campaign_sources (campaign_id, kind, last_error, last_error_kind) values (${demoCampaign}, 'x_mentions', '429', 'rate_limited')
      on conflict (campaign_id, kind) do update set last_error = '429', last_error_kind = 'rate_limited'`);
    const q = (await queueFigures(supervisionScope(s1))).find((x) => x.campaignId === demoCampaign)!;
    expect(q.failingSources).toEqual([{ kind: "x_mentions", errorKind: "rate_limited" }]);
    await d().execute(sql`update campaign_sources set last_error = null, last_error_kind = null where campaign_id = ${demoCampaign}`);
  });
});

describe("the wallboard's actions", () => {
  it("forcing Paused gives back the offers and keeps what the agent took; Offline gives back everything", async () => {
    await d().execute(sql`update agent_presence set state = 'offline' where user_id in (${a2}, ${b1})`);
    const [c1, c2] = await queueConversations(d(), demoCampaign, [{}, {}]);
    const since1 = (await conv(c1)).waitingSince;
    await routeWaiting();
    expect((await conv(c1)).agent).toBe(a1);
    expect((await conv(c2)).agent).toBe(a1);
    await d().execute(sql`update assignments set state = 'accepted' where conversation_id = ${c2} and ended_at is null`);

    const paused = await forceAgentState(s1, a1, "paused");
    expect(paused.released).toBe(1);
    expect(await presence(a1)).toEqual({ state: "paused", pauseReason: "supervisor", active: 1 });
    expect(await conv(c1)).toEqual({ status: "waiting", agent: null, waitingSince: since1 });
    expect((await conv(c2)).agent).toBe(a1);

    const offline = await forceAgentState(s1, a1, "offline");
    expect(offline.released).toBe(1);
    expect(await presence(a1)).toMatchObject({ state: "offline", active: 0 });
    expect((await conv(c2)).status).toBe("waiting");
    expect((await audits("agent_state")).slice(-2)).toEqual([
      { user_login: "sup-one", object_id: a1 },
      { user_login: "sup-one", object_id: a1 },
    ]);
    expect(await routingViolations(d())).toEqual({ doubleAssigned: 0, overCapacity: 0, countDrift: 0 });
  });

  it("a supervisor cannot act on another supervisor's agent", async () => {
    await expect(forceAgentState(s1, b1, "offline")).rejects.toThrow("wallboard.errors.agentNotFound");
    expect((await presence(b1)).state).toBe("ready");
  });

  it("taking back keeps the original waiting time", async () => {
    await d().execute(sql`update agent_presence set state = 'offline' where user_id in (${a2}, ${b1})`);
    const [c] = await queueConversations(d(), demoCampaign, [{ waitingSince: new Date(Date.now() - 600_000) }]);
    const since = (await conv(c)).waitingSince;
    await routeWaiting();
    expect((await conv(c)).agent).toBe(a1);
    await expect(takeBackConversation(s2, c)).rejects.toThrow("wallboard.errors.conversationNotFound");
    await takeBackConversation(s1, c);
    expect(await conv(c)).toEqual({ status: "waiting", agent: null, waitingSince: since });
    expect((await presence(a1)).active).toBe(0);
    const [ended] = await rows<{ end_reason: string; ended_by: number }>(
      d(),
      sql`select end_reason, ended_by from assignments where conversation_id = ${c} order by id desc limit 1`,
    );
    expect({ reason: ended.end_reason, by: Number(ended.ended_by) }).toEqual({ reason: "released", by: s1.id });
    expect((await audits("conversation_assignment")).at(-1)).toEqual({ user_login: "sup-one", object_id: c });
  });

  it("reassigns to an eligible agent of his groups, and refuses an ineligible one or another supervisor's", async () => {
    await d().execute(sql`update agent_presence set state = 'offline' where user_id in (${a2}, ${b1})`);
    const [c] = await queueConversations(d(), demoCampaign, [{}]);
    await routeWaiting();
    expect((await conv(c)).agent).toBe(a1);
    // a2 is offline: not eligible, and not listed.
    expect(await eligibleAgents(s1, c)).toEqual([]);
    await expect(reassignTo(s1, c, a2)).rejects.toThrow("wallboard.errors.notEligible");
    await d().execute(sql`update agent_presence set state = 'ready' where user_id in (${a2}, ${b1})`);
    expect((await eligibleAgents(s1, c)).map((a) => a.id)).toEqual([a2]);
    await expect(reassignTo(s1, c, b1)).rejects.toThrow("wallboard.errors.agentNotFound");
    await expect(reassignTo(s1, c, a1)).rejects.toThrow("wallboard.errors.sameAgent");

    const done = await reassignTo(s1, c, a2);
    expect(done).toEqual({ conversationId: c, agentId: a2, from: a1 });
    expect((await conv(c)).agent).toBe(a2);
    const list = await rows<{ agent_id: number; why: string; end_reason: string | null }>(
      d(),
      sql`select agent_id, why, end_reason from assignments where conversation_id = ${c} order by id`,
    );
    expect(list.map((r) => ({ agent: Number(r.agent_id), why: r.why, end: r.end_reason }))).toEqual([
      { agent: a1, why: "any", end: "reassigned" },
      { agent: a2, why: "reassigned", end: null },
    ]);
    expect((await presence(a1)).active).toBe(0);
    expect((await presence(a2)).active).toBe(1);
    expect(await routingViolations(d())).toEqual({ doubleAssigned: 0, overCapacity: 0, countDrift: 0 });
  });

  it("refuses an agent without the campaign's minimum skills or at capacity", async () => {
    // b1 holds the other campaign's skill; a1/a2 do not: an admin reassigning a B conversation to a1 is refused.
    await d().execute(sql`update agent_presence set state = 'offline' where user_id in (${a1}, ${a2})`);
    const [c] = await queueConversations(d(), otherCampaign, [{}]);
    await routeWaiting();
    expect((await conv(c)).agent).toBe(b1);
    await d().execute(sql`update agent_presence set state = 'ready' where user_id = ${a1}`);
    await expect(reassignTo(admin, c, a1)).rejects.toThrow("wallboard.errors.notEligible");
    // Supervisor 1 cannot see that conversation at all.
    await expect(takeBackConversation(s1, c)).rejects.toThrow("wallboard.errors.conversationNotFound");
  });
});
