import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { rows } from "@/db/client";
import { seedIfEmpty } from "@/lib/demo/seed";
import { routeWaiting } from "@/lib/routing/assign";
import { acceptAssignment } from "@/lib/routing/assignments";
import { dropLostAgents, expireOffers, heartbeat, presenceOf, setAgentPresence } from "@/lib/routing/presence";
import { setupTestDatabase } from "./db";
import { makeAgents, makeSkill, queueConversations, routingViolations } from "./routing-fixture";

const db = setupTestDatabase();
let campaignId = 0;
const d = () => db.handle.db;

beforeAll(async () => {
  await seedIfEmpty(d(), {
    demo: true,
    password: "Demo-password-2026!",
    simulatorUrl: "http://127.0.0.1:9",
    keyword: "relais",
    pollSeconds: 10,
  });
  const [c] = await rows<{ id: number }>(d(), sql`select id from campaigns order by id limit 1`);
  campaignId = Number(c.id);
});

// Each test starts from an empty queue and nobody present.
beforeEach(async () => {
  await d().execute(sql`update assignments set state = 'ended', ended_at = now(), end_reason = 'released' where ended_at is null`);
  await d().execute(sql`update conversations set status = 'closed', assigned_agent_id = null where status in ('waiting', 'assigned')`);
  await d().execute(sql`update agent_presence set state = 'offline', active_count = 0`);
  await d().execute(sql`delete from campaign_skills`);
  await d().execute(sql`update campaigns set preferred_wait_seconds = 60, assignment_timeout_seconds = 300, state = 'running'`);
});

async function conversation(id: number) {
  const [c] = await rows<{ status: string; assigned_agent_id: number | null; waiting_since: unknown }>(
    d(),
    sql`select status, assigned_agent_id, waiting_since from conversations where id = ${id}`,
  );
  return {
    status: c.status,
    agent: c.assigned_agent_id === null ? null : Number(c.assigned_agent_id),
    waitingSince: new Date(String(c.waiting_since instanceof Date ? c.waiting_since.toISOString() : c.waiting_since)),
  };
}
async function assignmentsOf(conversationId: number) {
  return rows<{
    agent_id: number;
    state: string;
    why: string;
    rule_id: number | null;
    skill_id: number | null;
    level: number | null;
    end_reason: string | null;
  }>(
    d(),
    sql`select agent_id, state, why, rule_id, skill_id, level, end_reason from assignments where conversation_id = ${conversationId} order by id`,
  );
}

