import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { getDb, type Db, type Tx } from "@/db/client";
import { campaigns, distributionRuleGroups, distributionRules, skillGroups, skills } from "@/db/schema";
import type { ListParams } from "@/lib/admin/list";
import { pagedList } from "@/lib/admin/list-query";
import { skillTree, type SkillTree } from "@/lib/hr/skill-tree";
import type { EvaluatedRule } from "./evaluate";

export const distributionGroupSortable = ["name", "updatedAt"] as const;

export async function listDistributionGroups(params: ListParams) {
  const db = await getDb();
  const g = distributionRuleGroups;
  return pagedList(db, params, {
    query: () =>
      db
        .select({
          id: g.id,
          name: g.name,
          description: g.description,
          archivedAt: g.archivedAt,
          updatedAt: g.updatedAt,
          // Qualified by hand: drizzle writes ${g.id} as a bare "id", which the subquery would take as r.id.
          rules: sql<number>`(select count(*)::int from distribution_rules r where r.group_id = distribution_rule_groups.id)`,
        })
        .from(g)
        .$dynamic(),
    search: [g.name, g.description],
    sortable: { name: g.name, updatedAt: g.updatedAt },
    tiebreak: g.id,
    archived: g.archivedAt,
  });
}

/** A group with its rules in their order, each with its skill's group and names. */
export async function readDistributionGroup(db: Db | Tx, id: number) {
  const [group] = await db.select().from(distributionRuleGroups).where(eq(distributionRuleGroups.id, id));
  if (!group) return null;
  const rules = await db
    .select({
      element: distributionRules.element,
      operator: distributionRules.operator,
      value: distributionRules.value,
      skillGroupId: skills.groupId,
      skillGroupName: skillGroups.name,
      skillId: distributionRules.skillId,
      skillName: skills.name,
      minLevel: distributionRules.minLevel,
    })
    .from(distributionRules)
    .innerJoin(skills, eq(skills.id, distributionRules.skillId))
    .innerJoin(skillGroups, eq(skillGroups.id, skills.groupId))
    .where(eq(distributionRules.groupId, id))
    .orderBy(asc(distributionRules.position), asc(distributionRules.id));
  return { ...group, rules };
}

export async function getDistributionGroup(id: number) {
  return readDistributionGroup(await getDb(), id);
}

/** The rules routing evaluates for a campaign's group, in order (see evaluate.ts). */
export async function distributionRulesForRouting(groupId: number): Promise<EvaluatedRule[]> {
  const db = await getDb();
  return db
    .select({
      element: distributionRules.element,
      operator: distributionRules.operator,
      value: distributionRules.value,
      skillId: distributionRules.skillId,
      minLevel: distributionRules.minLevel,
    })
    .from(distributionRules)
    .where(eq(distributionRules.groupId, groupId))
    .orderBy(asc(distributionRules.position), asc(distributionRules.id));
}

/** Active skill groups and their active skills, for the rule form: the same tree agent forms offer. */
export const skillChoices = skillTree;
export type SkillChoices = SkillTree;

/** Active groups for the campaign's «Réception» tab. */
export async function distributionGroupOptions() {
  const db = await getDb();
  return db
    .select({ id: distributionRuleGroups.id, name: distributionRuleGroups.name })
    .from(distributionRuleGroups)
    .where(isNull(distributionRuleGroups.archivedAt))
    .orderBy(asc(distributionRuleGroups.name));
}

/** Names of the active campaigns using a rule group («Réception» tab): archiving waits for none. */
export async function distributionGroupUsers(id: number): Promise<string[]> {
  const db = await getDb();
  const rows = await db
    .select({ name: campaigns.name })
    .from(campaigns)
    .where(and(eq(campaigns.distributionGroupId, id), isNull(campaigns.archivedAt)))
    .orderBy(asc(campaigns.name));
  return rows.map((r) => r.name);
}

/** Names of the active rule groups with a rule on this skill: for refusing to archive the skill. */
export async function distributionRuleUsersOfSkill(skillId: number): Promise<string[]> {
  const db = await getDb();
  const rows = await db
    .selectDistinct({ name: distributionRuleGroups.name })
    .from(distributionRules)
    .innerJoin(distributionRuleGroups, eq(distributionRuleGroups.id, distributionRules.groupId))
    .where(and(eq(distributionRules.skillId, skillId), isNull(distributionRuleGroups.archivedAt)))
    .orderBy(asc(distributionRuleGroups.name));
  return rows.map((r) => r.name);
}

/** Same for a skill group: the active rule groups with a rule on one of its skills. */
export async function distributionRuleUsersOfSkillGroup(skillGroupId: number): Promise<string[]> {
  const db = await getDb();
  const rows = await db
    .selectDistinct({ name: distributionRuleGroups.name })
    .from(distributionRules)
    .innerJoin(distributionRuleGroups, eq(distributionRuleGroups.id, distributionRules.groupId))
    .innerJoin(skills, eq(skills.id, distributionRules.skillId))
    .where(and(eq(skills.groupId, skillGroupId), isNull(distributionRuleGroups.archivedAt)))
    .orderBy(asc(distributionRuleGroups.name));
  return rows.map((r) => r.name);
}
