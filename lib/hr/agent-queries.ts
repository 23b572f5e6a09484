import { and, asc, count, eq, inArray, isNull, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { agentProfiles, agentSkills, conversations, supervisionGroupMembers, supervisionGroups, users } from "@/db/schema";
import type { ListParams } from "@/lib/admin/list";
import { pagedList } from "@/lib/admin/list-query";
import { defaultProfile, type AgentProfileValues } from "./agent.schema";

export const agentSortable = ["login", "name", "updatedAt"] as const;

// Outer columns inside the subqueries below are written as raw SQL (`users.id`): drizzle prints
// a single-table query's selected columns unqualified, and `id` would then bind to the inner table.
export async function listAgents(params: ListParams) {
  const db = await getDb();
  return pagedList(db, params, {
    query: () =>
      db
        .select({
          id: users.id,
          login: users.login,
          name: users.name,
          rights: users.rights,
          archivedAt: users.archivedAt,
          skills: sql<number>`(select count(*)::int from agent_skills s where s.user_id = users.id)`,
          groups: sql<
            string[]
          >`coalesce((select array_agg(g.name order by g.name) from supervision_group_members m join supervision_groups g on g.id = m.group_id where m.user_id = users.id and g.archived_at is null), '{}')`,
        })
        .from(users)
        .$dynamic(),
    where: eq(users.role, "agent"),
    search: [users.login, users.name],
    sortable: { login: users.login, name: users.name, updatedAt: users.updatedAt },
    tiebreak: users.id,
    archived: users.archivedAt,
  });
}

/** One HR account with everything its page shows (never the password hash). */
export async function getAgentAccount(id: number) {
  const db = await getDb();
  const [user] = await db
    .select({
      id: users.id,
      login: users.login,
      name: users.name,
      role: users.role,
      rights: users.rights,
      archivedAt: users.archivedAt,
      updatedAt: users.updatedAt,
    })
    .from(users)
    .where(eq(users.id, id));
  if (!user) return null;
  const [[profile], skillRows, groupRows] = await Promise.all([
    db.select().from(agentProfiles).where(eq(agentProfiles.userId, id)),
    db.select({ skillId: agentSkills.skillId, level: agentSkills.level }).from(agentSkills).where(eq(agentSkills.userId, id)),
    db
      .select({ groupId: supervisionGroupMembers.groupId, role: supervisionGroupMembers.role })
      .from(supervisionGroupMembers)
      .innerJoin(supervisionGroups, eq(supervisionGroups.id, supervisionGroupMembers.groupId))
      .where(and(eq(supervisionGroupMembers.userId, id), isNull(supervisionGroups.archivedAt))),
  ]);
  // Accounts created before profiles existed (e.g. the demo ones) show the defaults.
  const values: AgentProfileValues = {
    ...defaultProfile,
    ...(profile
      ? {
          hangUpAfterCall: profile.hangUpAfterCall,
          directlyReady: profile.directlyReady,
          autoAnswer: profile.autoAnswer,
          mediaChannels: profile.mediaChannels,
          maxConversations: profile.maxConversations,
          personalCallbacks: profile.personalCallbacks,
          workspace: profile.workspace,
          displayOptions: profile.displayOptions,
          telephonyRights: profile.telephonyRights,
          supervisionRights: profile.supervisionRights,
          miscRights: profile.miscRights,
        }
      : {}),
    rights: user.rights,
    skills: skillRows,
    groups: groupRows,
  };
  return { ...user, profile: values };
}

/** Active supervision groups, for the Supervision groups tab and the supervisor form. */
export async function supervisionGroupOptions() {
  const db = await getDb();
  return db
    .select({ id: supervisionGroups.id, name: supervisionGroups.name })
    .from(supervisionGroups)
    .where(isNull(supervisionGroups.archivedAt))
    .orderBy(asc(supervisionGroups.name));
}

/** Which of these logins already belong to an account (archived ones included: logins stay taken). */
export async function takenLogins(logins: string[]): Promise<string[]> {
  if (logins.length === 0) return [];
  const db = await getDb();
  const rows = await db
    .select({ login: users.login })
    .from(users)
    .where(
      inArray(
        sql`lower(${users.login})`,
        logins.map((l) => l.toLowerCase()),
      ),
    );
  return rows.map((r) => r.login).sort();
}

/** Conversations an agent is handling right now: archiving would strand them. */
export async function agentOpenConversations(id: number): Promise<number> {
  const db = await getDb();
  const [{ n }] = await db
    .select({ n: count() })
    .from(conversations)
    .where(and(eq(conversations.assignedAgentId, id), eq(conversations.status, "assigned")));
  return n;
}
