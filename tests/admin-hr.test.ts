import { describe, it, expect, vi, beforeEach } from "vitest";
import { eq, inArray } from "drizzle-orm";
import {
  agentProfiles,
  agentSkills,
  assignments,
  auditLog,
  conversations,
  skillGroups,
  skills,
  supervisionGroupMembers,
  users,
} from "@/db/schema";
import { defaultProfile } from "@/lib/hr/agent.schema";
import { authenticate } from "@/lib/auth/login";
import { setupDemoWorkspace } from "./demo-fixture";
import { signInAs } from "./session";

vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const skillActions = await import("@/app/(admin)/admin/skills/actions");
const agentActions = await import("@/app/(admin)/admin/agents/actions");
const { runHrWizardAction } = await import("@/app/(admin)/admin/agents/wizard/actions");
const supervisorActions = await import("@/app/(admin)/admin/supervisors/actions");
const groupActions = await import("@/app/(admin)/admin/supervision-groups/actions");
const { agentBoard } = await import("@/lib/supervision/queries");
const { listSkillGroups } = await import("@/lib/hr/queries");
const { listAgents } = await import("@/lib/hr/agent-queries");
const { listSupervisionGroups, listSupervisors } = await import("@/lib/hr/supervision-queries");
const search = (q: string) => ({ q, sort: "name", dir: "asc" as const, page: 1, archived: "0" as const });

const profile = (over: Partial<typeof defaultProfile> = {}) => ({ ...defaultProfile, ...over });
const ok = <T>(r: { ok: true; data: T } | { ok: false; error: string }): T => {
  if (!r.ok) throw new Error(`action failed: ${r.error}`);
  return r.data;
};

