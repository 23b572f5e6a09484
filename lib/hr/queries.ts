import { distributionRuleUsersOfSkill } from "@/lib/distribution/queries";
import { campaignsRequiringSkill } from "@/lib/admin/usage";
import { and, asc, eq, exists, ilike, inArray, isNotNull, isNull, or, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { agentSkills, skillGroups, skills, users } from "@/db/schema";
import { likePattern, type ListParams } from "@/lib/admin/list";
import { pagedList } from "@/lib/admin/list-query";

export const skillGroupSortable = ["name", "updatedAt"] as const;

// Outer columns inside the subqueries below are written as raw SQL (`skills.id`): drizzle prints
// a single-table query's selected columns unqualified, and `id` would then bind to the inner table.
/**
 * The skills page: skill groups (searched by their name or one of their skills' names) with
 * their skills. With `archived=1`, archived groups and groups holding archived skills.
 */
export async function listSkillGroups(params: ListParams) {
  const db = await getDb();
  const showArchived = params.archived === "1";
  const pattern = params.q ? likePattern(params.q) : null;
  const skillMatch = (archivedSkills: boolean) =>
    exists(
      db
        .select({ one: sql`1` })
        .from(skills)
        .where(
          and(
            eq(skills.groupId, skillGroups.id),
            archivedSkills ? isNotNull(skills.archivedAt) : undefined,
            pattern ? ilike(skills.name, pattern) : undefined,
          ),
        ),
    );
  const page = await pagedList(db, params, {
    query: () =>
      db
        .select({
          id: skillGroups.id,
          name: skillGroups.name,
          description: skillGroups.description,
          archivedAt: skillGroups.archivedAt,
          updatedAt: skillGroups.updatedAt,
        })
        .from(skillGroups)
        .$dynamic(),
    archived: (show) => (show ? or(isNotNull(skillGroups.archivedAt), skillMatch(true)) : isNull(skillGroups.archivedAt)),
    search: (q) => or(ilike(skillGroups.name, likePattern(q)), skillMatch(false)),
    sortable: { name: skillGroups.name, updatedAt: skillGroups.updatedAt },
    tiebreak: skillGroups.id,
  });
  const groups = page.rows;
  const members = groups.length
    ? await db
        .select({
          id: skills.id,
          groupId: skills.groupId,
          name: skills.name,
          description: skills.description,
          archivedAt: skills.archivedAt,
          updatedAt: skills.updatedAt,
          agents: sql<number>`(select count(*)::int from agent_skills a join users u on u.id = a.user_id where a.skill_id = skills.id and u.archived_at is null)`,
        })
        .from(skills)
        .where(
          and(
            inArray(
              skills.groupId,
              groups.map((g) => g.id),
            ),
            showArchived ? undefined : isNull(skills.archivedAt),
          ),
        )
        .orderBy(asc(skills.name))
    : [];
  return { ...page, rows: groups.map((g) => ({ ...g, skills: members.filter((s) => s.groupId === g.id) })) };
}

export { skillTree, type SkillTree } from "./skill-tree";

/**
 * Names of what uses a skill; archiving is refused while the list is not empty. Agents holding
 * it today; distribution rules and campaign requirements add their own lines here.
 */
export async function skillUsers(id: number): Promise<string[]> {
  const db = await getDb();
  const agents = await db
    .select({ login: users.login, name: users.name })
    .from(agentSkills)
    .innerJoin(users, eq(users.id, agentSkills.userId))
    .where(and(eq(agentSkills.skillId, id), isNull(users.archivedAt)))
    .orderBy(asc(users.login));
  return [
    ...agents.map((a) => `${a.name} (${a.login})`),
    ...(await distributionRuleUsersOfSkill(id)),
    ...(await campaignsRequiringSkill(id)),
  ];
}

/** Names of what uses a skill group: whatever uses one of its active skills, plus direct users. */
export async function skillGroupUsers(id: number): Promise<string[]> {
  const db = await getDb();
  const members = await db
    .select({ id: skills.id })
    .from(skills)
    .where(and(eq(skills.groupId, id), isNull(skills.archivedAt)));
  const names = new Set<string>();
  for (const s of members) for (const name of await skillUsers(s.id)) names.add(name);
  return [...names];
}
