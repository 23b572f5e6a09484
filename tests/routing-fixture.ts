// Rows for routing tests and benchmarks: agents with skills and capacity, waiting conversations.
import crypto from "node:crypto";
import { sql } from "drizzle-orm";
import { rows, type Db } from "@/db/client";
import type { RequestedSkill } from "@/db/schema";

export async function makeSkill(db: Db, name: string): Promise<number> {
  const [group] = await rows<{ id: number }>(
    db,
    sql`insert into skill_groups (name) values (${`${name}-${crypto.randomBytes(3).toString("hex")}`}) returning id`,
  );
  const [skill] = await rows<{ id: number }>(db, sql`insert into skills (group_id, name) values (${group.id}, ${name}) returning id`);
  return Number(skill.id);
}

export interface AgentSpec {
  skills?: [number, number][];
  max?: number;
  channels?: string[];
  state?: "ready" | "paused" | "offline";
  lastEndedAt?: Date | null;
  since?: Date;
}

/** Agents (users + profile + presence) in one statement per table; returns their ids in order. */
export async function makeAgents(db: Db, specs: AgentSpec[]): Promise<number[]> {
  if (specs.length === 0) return [];
  const tag = crypto.randomBytes(4).toString("hex");
  const users = specs.map((_, i) => ({ login: `r${tag}${i}`, name: `Agent ${tag} ${i}` }));
  const created = await rows<{ id: number }>(
    db,
    sql`insert into users (login, name, password_hash, role)
        select v.login, v.name, 'x', 'agent' from json_to_recordset(${JSON.stringify(users)}::json) as v(login text, name text)
        returning id`,
  );
  const ids = created.map((c) => Number(c.id)).sort((a, b) => a - b);
  const profiles = specs.map((s, i) => ({ user_id: ids[i], max: s.max ?? 1, channels: s.channels ?? ["twitter", "facebook"] }));
  await db.execute(
    sql`insert into agent_profiles (user_id, max_conversations, media_channels)
        select v.user_id, v.max, array(select json_array_elements_text(v.channels))
        from json_to_recordset(${JSON.stringify(profiles)}::json) as v(user_id int, max int, channels json)`,
  );
  const now = Date.now();
  const presence = specs.map((s, i) => ({
    user_id: ids[i],
    state: s.state ?? "ready",
    since: (s.since ?? new Date(now - 3600_000 + i)).toISOString(),
    ended: s.lastEndedAt ? s.lastEndedAt.toISOString() : null,
    seen: new Date(now).toISOString(),
  }));
  await db.execute(
    sql`insert into agent_presence (user_id, state, since, last_assignment_ended_at, last_seen_at)
        select v.user_id, v.state, v.since, v.ended, v.seen
        from json_to_recordset(${JSON.stringify(presence)}::json) as v(user_id int, state text, since timestamptz, ended timestamptz, seen timestamptz)`,
  );
  const skills = specs.flatMap((s, i) => (s.skills ?? []).map(([skill_id, level]) => ({ user_id: ids[i], skill_id, level })));
  if (skills.length > 0)
    await db.execute(
      sql`insert into agent_skills (user_id, skill_id, level)
          select v.user_id, v.skill_id, v.level from json_to_recordset(${JSON.stringify(skills)}::json) as v(user_id int, skill_id int, level int)`,
    );
  return ids;
}

export interface ConversationSpec {
  requestedSkills?: RequestedSkill[];
  ruleId?: number | null;
  waitingSince?: Date;
  priority?: number;
  network?: string;
}

/** Waiting conversations of a campaign; returns their ids in order. */
export async function queueConversations(db: Db, campaignId: number, specs: ConversationSpec[]): Promise<number[]> {
  const tag = crypto.randomBytes(4).toString("hex");
  const now = Date.now();
  const list = specs.map((s, i) => ({
    thread: `t${tag}${i}`,
    skills: s.requestedSkills ?? [],
    rule: s.ruleId ?? null,
    since: (s.waitingSince ?? new Date(now - 1000 + i)).toISOString(),
    priority: s.priority ?? 5,
    network: s.network ?? "twitter",
  }));
  const out: number[] = [];
  for (let i = 0; i < list.length; i += 1000) {
    const created = await rows<{ id: number }>(
      db,
      sql`insert into conversations (campaign_id, network, thread_id, author_id, author_handle, author_name, requested_skills,
            matched_rule_id, waiting_since, priority, status)
          select ${campaignId}, v.network, v.thread, v.thread, v.thread, v.thread, v.skills, v.rule, v.since, v.priority, 'waiting'
          from json_to_recordset(${JSON.stringify(list.slice(i, i + 1000))}::json)
            as v(thread text, skills jsonb, rule int, since timestamptz, priority int, network text)
          returning id`,
    );
    out.push(...created.map((c) => Number(c.id)).sort((a, b) => a - b));
  }
  return out;
}

/** Conversations with two open assignments, and agents holding more than their capacity. */
export async function routingViolations(db: Db): Promise<{ doubleAssigned: number; overCapacity: number; countDrift: number }> {
  const [d] = await rows<{ n: number }>(
    db,
    sql`select count(*)::int as n from (select conversation_id from assignments where ended_at is null group by conversation_id having count(*) > 1) x`,
  );
  const [o] = await rows<{ n: number }>(
    db,
    sql`select count(*)::int as n from (
          select a.agent_id from assignments a join agent_profiles ap on ap.user_id = a.agent_id
          where a.ended_at is null group by a.agent_id, ap.max_conversations having count(*) > ap.max_conversations) x`,
  );
  const [c] = await rows<{ n: number }>(
    db,
    sql`select count(*)::int as n from agent_presence p
        where p.active_count <> (select count(*) from assignments a where a.agent_id = p.user_id and a.ended_at is null)`,
  );
  return { doubleAssigned: Number(d.n), overCapacity: Number(o.n), countDrift: Number(c.n) };
}
