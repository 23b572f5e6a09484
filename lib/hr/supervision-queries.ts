import { and, asc, eq, isNull, not, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { agentProfiles, supervisionGroupMembers, supervisionGroups, users } from "@/db/schema";
import type { ListParams } from "@/lib/admin/list";
import { pagedList } from "@/lib/admin/list-query";
import { holdsPermission } from "@/lib/auth/permission-sql";
import { supervisorMiscRights, type SupervisionRight } from "./options";

/**
 * Who can supervise a group: whoever the permission table lets view supervision (a supervisor
 * account, an agent given the supervision right — step 9) but not already every agent (admins).
 */
export const canSupervise = () => and(holdsPermission("supervision.view"), not(holdsPermission("supervision.allAgents")));

// Outer columns inside the subqueries below are written as raw SQL (`users.id`): drizzle prints
// a single-table query's selected columns unqualified, and `id` would then bind to the inner table.
export const supervisorSortable = ["login", "name", "updatedAt"] as const;

export async function listSupervisors(params: ListParams) {
  const db = await getDb();
  return pagedList(db, params, {
    query: () =>
      db
        .select({
          id: users.id,
          login: users.login,
          name: users.name,
          role: users.role,
          rights: users.rights,
          archivedAt: users.archivedAt,
          groups: sql<
            string[]
          >`coalesce((select array_agg(g.name order by g.name) from supervision_group_members m join supervision_groups g on g.id = m.group_id where m.user_id = users.id and m.role = 'supervisor' and g.archived_at is null), '{}')`,
        })
        .from(users)
        .$dynamic(),
    where: canSupervise(),
    search: [users.login, users.name],
    sortable: { login: users.login, name: users.name, updatedAt: users.updatedAt },
    tiebreak: users.id,
    archived: users.archivedAt,
  });
}

/** A supervisor account (role supervisor); agents with the right are edited on the agent page. */
export async function getSupervisor(id: number) {
  const db = await getDb();
  const [user] = await db
    .select({
      id: users.id,
      login: users.login,
      name: users.name,
      rights: users.rights,
      archivedAt: users.archivedAt,
      updatedAt: users.updatedAt,
      supervisionRights: agentProfiles.supervisionRights,
      miscRights: agentProfiles.miscRights,
    })
    .from(users)
    .leftJoin(agentProfiles, eq(agentProfiles.userId, users.id))
    .where(and(eq(users.id, id), eq(users.role, "supervisor")));
  if (!user) return null;
  const groups = await db
    .select({ id: supervisionGroupMembers.groupId })
    .from(supervisionGroupMembers)
    .innerJoin(supervisionGroups, eq(supervisionGroups.id, supervisionGroupMembers.groupId))
    .where(
      and(eq(supervisionGroupMembers.userId, id), eq(supervisionGroupMembers.role, "supervisor"), isNull(supervisionGroups.archivedAt)),
    );
  return {
    ...user,
    supervisionRights: (user.supervisionRights ?? []) as SupervisionRight[],
    miscRights: supervisorMiscRights.filter((r) => (user.miscRights ?? []).includes(r)),
    groupIds: groups.map((g) => g.id),
  };
}

export const supervisionGroupSortable = ["name", "updatedAt"] as const;

export async function listSupervisionGroups(params: ListParams) {
  const db = await getDb();
  const members = (role: "supervisor" | "agent") =>
    sql<
      string[]
    >`coalesce((select array_agg(u.name order by u.name) from supervision_group_members m join users u on u.id = m.user_id where m.group_id = supervision_groups.id and m.role = ${role} and u.archived_at is null), '{}')`;
  return pagedList(db, params, {
    query: () =>
      db
        .select({
          id: supervisionGroups.id,
          name: supervisionGroups.name,
          description: supervisionGroups.description,
          archivedAt: supervisionGroups.archivedAt,
          supervisors: members("supervisor"),
          agents: sql<number>`(select count(*)::int from supervision_group_members m join users u on u.id = m.user_id where m.group_id = supervision_groups.id and m.role = 'agent' and u.archived_at is null)`,
        })
        .from(supervisionGroups)
        .$dynamic(),
    search: [supervisionGroups.name, supervisionGroups.description],
    sortable: { name: supervisionGroups.name, updatedAt: supervisionGroups.updatedAt },
    tiebreak: supervisionGroups.id,
    archived: supervisionGroups.archivedAt,
  });
}

export async function getSupervisionGroup(id: number) {
  const db = await getDb();
  const [group] = await db.select().from(supervisionGroups).where(eq(supervisionGroups.id, id));
  if (!group) return null;
  const members = await db
    .select({ userId: supervisionGroupMembers.userId, role: supervisionGroupMembers.role })
    .from(supervisionGroupMembers)
    .where(eq(supervisionGroupMembers.groupId, id));
  return {
    ...group,
    supervisorIds: members.filter((m) => m.role === "supervisor").map((m) => m.userId),
    agentIds: members.filter((m) => m.role === "agent").map((m) => m.userId),
  };
}

/** Who can be put in a supervision group: supervisors on one side, agents on the other. */
export async function memberCandidates() {
  const db = await getDb();
  const [supervisors, agents] = await Promise.all([
    db
      .select({ id: users.id, login: users.login, name: users.name })
      .from(users)
      .where(and(canSupervise(), isNull(users.archivedAt)))
      .orderBy(asc(users.name)),
    db
      .select({ id: users.id, login: users.login, name: users.name })
      .from(users)
      .where(and(eq(users.role, "agent"), isNull(users.archivedAt)))
      .orderBy(asc(users.login)),
  ]);
  return { supervisors, agents };
}

/**
 * Names of what uses a supervision group: its supervisors, whose supervision page it limits.
 * Archiving is refused while it has any, so nobody silently loses sight of a team.
 */
export async function supervisionGroupUsers(id: number): Promise<string[]> {
  const db = await getDb();
  const rows = await db
    .select({ login: users.login, name: users.name })
    .from(supervisionGroupMembers)
    .innerJoin(users, eq(users.id, supervisionGroupMembers.userId))
    .where(and(eq(supervisionGroupMembers.groupId, id), eq(supervisionGroupMembers.role, "supervisor"), isNull(users.archivedAt)))
    .orderBy(asc(users.name));
  return rows.map((r) => `${r.name} (${r.login})`);
}
