import { describe, it, expect, vi, beforeEach, beforeAll } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditLog, distributionRuleGroups, distributionRules, skillGroups, skills } from "@/db/schema";
import {
  distributionRuleUsersOfSkill,
  distributionRuleUsersOfSkillGroup,
  distributionRulesForRouting,
  getDistributionGroup,
  listDistributionGroups,
  skillChoices,
} from "@/lib/distribution/queries";
import { parseListParams } from "@/lib/admin/list";
import { requiredSkills } from "@/lib/distribution/evaluate";
import { setupDemoWorkspace } from "./demo-fixture";
import { signInAs } from "./session";

vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { createDistributionGroupAction, updateDistributionGroupAction, archiveDistributionGroupAction } =
  await import("@/app/(admin)/admin/distribution-rules/actions");

describe("distribution rule groups administration", () => {
  const w = setupDemoWorkspace();
  const ids = { languages: 0, english: 0, spanish: 0, vip: 0, senior: 0, oldSkill: 0 };
  beforeAll(async () => {
    const [languages, vip] = await w.db
      .insert(skillGroups)
      .values([{ name: "Langues" }, { name: "Clients VIP" }])
      .returning();
    const [english, spanish, oldSkill] = await w.db
      .insert(skills)
      .values([
        { groupId: languages.id, name: "Anglais" },
        { groupId: languages.id, name: "Espagnol" },
        { groupId: languages.id, name: "Latin", archivedAt: new Date() },
      ])
      .returning();
    const [senior] = await w.db.insert(skills).values({ groupId: vip.id, name: "Influenceurs" }).returning();
    Object.assign(ids, {
      languages: languages.id,
      english: english.id,
      spanish: spanish.id,
      vip: vip.id,
      senior: senior.id,
      oldSkill: oldSkill.id,
    });
  });
  beforeEach(() => {
    signInAs(w.state.adminId);
  });

  const english = () => ({
    element: "lang" as const,
    operator: "equals" as const,
    value: "EN",
    skillGroupId: ids.languages,
    skillId: ids.english,
    minLevel: 3,
  });
  const influencers = () => ({
    element: "followers" as const,
    operator: "gte" as const,
    value: "10000",
    skillGroupId: ids.vip,
    skillId: ids.senior,
    minLevel: 8,
  });

  async function groupNamed(name: string) {
    const [row] = await w.db
      .select({ id: distributionRuleGroups.id })
      .from(distributionRuleGroups)
      .where(eq(distributionRuleGroups.name, name));
    return (await getDistributionGroup(row.id))!;
  }

  it("offers only active skills, by group", async () => {
    const choices = await skillChoices();
    expect(choices.find((g) => g.id === ids.languages)!.skills.map((s) => s.name)).toEqual(["Anglais", "Espagnol"]);
  });

  it("creates a group with two ordered rules, values normalised, and records who did it", async () => {
    const result = await createDistributionGroupAction({
      name: "Routage principal",
      description: "Langues puis VIP",
      rules: [english(), influencers()],
    });
    expect(result.ok).toBe(true);
    const g = await groupNamed("Routage principal");
    expect(g.rules).toEqual([
      {
        element: "lang",
        operator: "equals",
        value: "en",
        skillGroupId: ids.languages,
        skillGroupName: "Langues",
        skillId: ids.english,
        skillName: "Anglais",
        minLevel: 3,
      },
      {
        element: "followers",
        operator: "gte",
        value: "10000",
        skillGroupId: ids.vip,
        skillGroupName: "Clients VIP",
        skillId: ids.senior,
        skillName: "Influenceurs",
        minLevel: 8,
      },
    ]);
    const [audit] = await w.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.objectType, "distribution_rule_group"), eq(auditLog.objectId, g.id)));
    expect(audit).toMatchObject({ action: "create", userLogin: "admin", objectLabel: "Routage principal" });
  });

  it("refuses a duplicate name with a field error, also when two admins save at once", async () => {
    expect(await createDistributionGroupAction({ name: "Routage principal", rules: [english()] })).toMatchObject({
      ok: false,
      fieldErrors: { name: ["adminCommon.errors.duplicate"] },
    });
    const both = await Promise.all([
      createDistributionGroupAction({ name: "Course", rules: [english()] }),
      createDistributionGroupAction({ name: "Course", rules: [influencers()] }),
    ]);
    expect(both.filter((r) => r.ok)).toHaveLength(1);
    expect(both.find((r) => !r.ok)).toMatchObject({ error: "adminCommon.errors.duplicate" });
    const g = await groupNamed("Course");
    expect(g.rules).toHaveLength(1);
  });

  it("reorders rules, and the evaluator then lets the new first rule win", async () => {
    const g = await groupNamed("Routage principal");
    const message = { lang: "en", text: "Hello", network: "twitter", isPrivate: false, authorFollowers: 50_000 };
    expect(requiredSkills(await distributionRulesForRouting(g.id), message)).toEqual([{ skillId: ids.english, minLevel: 3 }]);
    const rules = g.rules.map(({ element, operator, value, skillGroupId, skillId, minLevel }) => ({
      element: element as "lang",
      operator: operator as "equals",
      value,
      skillGroupId,
      skillId,
      minLevel,
    }));
    const result = await updateDistributionGroupAction({
      id: g.id,
      version: g.updatedAt.toISOString(),
      name: g.name,
      description: g.description,
      rules: [rules[1], rules[0]],
    });
    expect(result.ok).toBe(true);
    expect((await groupNamed("Routage principal")).rules.map((r) => r.element)).toEqual(["followers", "lang"]);
    expect(requiredSkills(await distributionRulesForRouting(g.id), message)).toEqual([{ skillId: ids.senior, minLevel: 8 }]);
  });

  it("lists groups with their rule count, searched and sorted", async () => {
    const page = await listDistributionGroups(parseListParams({ q: "routage" }, ["name", "updatedAt"]));
    expect(page.rows.map((r) => [r.name, r.rules])).toEqual([["Routage principal", 2]]);
    const all = await listDistributionGroups(parseListParams({ sort: "name", dir: "desc" }, ["name", "updatedAt"]));
    expect(all.rows.map((r) => r.name)).toEqual(["Routage principal", "Course"]);
  });

  it("lets only one of two admins saving the same version win", async () => {
    const g = await groupNamed("Course");
    const form = { id: g.id, version: g.updatedAt.toISOString(), name: g.name, description: "" };
    const both = await Promise.all([
      updateDistributionGroupAction({ ...form, rules: [english()] }),
      updateDistributionGroupAction({ ...form, rules: [influencers(), english()] }),
    ]);
    expect(both.filter((r) => r.ok)).toHaveLength(1);
    expect(both.find((r) => !r.ok)).toMatchObject({ error: "adminCommon.errors.stale" });
  });

  it("refuses an invalid value, an operator foreign to the element, or a skill outside its group, saving nothing", async () => {
    const before = await w.db.select().from(distributionRules);
    expect(await createDistributionGroupAction({ name: "Invalide", rules: [{ ...english(), value: "english" }] })).toMatchObject({
      ok: false,
      fieldErrors: { "rules.0.value": ["distribution.errors.lang"] },
    });
    expect(
      await createDistributionGroupAction({ name: "Invalide", rules: [english(), { ...influencers(), operator: "contains" }] }),
    ).toMatchObject({
      ok: false,
      fieldErrors: { "rules.1.operator": ["distribution.errors.operator"] },
    });
    expect(
      await createDistributionGroupAction({ name: "Invalide", rules: [english(), { ...english(), skillGroupId: ids.vip }] }),
    ).toMatchObject({
      ok: false,
      error: "distribution.errors.skillUnknown",
      fieldErrors: { "rules.1.skillId": ["distribution.errors.skillUnknown"] },
    });
    expect(await createDistributionGroupAction({ name: "Invalide", rules: [{ ...english(), skillId: ids.oldSkill }] })).toMatchObject({
      ok: false,
      fieldErrors: { "rules.0.skillId": ["distribution.errors.skillUnknown"] },
    });
    expect(await w.db.select().from(distributionRuleGroups).where(eq(distributionRuleGroups.name, "Invalide"))).toHaveLength(0);
    expect(await w.db.select().from(distributionRules)).toHaveLength(before.length);
  });

  it("names the rule groups that use a skill or a skill group, archived groups aside", async () => {
    const current = await groupNamed("Course");
    const saved = await updateDistributionGroupAction({
      id: current.id,
      version: current.updatedAt.toISOString(),
      name: "Course",
      rules: [english(), influencers()],
    });
    expect(saved.ok).toBe(true);
    expect(await distributionRuleUsersOfSkill(ids.senior)).toEqual(["Course", "Routage principal"]);
    expect(await distributionRuleUsersOfSkill(ids.spanish)).toEqual([]);
    expect(await distributionRuleUsersOfSkillGroup(ids.languages)).toEqual(["Course", "Routage principal"]);
    const course = await groupNamed("Course");
    expect((await archiveDistributionGroupAction({ id: course.id, archived: true })).ok).toBe(true);
    expect(await distributionRuleUsersOfSkillGroup(ids.languages)).toEqual(["Routage principal"]);
    expect((await archiveDistributionGroupAction({ id: course.id, archived: false })).ok).toBe(true);
    const [restored] = await w.db.select().from(distributionRuleGroups).where(eq(distributionRuleGroups.id, course.id));
    expect(restored.archivedAt).toBeNull();
  });

  it("refuses to archive a group used by a campaign, naming the campaign", async () => {
    const g = await groupNamed("Routage principal");
    await w.setCampaign({ distributionGroupId: g.id });
    expect(await archiveDistributionGroupAction({ id: g.id, archived: true })).toEqual({
      ok: false,
      error: "adminCommon.errors.inUse",
      params: { users: "Démo Twitter" },
    });
    const [row] = await w.db.select().from(distributionRuleGroups).where(eq(distributionRuleGroups.id, g.id));
    expect(row.archivedAt).toBeNull();
  });

  it("refuses every distribution action to an agent calling it directly, changing nothing", async () => {
    const g = await groupNamed("Routage principal");
    const rulesBefore = await w.db.select().from(distributionRules);
    signInAs(w.state.agents[0]);
    expect(await createDistributionGroupAction({ name: "Agent", rules: [english()] })).toEqual({ ok: false, error: "errors.forbidden" });
    expect(
      await updateDistributionGroupAction({ id: g.id, version: g.updatedAt.toISOString(), name: "Piraté", rules: [english()] }),
    ).toEqual({ ok: false, error: "errors.forbidden" });
    expect(await archiveDistributionGroupAction({ id: g.id, archived: true })).toEqual({ ok: false, error: "errors.forbidden" });
    expect(await w.db.select().from(distributionRuleGroups).where(eq(distributionRuleGroups.name, "Agent"))).toHaveLength(0);
    const [after] = await w.db.select().from(distributionRuleGroups).where(eq(distributionRuleGroups.id, g.id));
    expect(after).toMatchObject({ name: "Routage principal", archivedAt: null });
    expect(await w.db.select().from(distributionRules)).toEqual(rulesBefore);
  });
});