describe("routing", () => {
  it("gives an agent of capacity 2 two conversations and records each offer with its expiry", async () => {
    const [agent] = await makeAgents(d(), [{ max: 2 }]);
    const convs = await queueConversations(d(), campaignId, [{}, {}, {}]);
    const done = await routeWaiting();
    expect(done.map((a) => a.conversationId).sort()).toEqual(convs.slice(0, 2).sort());
    expect(done.every((a) => a.agentId === agent && a.why === "any")).toBe(true);
    expect((await conversation(convs[2])).status).toBe("waiting");
    const [p] = await rows<{ active_count: number }>(d(), sql`select active_count from agent_presence where user_id = ${agent}`);
    expect(Number(p.active_count)).toBe(2);
    const [offer] = await rows<{ secs: number }>(
      d(),
      sql`select extract(epoch from expires_at - offered_at)::int as secs from assignments where conversation_id = ${convs[0]} and ended_at is null`,
    );
    expect(Number(offer.secs)).toBe(300);
  });

  it("serves the queue by priority, then waiting time", async () => {
    await makeAgents(d(), [{}]);
    const t = Date.now();
    const [older, newer, urgent] = await queueConversations(d(), campaignId, [
      { waitingSince: new Date(t - 60_000), priority: 5 },
      { waitingSince: new Date(t - 1_000), priority: 5 },
      { waitingSince: new Date(t - 500), priority: 9 },
    ]);
    expect((await routeWaiting()).map((a) => a.conversationId)).toEqual([urgent]);
    await makeAgents(d(), [{}]);
    expect((await routeWaiting()).map((a) => a.conversationId)).toEqual([older]);
    expect((await conversation(newer)).status).toBe("waiting");
  });

  it("offers a skill request to the skilled agent, then to anyone once the preferred wait is over", async () => {
    const french = await makeSkill(d(), "French");
    // The unskilled agent has been idle the longest.
    const [other, frAgent] = await makeAgents(d(), [{ lastEndedAt: new Date(Date.now() - 7200_000) }, { skills: [[french, 6]] }]);
    const ask = [{ skillId: french, minLevel: 4 }];
    const [first, second] = await queueConversations(d(), campaignId, [
      { requestedSkills: ask, ruleId: 42 },
      { requestedSkills: ask, ruleId: 42 },
    ]);
    const done = await routeWaiting();
    expect(done).toHaveLength(1);
    expect(done[0]).toMatchObject({ conversationId: first, agentId: frAgent, why: "rule" });
    expect((await assignmentsOf(first))[0]).toMatchObject({ why: "rule", rule_id: 42, skill_id: french, level: 4, state: "offered" });
    // The French agent is full: the second waits for him instead of going to the other agent…
    expect(await routeWaiting()).toEqual([]);
    expect((await conversation(second)).status).toBe("waiting");
    // …until its preferred wait is over.
    const later = new Date(Date.now() + 61_000);
    const widened = await routeWaiting({ now: () => later });
    expect(widened).toMatchObject([{ conversationId: second, agentId: other, why: "overflow" }]);
  });

  it("reaches a conversation it can route behind many it cannot route yet", async () => {
    const spanish = await makeSkill(d(), "Spanish");
    const [agent] = await makeAgents(d(), [{}]);
    const t = Date.now();
    await queueConversations(
      d(),
      campaignId,
      Array.from({ length: 130 }, (_, i) => ({
        requestedSkills: [{ skillId: spanish, minLevel: 1 }],
        waitingSince: new Date(t - 10_000 + i),
      })),
    );
    const [plain] = await queueConversations(d(), campaignId, [{ waitingSince: new Date(t) }]);
    expect(await routeWaiting({ batchSize: 20 })).toMatchObject([{ conversationId: plain, agentId: agent, why: "any" }]);
  });

  it("never offers to an agent lacking the campaign's minimum skills or the network", async () => {
    const vip = await makeSkill(d(), "VIP");
    await d().execute(sql`insert into campaign_skills (campaign_id, skill_id, min_level) values (${campaignId}, ${vip}, 3)`);
    const [, , ok] = await makeAgents(d(), [
      { skills: [[vip, 2]] },
      { skills: [[vip, 9]], channels: ["facebook"] },
      { skills: [[vip, 3]] },
    ]);
    await queueConversations(d(), campaignId, [{}, {}]);
    const done = await routeWaiting();
    expect(done.map((a) => a.agentId)).toEqual([ok]);
  });

  it("keeps to one agent per conversation and each agent's capacity with two passes in parallel", async () => {
    const skills = [await makeSkill(d(), "A"), await makeSkill(d(), "B")];
    for (let round = 0; round < 3; round++) {
      await d().execute(sql`update assignments set state = 'ended', ended_at = now(), end_reason = 'released' where ended_at is null`);
      await d().execute(sql`update conversations set status = 'closed' where status in ('waiting', 'assigned')`);
      await d().execute(sql`update agent_presence set state = 'offline', active_count = 0`);
      const agents = await makeAgents(
        d(),
        Array.from({ length: 30 }, (_, i) => ({ max: 1 + (i % 3), skills: [[skills[i % 2], 5]] as [number, number][] })),
      );
      const capacity = Array.from({ length: 30 }, (_, i) => 1 + (i % 3)).reduce((a, b) => a + b, 0);
      await queueConversations(
        d(),
        campaignId,
        Array.from({ length: 120 }, (_, i) => ({
          requestedSkills: i % 3 === 2 ? [] : [{ skillId: skills[i % 2], minLevel: 3 }],
          waitingSince: new Date(Date.now() - 120_000),
        })),
      );
      const [a, b] = await Promise.all([routeWaiting({ batchSize: 7 }), routeWaiting({ batchSize: 7 })]);
      const all = [...a, ...b];
      expect(new Set(all.map((x) => x.conversationId)).size).toBe(all.length);
      expect(await routingViolations(d())).toEqual({ doubleAssigned: 0, overCapacity: 0, countDrift: 0 });
      const perAgent = new Map<number, number>();
      for (const x of all) perAgent.set(x.agentId, (perAgent.get(x.agentId) ?? 0) + 1);
      expect(all.length).toBe(capacity);
      expect([...perAgent.keys()].every((id) => agents.includes(id))).toBe(true);
    }
  });

  it("sends an unanswered offer back to the queue with its waiting time, pauses the agent, and offers it to another", async () => {
    const [first, second] = await makeAgents(d(), [{ lastEndedAt: new Date(Date.now() - 7200_000) }, {}]);
    await d().execute(sql`update agent_presence set state = 'offline' where user_id = ${second}`);
    const [conv] = await queueConversations(d(), campaignId, [{ waitingSince: new Date(Date.now() - 5_000) }]);
    const before = (await conversation(conv)).waitingSince;
    expect(await routeWaiting()).toMatchObject([{ conversationId: conv, agentId: first }]);
    // Not yet due.
    expect(await expireOffers(new Date(Date.now() + 200_000))).toEqual([]);
    expect(await expireOffers(new Date(Date.now() + 301_000))).toEqual([{ conversationId: conv, agentId: first }]);
    const back = await conversation(conv);
    expect(back).toMatchObject({ status: "waiting", agent: null });
    expect(back.waitingSince.getTime()).toBe(before.getTime());
    expect((await assignmentsOf(conv))[0]).toMatchObject({ state: "ended", end_reason: "timed_out" });
    expect(await presenceOf(first)).toMatchObject({ state: "paused", pauseReason: "no_answer" });
    expect(await routingViolations(d())).toEqual({ doubleAssigned: 0, overCapacity: 0, countDrift: 0 });
    // The paused agent gets nothing; the next ready one does.
    expect(await routeWaiting()).toEqual([]);
    await setAgentPresence(second, "ready");
    expect(await routeWaiting()).toMatchObject([{ conversationId: conv, agentId: second }]);
    // Going Ready again clears the pause reason.
    await setAgentPresence(first, "ready");
    expect(await presenceOf(first)).toMatchObject({ state: "ready", pauseReason: null });
  });

  it("never times out an offer the agent acted on", async () => {
    const [agent] = await makeAgents(d(), [{}]);
    const [conv] = await queueConversations(d(), campaignId, [{}]);
    await routeWaiting();
    await d().transaction((tx) => acceptAssignment(tx, conv, agent));
    expect(await expireOffers(new Date(Date.now() + 3600_000))).toEqual([]);
    expect((await assignmentsOf(conv))[0]).toMatchObject({ state: "accepted" });
    expect(await presenceOf(agent)).toMatchObject({ state: "ready" });
  });

  it("sets an agent whose live connection is gone Offline after the grace period and requeues his conversations", async () => {
    const [gone, alive] = await makeAgents(d(), [{}, {}]);
    const convs = await queueConversations(d(), campaignId, [{}, {}]);
    await routeWaiting();
    const t = new Date(Date.now() + 45_000);
    await heartbeat(alive, t);
    // Within the grace period nothing happens.
    expect(await dropLostAgents(new Date(Date.now() + 30_000), 60)).toEqual([]);
    expect(await dropLostAgents(new Date(Date.now() + 90_000), 60)).toEqual([gone]);
    expect((await presenceOf(gone)).state).toBe("offline");
    expect((await presenceOf(alive)).state).toBe("ready");
    const statuses = await Promise.all(convs.map(conversation));
    expect(statuses.filter((s) => s.status === "waiting")).toHaveLength(1);
    expect(statuses.filter((s) => s.agent === alive)).toHaveLength(1);
    const requeued = convs[statuses.findIndex((s) => s.status === "waiting")];
    expect((await assignmentsOf(requeued))[0]).toMatchObject({ agent_id: gone, end_reason: "agent_left" });
    expect(await routingViolations(d())).toEqual({ doubleAssigned: 0, overCapacity: 0, countDrift: 0 });
  });

  it("requeues an agent's conversations when he logs out (goes Offline)", async () => {
    const [agent] = await makeAgents(d(), [{ max: 2 }]);
    const convs = await queueConversations(d(), campaignId, [{}, {}]);
    await routeWaiting();
    const { released } = await setAgentPresence(agent, "offline");
    expect(released).toBe(2);
    for (const c of convs) {
      expect(await conversation(c)).toMatchObject({ status: "waiting", agent: null });
      expect((await assignmentsOf(c))[0]).toMatchObject({ state: "ended", end_reason: "agent_left" });
    }
    const [p] = await rows<{ active_count: number; last: unknown }>(
      d(),
      sql`select active_count, last_assignment_ended_at as last from agent_presence where user_id = ${agent}`,
    );
    expect(Number(p.active_count)).toBe(0);
    expect(p.last).not.toBeNull();
  });

  it("sets the agent Offline when he logs out (next-auth signOut event)", async () => {
    const { authOptions } = await import("@/lib/auth/options");
    const [agent] = await makeAgents(d(), [{}]);
    const [conv] = await queueConversations(d(), campaignId, [{}]);
    await routeWaiting();
    await authOptions.events!.signOut!({ token: { uid: agent }, session: null } as never);
    expect((await presenceOf(agent)).state).toBe("offline");
    expect(await conversation(conv)).toMatchObject({ status: "waiting", agent: null });
  });

  it("leaves conversations of a stopped campaign waiting", async () => {
    await makeAgents(d(), [{}]);
    await d().execute(sql`update campaigns set state = 'stopped'`);
    await queueConversations(d(), campaignId, [{}]);
    expect(await routeWaiting()).toEqual([]);
  });
});
