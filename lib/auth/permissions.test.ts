import { describe, it, expect } from "vitest";
import { miscRights, supervisionRights, telephonyRights } from "@/lib/hr/options";
import { can, effectiveRights, homePath, permissionTable, type Permission, type Right } from "./permissions";

const admin = { id: 1, role: "admin" as const, rights: [] };
const agent = { id: 2, role: "agent" as const, rights: [] };
const supervisingAgent = { id: 3, role: "agent" as const, rights: ["supervision" as const] };
const supervisor = { id: 4, role: "supervisor" as const, rights: ["supervision" as const] };

describe("permission table", () => {
  it("keeps agents out of administration, the designer and the simulator", () => {
    expect(can(agent, "admin.access")).toBe(false);
    expect(can(agent, "designer.access")).toBe(false);
    expect(can(agent, "simulator.use")).toBe(false);
    expect(can(agent, "workspace.use")).toBe(true);
  });

  it("makes an agent with the supervision right a supervisor (manual step 9)", () => {
    expect(can(supervisingAgent, "supervision.view")).toBe(true);
    expect(can(supervisingAgent, "reporting.view")).toBe(false);
    expect(can(supervisingAgent, "admin.access")).toBe(false);
  });

  it("refuses everything to nobody", () => {
    expect(can(null, "workspace.use")).toBe(false);
  });

  it("sends each role to its area", () => {
    expect(homePath(admin)).toBe("/admin");
    expect(homePath(supervisor)).toBe("/supervision");
    expect(homePath(agent)).toBe("/workspace");
  });
});

const noProfile = null;
const profile = (supervision: string[], misc: string[]) => ({ supervisionRights: supervision, miscRights: misc });
const principal = (role: "agent" | "supervisor" | "admin", rights: string[], p: ReturnType<typeof profile> | null = noProfile) => ({
  id: 9,
  role,
  rights: effectiveRights({ role, rights, profile: p }),
});

describe("rights ticked on an account (manual step 8) map onto the permission table", () => {
  // The mapping as an admin reads it: each tickable right and the permission it opens. Rights
  // whose feature is not built yet (mass message, agenda booking, reassigning…) are mapped
  // already, so that feature only has to ask for its permission.
  const mapping: Record<Right, Permission> = {
    supervision: "supervision.view",
    reporting: "reporting.view",
    view_conversations: "supervision.conversations",
    reassign: "supervision.reassign",
    change_agent_state: "supervision.agentState",
    message_agents: "supervision.messageAgents",
    refuse_conversation: "workspace.refuse",
    edit_customer_file: "customerFile.edit",
    view_own_stats: "reporting.own",
    export_data: "data.export",
    send_mass_message: "massMessage.send",
    book_appointment: "agenda.book",
  };

  it("every right of the Applications and Rights tabs opens its permission, and only with the right", () => {
    for (const [right, permission] of Object.entries(mapping) as [Right, Permission][]) {
      const supervision = (supervisionRights as readonly string[]).includes(right);
      const misc = (miscRights as readonly string[]).includes(right);
      // Supervision rights come with the supervision right itself (the form requires it).
      const holder = principal(
        "agent",
        supervision ? ["supervision"] : misc ? [] : [right],
        profile(supervision ? [right] : [], misc ? [right] : []),
      );
      const peer = principal("agent", supervision ? ["supervision"] : []);
      expect(can(holder, permission), `${right} → ${permission}`).toBe(true);
      expect(can(peer, permission), `without ${right}`).toBe(false);
    }
  });

  it("maps every tickable right (a new option cannot be forgotten)", () => {
    expect(Object.keys(mapping).sort()).toEqual(["supervision", "reporting", ...supervisionRights, ...miscRights].sort());
    const granted = new Set(Object.values(permissionTable).flatMap((rule) => rule.rights as readonly string[]));
    for (const right of Object.keys(mapping)) expect(granted, right).toContain(right);
  });

  it("gives nothing for telephony rights: Relais has no calls", () => {
    const granted = new Set(Object.values(permissionTable).flatMap((rule) => rule.rights as readonly string[]));
    for (const right of telephonyRights) expect(granted.has(right), right).toBe(false);
    const stored = {
      role: "agent" as const,
      rights: [],
      profile: { supervisionRights: [], miscRights: [], telephonyRights: [...telephonyRights] },
    };
    expect(effectiveRights(stored)).toEqual([]);
  });

  it("counts supervision rights only for an account that supervises", () => {
    const stale = principal("agent", [], profile(["reassign", "view_conversations"], []));
    expect(stale.rights).toEqual([]);
    expect(can(stale, "supervision.reassign")).toBe(false);
    const supervisorAccount = principal("supervisor", ["supervision"], profile(["reassign"], []));
    expect(can(supervisorAccount, "supervision.reassign")).toBe(true);
    expect(can(supervisorAccount, "supervision.agentState")).toBe(false);
  });

  it("lets administrators do everything supervision, reporting and export offer, without profile rights", () => {
    for (const p of ["supervision.allAgents", "supervision.reassign", "reporting.view", "data.export", "massMessage.send"] as const) {
      expect(can(admin, p), p).toBe(true);
    }
    expect(can(supervisor, "supervision.allAgents")).toBe(false);
  });

  it("ignores stored values the code no longer offers", () => {
    expect(effectiveRights({ role: "agent", rights: ["supervision", "teleport"], profile: profile([], ["fly"]) })).toEqual(["supervision"]);
  });
});
