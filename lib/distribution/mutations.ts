import { and, eq, inArray, isNull } from "drizzle-orm";
import type { z } from "zod";
import { getDb, type Tx } from "@/db/client";
import { distributionRuleGroups, distributionRules, skillGroups, skills } from "@/db/schema";
import { ActionError } from "@/lib/auth/action";
import { recordAudit, type AuditActor } from "@/lib/admin/audit";
import { uniqueOr } from "@/lib/admin/errors";
import { lockForUpdate, setArchived, updateRow } from "@/lib/admin/mutate";
import { distributionGroupUsers, readDistributionGroup } from "./queries";
import type { DistributionGroupValues, RuleValues, distributionGroupUpdateSchema } from "./rule.schema";

/** Every rule must point to an active skill of the chosen (active) skill group. */
async function refuseUnknownSkills(tx: Tx, rules: RuleValues[]) {
  const ids = [...new Set(rules.map((r) => r.skillId))];
  const found = await tx
    .select({ id: skills.id, groupId: skills.groupId })
    .from(skills)
    .innerJoin(skillGroups, eq(skillGroups.id, skills.groupId))
    .where(and(inArray(skills.id, ids), isNull(skills.archivedAt), isNull(skillGroups.archivedAt)));
  const groupOf = new Map(found.map((s) => [s.id, s.groupId]));
  const fieldErrors: Record<string, string[]> = {};
  rules.forEach((r, i) => {
    if (groupOf.get(r.skillId) !== r.skillGroupId) fieldErrors[`rules.${i}.skillId`] = ["distribution.errors.skillUnknown"];
  });
  if (Object.keys(fieldErrors).length > 0) throw new ActionError("distribution.errors.skillUnknown", fieldErrors);
}

/**
 * Rules are not referenced by anything else, so a save replaces the group's list: their order
 * is the list's order.
 */
async function replaceRules(tx: Tx, groupId: number, rules: RuleValues[]) {
  await refuseUnknownSkills(tx, rules);
  await tx.delete(distributionRules).where(eq(distributionRules.groupId, groupId));
  await tx.insert(distributionRules).values(
    rules.map((r, position) => ({
      groupId,
      position,
      element: r.element,
      operator: r.operator,
      value: r.value,
      skillId: r.skillId,
      minLevel: r.minLevel,
    })),
  );
}

export async function createDistributionGroup(actor: AuditActor, input: DistributionGroupValues) {
  const db = await getDb();
  return uniqueOr("name", () =>
    db.transaction(async (tx) => {
      const [row] = await tx.insert(distributionRuleGroups).values({ name: input.name, description: input.description }).returning();
      await replaceRules(tx, row.id, input.rules);
      const after = await readDistributionGroup(tx, row.id);
      await recordAudit(tx, actor, { action: "create", objectType: "distribution_rule_group", objectId: row.id, label: row.name, after });
      return row;
    }),
  );
}

export async function updateDistributionGroup(actor: AuditActor, input: z.output<typeof distributionGroupUpdateSchema>) {
  const db = await getDb();
  return uniqueOr("name", () =>
    db.transaction(async (tx) => {
      // Locking the group serialises two admins saving it: the second one sees a new version.
      await lockForUpdate(tx, distributionRuleGroups, input.id, input.version);
      const before = await readDistributionGroup(tx, input.id);
      const row = await updateRow(tx, distributionRuleGroups, input.id, { name: input.name, description: input.description });
      await replaceRules(tx, row.id, input.rules);
      const after = await readDistributionGroup(tx, row.id);
      await recordAudit(tx, actor, {
        action: "update",
        objectType: "distribution_rule_group",
        objectId: row.id,
        label: row.name,
        before,
        after,
      });
      return row;
    }),
  );
}

export async function setDistributionGroupArchived(actor: AuditActor, id: number, archived: boolean) {
  return setArchived(actor, distributionRuleGroups, id, archived, {
    objectType: "distribution_rule_group",
    label: (g) => g.name,
    usedBy: distributionGroupUsers,
  });
}
