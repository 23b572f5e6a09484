import { describe, it, expect, vi, beforeEach } from "vitest";
import { eq } from "drizzle-orm";
import { loginAttempts, users } from "@/db/schema";
import { clientAddress } from "@/lib/auth/client-address";
import {
  ADDRESS_FREE_FAILURES,
  ATTEMPT_RETENTION_SECONDS,
  DECAY_SECONDS,
  PAIR_FREE_FAILURES,
  authenticate,
  lockedAddresses,
  purgeLoginAttempts,
} from "@/lib/auth/login";
import { DEMO_PASSWORD, setupDemoWorkspace } from "./demo-fixture";
import { signInAs } from "./session";

vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
const agentActions = await import("@/app/(admin)/admin/agents/actions");

const ATTACKER = "203.0.113.66";
const OFFICE = "198.51.100.20";
const seconds = (t: Date, s: number) => new Date(t.getTime() + s * 1000);

describe("sign-in throttling", () => {
  const w = setupDemoWorkspace();
  beforeEach(async () => {
    await w.db.delete(loginAttempts);
    signInAs(w.state.adminId);
  });

  it("locks a login from the guessing address only: the agent still signs in from his own", async () => {
    const t0 = new Date();
    for (let i = 0; i < PAIR_FREE_FAILURES; i++) await authenticate("1000", "guess", ATTACKER, t0);
    expect(await authenticate("1000", DEMO_PASSWORD, ATTACKER, seconds(t0, 1))).toMatchObject({ ok: false, reason: "locked" });
    expect(await authenticate("1000", DEMO_PASSWORD, OFFICE, seconds(t0, 1))).toMatchObject({ ok: true, user: { login: "1000" } });
    expect(await lockedAddresses(w.db, "1000", seconds(t0, 1))).toBe(1);
  });

  it("throttles one address guessing many codes, without touching other addresses", async () => {
    const t0 = new Date();
    let last;
    // Four-digit codes: one guess per code, never enough for a per-login lock.
    for (let i = 0; i < ADDRESS_FREE_FAILURES; i++) last = await authenticate(String(5000 + i), "guess", ATTACKER, t0);
    expect(last).toMatchObject({ ok: false, reason: "locked" });
    expect(await authenticate("1001", DEMO_PASSWORD, ATTACKER, seconds(t0, 1))).toMatchObject({ reason: "locked" });
    expect((await authenticate("1001", DEMO_PASSWORD, OFFICE, seconds(t0, 1))).ok).toBe(true);
    // Dozens of sign-ins with bcrypt: more than the default 30 s on a loaded two-core machine.
  }, 120_000);

  it("forgets failures over time: one per decay period since the last", async () => {
    const t0 = new Date();
    for (let i = 0; i < PAIR_FREE_FAILURES - 1; i++) await authenticate("1002", "guess", ATTACKER, t0);
    // Without decay the next failure would lock; two periods later two failures are forgotten.
    const later = seconds(t0, 2 * DECAY_SECONDS + 1);
    expect(await authenticate("1002", "guess", ATTACKER, later)).toEqual({ ok: false, reason: "invalid" });
    const [row] = await w.db.select().from(loginAttempts).where(eq(loginAttempts.login, "1002"));
    expect(row.failures).toBe(PAIR_FREE_FAILURES - 2);
  });

  it("an administrator unlocks a locked agent, from every address", async () => {
    const t0 = new Date();
    for (let i = 0; i < PAIR_FREE_FAILURES; i++) await authenticate("1003", "guess", OFFICE, t0);
    expect(await authenticate("1003", DEMO_PASSWORD, OFFICE, seconds(t0, 1))).toMatchObject({ reason: "locked" });
    const [agent] = await w.db.select({ id: users.id }).from(users).where(eq(users.login, "1003"));
    expect((await agentActions.unlockAgentSignInAction({ id: agent.id })).ok).toBe(true);
    expect(await authenticate("1003", DEMO_PASSWORD, OFFICE, seconds(t0, 2))).toMatchObject({ ok: true });
  });

  it("refuses an oversized login without counting or looking it up, and purges idle rows", async () => {
    expect(await authenticate("9".repeat(65), "x", ATTACKER)).toEqual({ ok: false, reason: "invalid" });
    expect(await w.db.select().from(loginAttempts)).toHaveLength(0);
    const old = new Date(Date.now() - (ATTEMPT_RETENTION_SECONDS + 60) * 1000);
    await authenticate("1004", "guess", ATTACKER, old);
    await authenticate("1004", "guess", OFFICE);
    expect(await purgeLoginAttempts(w.db)).toBe(2); // the old pair and its address row
    expect((await w.db.select().from(loginAttempts)).map((r) => r.address)).toEqual([OFFICE, OFFICE]);
  });

  it("takes the source address from the socket, and from X-Forwarded-For only behind trusted proxies", () => {
    const headers = new Headers({ "x-forwarded-for": "10.9.9.9, 192.0.2.1" });
    // Without trusted proxies the server replaced any client header with the socket's address
    // (scripts/peer-address.mjs); the rightmost entry is the one nearest to us.
    expect(clientAddress(headers, {})).toBe("192.0.2.1");
    expect(clientAddress(headers, { RELAIS_TRUSTED_PROXIES: "1" })).toBe("192.0.2.1");
    expect(clientAddress(headers, { RELAIS_TRUSTED_PROXIES: "2" })).toBe("10.9.9.9");
    expect(clientAddress(new Headers({ "x-forwarded-for": "::ffff:127.0.0.1" }), {})).toBe("127.0.0.1");
    expect(clientAddress(new Headers(), {})).toBe("unknown");
    expect(clientAddress({ "x-forwarded-for": "192.0.2.7" }, {})).toBe("192.0.2.7");
  });
});