describe("human resources administration", () => {
  const w = setupDemoWorkspace();
  const ids = { group: 0, skill: 0, agent: 0 };
  beforeEach(() => {
    signInAs(w.state.adminId);
  });

  it("creates skill groups and skills with names unique regardless of case", async () => {
    ids.group = ok(await skillActions.createSkillGroupAction({ name: "Langues", description: "" })).id;
    ids.skill = ok(await skillActions.createSkillAction({ groupId: ids.group, name: "Anglais", description: "" })).id;
    expect(await skillActions.createSkillGroupAction({ name: "langues", description: "" })).toMatchObject({
      ok: false,
      fieldErrors: { name: ["adminCommon.errors.duplicate"] },
    });
    expect(await skillActions.createSkillAction({ groupId: ids.group, name: "ANGLAIS", description: "" })).toMatchObject({
      ok: false,
      error: "adminCommon.errors.duplicate",
    });
    // The same skill name in another group is another skill.
    const other = ok(await skillActions.createSkillGroupAction({ name: "Produits", description: "" })).id;
    expect((await skillActions.createSkillAction({ groupId: other, name: "Anglais", description: "" })).ok).toBe(true);
    const [audit] = await w.db.select().from(auditLog).where(eq(auditLog.objectType, "skill_group"));
    expect(audit).toMatchObject({ action: "create", userLogin: "admin", objectLabel: "Langues" });
  });

  it("creates an agent whose generated password signs in, shown once and never stored in clear", async () => {
    const result = await agentActions.createAgentAction({
      code: "3000",
      name: "Alice Martin",
      ...profile({ skills: [{ skillId: ids.skill, level: 7 }], autoAnswer: true }),
    });
    const account = ok(result);
    ids.agent = account.id;
    expect(account.password).toHaveLength(16);
    const signIn = await authenticate("3000", account.password);
    expect(signIn).toMatchObject({ ok: true, user: { login: "3000", name: "Alice Martin", role: "agent" } });
    const [row] = await w.db.select().from(users).where(eq(users.id, account.id));
    expect(row.passwordHash).not.toContain(account.password);
    expect(await w.db.select({ level: agentSkills.level }).from(agentSkills).where(eq(agentSkills.userId, account.id))).toEqual([
      { level: 7 },
    ]);
    const [p] = await w.db.select().from(agentProfiles).where(eq(agentProfiles.userId, account.id));
    expect(p.autoAnswer).toBe(true);
    const audits = await w.db.select().from(auditLog).where(eq(auditLog.objectId, account.id));
    expect(JSON.stringify(audits)).not.toContain(account.password);
  });

  it("refuses a taken or malformed agent code, also when two admins save the same code at once", async () => {
    expect(await agentActions.createAgentAction({ code: "1000", name: "Doublon", ...profile() })).toMatchObject({
      ok: false,
      fieldErrors: { code: ["hr.errors.codeTaken"] },
    });
    expect(await agentActions.createAgentAction({ code: "12a4", name: "X", ...profile() })).toMatchObject({
      ok: false,
      fieldErrors: { code: ["hr.errors.codeFormat"] },
    });
    const both = await Promise.all([
      agentActions.createAgentAction({ code: "3100", name: "Premier", ...profile() }),
      agentActions.createAgentAction({ code: "3100", name: "Second", ...profile() }),
    ]);
    expect(both.filter((r) => r.ok)).toHaveLength(1);
    expect(both.find((r) => !r.ok)).toMatchObject({ error: "hr.errors.codeTaken" });
    expect(await w.db.select().from(users).where(eq(users.login, "3100"))).toHaveLength(1);
  });

  it("refuses supervision rights and a supervisor role to an account without the supervision right", async () => {
    const r = await agentActions.createAgentAction({ code: "3200", name: "Y", ...profile({ supervisionRights: ["reassign"] }) });
    expect(r).toMatchObject({ ok: false, fieldErrors: { supervisionRights: ["hr.errors.supervisionRightsNeedRight"] } });
  });

  it("regenerating the password invalidates the old one at once", async () => {
    const first = ok(await agentActions.createAgentAction({ code: "3300", name: "Bruno", ...profile() }));
    const second = ok(await agentActions.regenerateAgentPasswordAction({ id: first.id }));
    expect(second.password).not.toBe(first.password);
    expect(await authenticate("3300", first.password)).toEqual({ ok: false, reason: "invalid" });
    expect((await authenticate("3300", second.password)).ok).toBe(true);
    // The key button of the agents page cannot reset the administrator's password.
    expect(await agentActions.regenerateAgentPasswordAction({ id: w.state.adminId })).toMatchObject({
      ok: false,
      error: "adminCommon.errors.notFound",
    });
  });

  it("refuses to archive a skill or its group while an agent holds it, naming the agent, then accepts", async () => {
    const listed = await listSkillGroups(search("Langues"));
    expect(listed.rows.map((g) => [g.name, g.skills.map((s) => [s.name, s.agents])])).toEqual([["Langues", [["Anglais", 1]]]]);
    expect(await skillActions.archiveSkillAction({ id: ids.skill, archived: true })).toEqual({
      ok: false,
      error: "adminCommon.errors.inUse",
      params: { users: "Alice Martin (3000)" },
    });
    expect(await skillActions.archiveSkillGroupAction({ id: ids.group, archived: true })).toEqual({
      ok: false,
      error: "adminCommon.errors.inUse",
      params: { users: "Alice Martin (3000)" },
    });
    const [agent] = await w.db.select().from(users).where(eq(users.id, ids.agent));
    ok(
      await agentActions.updateAgentAction({
        id: ids.agent,
        version: agent.updatedAt.toISOString(),
        code: "3000",
        name: "Alice Martin",
        ...profile({ skills: [] }),
      }),
    );
    expect((await skillActions.archiveSkillAction({ id: ids.skill, archived: true })).ok).toBe(true);
    expect((await skillActions.archiveSkillGroupAction({ id: ids.group, archived: true })).ok).toBe(true);
    const [s] = await w.db.select().from(skills).where(eq(skills.id, ids.skill));
    const [g] = await w.db.select().from(skillGroups).where(eq(skillGroups.id, ids.group));
    expect(s.archivedAt).not.toBeNull();
    expect(g.archivedAt).not.toBeNull();
    // An archived skill can no longer be given.
    const [again] = await w.db.select().from(users).where(eq(users.id, ids.agent));
    const refused = await agentActions.updateAgentAction({
      id: ids.agent,
      version: again.updatedAt.toISOString(),
      code: "3000",
      name: "Alice Martin",
      ...profile({ skills: [{ skillId: ids.skill, level: 3 }] }),
    });
    expect(refused).toMatchObject({ ok: false, error: "hr.errors.unknownSkill" });
  });

  it("archives an agent (who can no longer sign in); the conversations he handled go back to the queue, in their place", async () => {
    const account = ok(await agentActions.createAgentAction({ code: "3400", name: "Chloé", ...profile() }));
    const waitingSince = new Date("2026-03-02T09:00:00Z");
    const [conv] = await w.db
      .insert(conversations)
      .values({
        campaignId: w.state.campaignId,
        network: "twitter",
        threadId: "t-3400",
        authorId: "a",
        authorHandle: "a",
        authorName: "A",
        status: "assigned",
        assignedAgentId: account.id,
        waitingSince,
      })
      .returning();
    await w.db.insert(assignments).values({ conversationId: conv.id, agentId: account.id, why: "any", state: "accepted" });
    expect(await agentActions.archiveAgentAction({ id: account.id, archived: true })).toEqual({
      ok: true,
      data: { id: account.id, requeued: 1 },
    });
    const [requeued] = await w.db.select().from(conversations).where(eq(conversations.id, conv.id));
    expect(requeued).toMatchObject({ status: "waiting", assignedAgentId: null, waitingSince });
    const [ended] = await w.db.select().from(assignments).where(eq(assignments.conversationId, conv.id));
    expect(ended).toMatchObject({ state: "ended", endReason: "agent_left", endedBy: w.state.adminId });
    expect(await authenticate("3400", account.password)).toEqual({ ok: false, reason: "invalid" });
    expect((await agentActions.archiveAgentAction({ id: account.id, archived: false })).ok).toBe(true);
    expect((await authenticate("3400", account.password)).ok).toBe(true);
  });

  it("the wizard refuses a range with taken codes, names them, and creates nothing", async () => {
    const before = await w.db.select({ id: users.id }).from(users);
    const r = await runHrWizardAction({ range: "0998-1001", namePattern: "Agent {code}", ...profile() });
    expect(r).toMatchObject({
      ok: false,
      error: "hr.errors.codesTaken",
      params: { codes: "1000, 1001" },
      fieldErrors: { range: ["hr.errors.codesTakenField"] },
    });
    expect(await w.db.select({ id: users.id }).from(users)).toHaveLength(before.length);
    expect(
      await w.db
        .select()
        .from(users)
        .where(inArray(users.login, ["0998", "0999"])),
    ).toHaveLength(0);
    expect(await runHrWizardAction({ range: "2000-1999", namePattern: "Agent {code}", ...profile() })).toMatchObject({
      ok: false,
      fieldErrors: { range: ["hr.errors.rangeReversed"] },
    });
    expect(await runHrWizardAction({ range: "2000-2001", namePattern: "Agent", ...profile() })).toMatchObject({
      ok: false,
      fieldErrors: { namePattern: ["hr.errors.namePatternNeedsCode"] },
    });
  });

  it("the wizard creates N agents with the common profile, each signing in with its own password", async () => {
    const team = ok(
      await groupActions.createSupervisionGroupAction({ name: "Équipe wizard", description: "", supervisorIds: [], agentIds: [] }),
    ).id;
    const r = ok(
      await runHrWizardAction({
        range: "2000-2002",
        namePattern: "Agent {code}",
        ...profile({ rights: ["reporting"], directlyReady: true, groups: [{ groupId: team, role: "agent" }] }),
      }),
    );
    expect(r.accounts.map((a) => [a.login, a.name])).toEqual([
      ["2000", "Agent 2000"],
      ["2001", "Agent 2001"],
      ["2002", "Agent 2002"],
    ]);
    expect(new Set(r.accounts.map((a) => a.password)).size).toBe(3);
    for (const a of r.accounts)
      expect(await authenticate(a.login, a.password)).toMatchObject({ ok: true, user: { rights: ["reporting"], role: "agent" } });
    const ids3 = r.accounts.map((a) => a.id);
    expect((await w.db.select().from(agentProfiles).where(inArray(agentProfiles.userId, ids3))).every((p) => p.directlyReady)).toBe(true);
    expect(await w.db.select().from(supervisionGroupMembers).where(eq(supervisionGroupMembers.groupId, team))).toHaveLength(3);
  });

  it("a supervisor sees only the agents of the groups it supervises; none without a group; admins see all", async () => {
    const sup = ok(
      await supervisorActions.createSupervisorAction({
        login: "Chef.Equipe",
        name: "Chef d'équipe",
        reporting: false,
        supervisionRights: [],
        groupIds: [],
      }),
    );
    expect(sup.login).toBe("chef.equipe");
    const viewer = { id: sup.id, role: "supervisor" as const, rights: ["supervision" as const] };
    const empty = await agentBoard(viewer);
    expect(empty).toEqual({ scope: { kind: "groups", groups: [] }, agents: [] });

    const [a2000, a2001] = await w.db
      .select({ id: users.id })
      .from(users)
      .where(inArray(users.login, ["2000", "2001"]))
      .orderBy(users.login);
    ok(
      await groupActions.createSupervisionGroupAction({
        name: "Équipe A",
        description: "",
        supervisorIds: [sup.id],
        agentIds: [a2000.id, a2001.id],
      }),
    );
    const board = await agentBoard(viewer);
    expect(board.scope).toEqual({ kind: "groups", groups: ["Équipe A"] });
    expect(board.agents.map((a) => a.login)).toEqual(["2000", "2001"]);

    const all = await agentBoard({ id: w.state.adminId, role: "admin", rights: [] });
    expect(all.agents.map((a) => a.login)).toEqual(expect.arrayContaining(["1000", "2000", "2001", "2002", "3000"]));
    // The demo supervisor supervises the demo team only.
    const [demo] = await w.db.select().from(users).where(eq(users.login, "superviseur"));
    const demoBoard = await agentBoard({ id: demo.id, role: "supervisor", rights: ["supervision"] });
    expect(demoBoard.agents.map((a) => a.login)).toEqual(["1000", "1001", "1002", "1003", "1004"]);

    // Each list shows who is in which group.
    const groups = (await listSupervisionGroups(search(""))).rows.map((g) => [g.name, g.supervisors, g.agents]);
    expect(groups).toEqual([
      ["Équipe A", ["Chef d'équipe"], 2],
      ["Équipe démo", ["Superviseur Démo"], 5],
      ["Équipe wizard", [], 3],
    ]);
    expect((await listAgents(search("2000"))).rows.map((a) => [a.login, a.groups])).toEqual([["2000", ["Équipe A", "Équipe wizard"]]]);
    expect((await listSupervisors(search("chef"))).rows.map((s) => [s.login, s.groups])).toEqual([["chef.equipe", ["Équipe A"]]]);
  });

  it("refuses to archive a supervision group that still has supervisors, and to make a non-supervisor its supervisor", async () => {
    const [group] = await w.db.select().from(users).where(eq(users.login, "chef.equipe"));
    const teams = await w.db.select().from(supervisionGroupMembers).where(eq(supervisionGroupMembers.userId, group.id));
    expect(await groupActions.archiveSupervisionGroupAction({ id: teams[0].groupId, archived: true })).toEqual({
      ok: false,
      error: "adminCommon.errors.inUse",
      params: { users: "Chef d'équipe (chef.equipe)" },
    });
    const [agent] = await w.db.select().from(users).where(eq(users.login, "2002"));
    expect(
      await groupActions.createSupervisionGroupAction({ name: "Intrus", description: "", supervisorIds: [agent.id], agentIds: [] }),
    ).toMatchObject({ ok: false, error: "hr.errors.invalidMembers" });
    expect(
      await groupActions.createSupervisionGroupAction({ name: "équipe a", description: "", supervisorIds: [], agentIds: [] }),
    ).toMatchObject({ ok: false, error: "adminCommon.errors.duplicate" });
  });

  it("refuses every HR action to an agent calling it directly, and nothing changes", async () => {
    const countUsers = async () => (await w.db.select({ id: users.id }).from(users)).length;
    const before = await countUsers();
    const beforeGroups = (await w.db.select().from(skillGroups)).length;
    signInAs(w.state.agents[0]);
    const forbidden = { ok: false, error: "errors.forbidden" };
    const calls = [
      skillActions.createSkillGroupAction({ name: "Agent group", description: "" }),
      skillActions.updateSkillGroupAction({ id: ids.group, name: "Pirate", description: "" }),
      skillActions.archiveSkillGroupAction({ id: ids.group, archived: false }),
      skillActions.createSkillAction({ groupId: ids.group, name: "Pirate", description: "" }),
      skillActions.updateSkillAction({ id: ids.skill, name: "Pirate", description: "" }),
      skillActions.archiveSkillAction({ id: ids.skill, archived: false }),
      agentActions.createAgentAction({ code: "3999", name: "Pirate", ...profile() }),
      agentActions.updateAgentAction({ id: ids.agent, code: "3000", name: "Pirate", ...profile() }),
      agentActions.regenerateAgentPasswordAction({ id: ids.agent }),
      agentActions.archiveAgentAction({ id: ids.agent, archived: true }),
      runHrWizardAction({ range: "3900-3901", namePattern: "P {code}", ...profile() }),
      supervisorActions.createSupervisorAction({ login: "pirate", name: "Pirate", reporting: true, supervisionRights: [], groupIds: [] }),
      supervisorActions.updateSupervisorAction({
        id: ids.agent,
        login: "pirate",
        name: "Pirate",
        reporting: true,
        supervisionRights: [],
        groupIds: [],
      }),
      supervisorActions.regenerateSupervisorPasswordAction({ id: ids.agent }),
      supervisorActions.archiveSupervisorAction({ id: ids.agent, archived: true }),
      groupActions.createSupervisionGroupAction({ name: "Pirates", description: "", supervisorIds: [], agentIds: [] }),
      groupActions.updateSupervisionGroupAction({ id: 1, name: "Pirates", description: "", supervisorIds: [], agentIds: [] }),
      groupActions.archiveSupervisionGroupAction({ id: 1, archived: true }),
    ];
    for (const result of await Promise.all(calls)) expect(result).toEqual(forbidden);
    expect(await countUsers()).toBe(before);
    expect(await w.db.select().from(skillGroups)).toHaveLength(beforeGroups);
    const [alice] = await w.db.select().from(users).where(eq(users.id, ids.agent));
    expect(alice).toMatchObject({ name: "Alice Martin", archivedAt: null });
  });
});
