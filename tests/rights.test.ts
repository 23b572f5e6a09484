import { describe, it, expect, vi, beforeEach } from "vitest";
import { eq } from "drizzle-orm";
import { agentProfiles, users } from "@/db/schema";
import { defaultProfile } from "@/lib/hr/agent.schema";
import { can, effectiveRights, permissionTable, type Permission } from "@/lib/auth/permissions";
import { holdsPermission } from "@/lib/auth/permission-sql";
import { setupDemoWorkspace } from "./demo-fixture";
import { signInAs, signOut } from "./session";

vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const agentActions = await import("@/app/(admin)/admin/agents/actions");
const supervisorActions = await import("@/app/(admin)/admin/supervisors/actions");
const groupActions = await import("@/app/(admin)/admin/supervision-groups/actions");
const { currentUser, requireUser } = await import("@/lib/auth/session");
const { boardScope } = await import("@/lib/supervision/queries");
const { memberCandidates } = await import("@/lib/hr/supervision-queries");

const profile = (over: Partial<typeof defaultProfile> = {}) => ({ ...defaultProfile, ...over });
const ok = <T>(r: { ok: true; data: T } | { ok: false; error: string }): T => {
  if (!r.ok) throw new Error(`action failed: ${r.error}`);
  return r.data;
};
/** The user as the server sees it on a request signed in as `id`. */
async function as(id: number) {
  signInAs(id);
  const user = await currentUser();
  signOut();
  return user!;
}

describe("rights ticked on an agent's profile are the rights the server checks", () => {
  const w = setupDemoWorkspace();
  const ids = { supervising: 0, plain: 0, reporting: 0, supervisor: 0, group: 0 };
  beforeEach(() => {
    signInAs(w.state.adminId);
  });

  it("an admin ticks rights on agent profiles", async () => {
    ids.supervising = ok(
      await agentActions.createAgentAction({
        code: "4001",
        name: "Sophie",
        ...profile({ rights: ["supervision"], supervisionRights: ["reassign"], miscRights: ["export_data"] }),
      }),
    ).id;
    ids.plain = ok(
      await agentActions.createAgentAction({ code: "4002", name: "Paul", ...profile({ telephonyRights: ["manual_dial", "record"] }) }),
    ).id;
    ids.reporting = ok(
      await agentActions.createAgentAction({
        code: "4003",
        name: "Rita",
        ...profile({ rights: ["reporting"], miscRights: ["book_appointment"] }),
      }),
    ).id;
    ids.supervisor = ok(
      await supervisorActions.createSupervisorAction({
        login: "chef",
        name: "Chef",
        reporting: false,
        supervisionRights: ["change_agent_state"],
        groupIds: [],
      }),
    ).id;
    ids.group = ok(
      await groupActions.createSupervisionGroupAction({
        name: "Équipe 4000",
        description: "",
        supervisorIds: [ids.supervising],
        agentIds: [ids.plain],
      }),
    ).id;
  });

  it("an agent given the supervision right views supervision, scoped to its groups; one without cannot", async () => {
    const supervising = await as(ids.supervising);
    expect(can(supervising, "supervision.view")).toBe(true);
    expect(can(supervising, "workspace.use")).toBe(true);
    expect(await boardScope(supervising)).toEqual({ kind: "groups", groups: ["Équipe 4000"] });

    const plain = await as(ids.plain);
    expect(can(plain, "supervision.view")).toBe(false);
    expect(await boardScope(plain)).toEqual({ kind: "groups", groups: [] });
    signInAs(ids.plain);
    await expect(requireUser("supervision.view")).rejects.toMatchObject({ status: 403 });
    signInAs(ids.supervising);
    await expect(requireUser("supervision.view")).resolves.toMatchObject({ login: "4001" });
  });

  it("reporting likewise, and only with the right", async () => {
    expect(can(await as(ids.reporting), "reporting.view")).toBe(true);
    expect(can(await as(ids.reporting), "supervision.view")).toBe(false);
    expect(can(await as(ids.supervising), "reporting.view")).toBe(false);
    expect(can(await as(ids.plain), "reporting.view")).toBe(false);
  });

  it("the Rights tab's rights open their permissions; telephony rights open none", async () => {
    const supervising = await as(ids.supervising);
    expect(can(supervising, "supervision.reassign")).toBe(true);
    expect(can(supervising, "data.export")).toBe(true);
    expect(can(supervising, "supervision.agentState")).toBe(false);
    expect(can(await as(ids.reporting), "agenda.book")).toBe(true);
    expect(can(await as(ids.plain), "data.export")).toBe(false);
    expect((await as(ids.plain)).rights).toEqual([]);
    const supervisor = await as(ids.supervisor);
    expect(can(supervisor, "supervision.agentState")).toBe(true);
    expect(can(supervisor, "supervision.reassign")).toBe(false);
  });

  it("a right taken away stops working at the next request", async () => {
    const [row] = await w.db.select().from(users).where(eq(users.id, ids.supervising));
    ok(
      await agentActions.updateAgentAction({
        id: ids.supervising,
        version: row.updatedAt.toISOString(),
        code: "4001",
        name: "Sophie",
        ...profile({ miscRights: [] }),
      }),
    );
    const after = await as(ids.supervising);
    expect(can(after, "supervision.view")).toBe(false);
    expect(can(after, "supervision.reassign")).toBe(false);
    expect(can(after, "data.export")).toBe(false);
  });

  it("who may supervise a group is read from the same table: supervisors and agents with the right, not admins", async () => {
    const [row] = await w.db.select().from(users).where(eq(users.id, ids.supervising));
    ok(
      await agentActions.updateAgentAction({
        id: ids.supervising,
        version: row.updatedAt.toISOString(),
        code: "4001",
        name: "Sophie",
        ...profile({ rights: ["supervision"] }),
      }),
    );
    const { supervisors } = await memberCandidates();
    const logins = supervisors.map((s) => s.login);
    expect(logins).toEqual(expect.arrayContaining(["4001", "chef", "superviseur"]));
    expect(logins).not.toContain("4002");
    expect(logins).not.toContain("admin");
  });

  it("the SQL form of every permission holds for exactly the users `can` lets through", async () => {
    const rows = await w.db
      .select({
        id: users.id,
        role: users.role,
        rights: users.rights,
        supervisionRights: agentProfiles.supervisionRights,
        miscRights: agentProfiles.miscRights,
      })
      .from(users)
      .leftJoin(agentProfiles, eq(agentProfiles.userId, users.id));
    // A stale profile (supervision rights left without the supervision right) must not count.
    await w.db
      .update(agentProfiles)
      .set({ supervisionRights: ["reassign"] })
      .where(eq(agentProfiles.userId, ids.plain));
    const plainRow = rows.find((r) => r.id === ids.plain)!;
    plainRow.supervisionRights = ["reassign"];
    const principals = rows.map((r) => ({
      id: r.id,
      role: r.role,
      rights: effectiveRights({
        role: r.role,
        rights: r.rights,
        profile: r.supervisionRights && r.miscRights ? { supervisionRights: r.supervisionRights, miscRights: r.miscRights } : null,
      }),
    }));
    for (const permission of Object.keys(permissionTable) as Permission[]) {
      const holders = await w.db.select({ id: users.id }).from(users).where(holdsPermission(permission));
      const expected = principals.filter((p) => can(p, permission)).map((p) => p.id);
      expect(
        holders.map((h) => h.id).sort((a, b) => a - b),
        permission,
      ).toEqual(expected.sort((a, b) => a - b));
    }
  });
});
