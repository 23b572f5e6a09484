import { describe, it, expect, beforeEach } from "vitest";
import { setupDemoWorkspace } from "./demo-fixture";
import { signInAs, signOut } from "./session";

// Only the session is made up (tests/session.ts); everything after it (the user lookup, the
// permission table, the action, the simulator) is real.

const { postCustomerTweetAction } = await import("@/app/simulator/actions");
const { setPresenceAction } = await import("@/app/(workspace)/workspace/actions");
const { agentState } = await import("@/lib/conversations/queries");

describe("server actions check the permission table", () => {
  const w = setupDemoWorkspace();
  beforeEach(() => {
    signOut();
  });

  it("refuses an admin-only action to an agent calling it directly, and nothing happens", async () => {
    process.env.RELAIS_SIMULATOR_URL = w.state.simUrl;
    signInAs(w.state.agents[0]);
    const result = await postCustomerTweetAction({ authorHandle: "intruder", text: "relais hack" });
    expect(result).toEqual({ ok: false, error: "errors.forbidden" });
    expect(await w.sim.listTweets()).toHaveLength(0);

    signInAs(w.state.adminId);
    const allowed = await postCustomerTweetAction({ authorHandle: "trainer", text: "relais ok" });
    expect(allowed.ok).toBe(true);
    expect((await w.sim.listTweets()).map((t) => t.text)).toEqual(["relais ok"]);
  });

  it("refuses anonymous callers", async () => {
    expect(await postCustomerTweetAction({ authorHandle: "x", text: "y" })).toEqual({ ok: false, error: "errors.unauthenticated" });
  });

  it("refuses the agent workspace to an administrator", async () => {
    signInAs(w.state.adminId);
    expect(await setPresenceAction({ state: "ready" })).toEqual({ ok: false, error: "errors.forbidden" });
    expect(await agentState(w.state.adminId)).toBe("offline");
  });

  it("returns field errors for bad input instead of crashing", async () => {
    signInAs(w.state.adminId);
    const result = await postCustomerTweetAction({ authorHandle: "not a handle!", text: "" });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toBe("errors.invalidInput");
      expect(Object.keys(result.fieldErrors ?? {}).sort()).toEqual(["authorHandle", "text"]);
    }
  });
});
