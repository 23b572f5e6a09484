import { describe, it, expect } from "vitest";
import { can, homePath } from "./permissions";

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
