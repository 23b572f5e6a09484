import { and, asc, eq, exists, isNull, sql } from "drizzle-orm";
import { getDb, rows } from "@/db/client";
import { agentPresence, supervisionGroupMembers, supervisionGroups, users } from "@/db/schema";
import { can, type Principal } from "@/lib/auth/permissions";

export type BoardScope = { kind: "all" } | { kind: "groups"; groups: string[] };

/**
 * Who the viewer may watch, from the permission table: with "supervision.allAgents" (admins) every
 * agent; with "supervision.view" only the agents of the (active) supervision groups it supervises —
 * none while it supervises no group; without supervision nobody.
 */
export async function boardScope(viewer: Principal): Promise<BoardScope> {
  if (!can(viewer, "supervision.view")) return { kind: "groups", groups: [] };
  if (can(viewer, "supervision.allAgents")) return { kind: "all" };
  const db = await getDb();
  const rows = await db
    .select({ name: supervisionGroups.name })
    .from(supervisionGroupMembers)
    .innerJoin(supervisionGroups, eq(supervisionGroups.id, supervisionGroupMembers.groupId))
    .where(
      and(
        eq(supervisionGroupMembers.userId, viewer.id),
        eq(supervisionGroupMembers.role, "supervisor"),
        isNull(supervisionGroups.archivedAt),
      ),
    )
    .orderBy(asc(supervisionGroups.name));
  return { kind: "groups", groups: rows.map((r) => r.name) };
}

// Subqueries name the outer row `users.id` in raw SQL so they never bind to their own `id`.
/** Live agent states with the conversation each one is handling, limited to what `viewer` may see. */
export async function agentBoard(viewer: Principal) {
  const db = await getDb();
  const scope = await boardScope(viewer);
  const mine = db
    .select({ one: sql`1` })
    .from(supervisionGroupMembers)
    .innerJoin(supervisionGroups, and(eq(supervisionGroups.id, supervisionGroupMembers.groupId), isNull(supervisionGroups.archivedAt)))
    .where(
      and(
        eq(supervisionGroupMembers.userId, users.id),
        eq(supervisionGroupMembers.role, "agent"),
        sql`${supervisionGroupMembers.groupId} in (select m.group_id from supervision_group_members m where m.user_id = ${viewer.id} and m.role = 'supervisor')`,
      ),
    );
  const agents =
    scope.kind === "groups" && scope.groups.length === 0
      ? []
      : await db
          .select({
            id: users.id,
            login: users.login,
            name: users.name,
            state: sql<string>`coalesce(${agentPresence.state}, 'offline')`,
            since: agentPresence.since,
            handling: sql<number>`(select count(*)::int from conversations c where c.assigned_agent_id = users.id and c.status = 'assigned')`,
            closedToday: sql<number>`(select count(*)::int from conversations c where c.qualified_by = users.id and c.closed_at >= date_trunc('day', now()))`,
          })
          .from(users)
          .leftJoin(agentPresence, eq(agentPresence.userId, users.id))
          .where(and(eq(users.role, "agent"), isNull(users.archivedAt), scope.kind === "all" ? undefined : exists(mine)))
          .orderBy(asc(users.login));
  return { scope, agents };
}

export interface CurrentAssignment {
  agentId: number;
  conversationId: number;
  authorHandle: string;
  network: string;
  state: "offered" | "accepted";
  why: string;
  level: number | null;
  skillName: string | null;
  rule: { element: string; operator: string; value: string } | null;
}

/** Each agent's open assignments with why routing gave them to him (rule, skill and level, overflow, any). */
export async function currentAssignments(agentIds: number[]): Promise<Map<number, CurrentAssignment[]>> {
  const out = new Map<number, CurrentAssignment[]>();
  if (agentIds.length === 0) return out;
  const db = await getDb();
  const list = await rows<{
    agent_id: number;
    conversation_id: number;
    author_handle: string;
    network: string;
    state: "offered" | "accepted";
    why: string;
    level: number | null;
    skill_name: string | null;
    element: string | null;
    operator: string | null;
    value: string | null;
  }>(
    db,
    sql`select a.agent_id, a.conversation_id, c.author_handle, c.network, a.state, a.why, a.level, s.name as skill_name,
               r.element, r.operator, r.value
        from assignments a
        join conversations c on c.id = a.conversation_id
        left join skills s on s.id = a.skill_id
        left join distribution_rules r on r.id = a.rule_id
        where a.ended_at is null and a.agent_id = any(${`{${agentIds.join(",")}}`}::int[])
        order by a.offered_at, a.id`,
  );
  for (const r of list) {
    const agentId = Number(r.agent_id);
    const item: CurrentAssignment = {
      agentId,
      conversationId: Number(r.conversation_id),
      authorHandle: r.author_handle,
      network: r.network,
      state: r.state,
      why: r.why,
      level: r.level === null ? null : Number(r.level),
      skillName: r.skill_name,
      rule: r.element && r.operator && r.value !== null ? { element: r.element, operator: r.operator, value: r.value } : null,
    };
    out.set(agentId, [...(out.get(agentId) ?? []), item]);
  }
  return out;
}
