import { describe, it, expect } from "vitest";
import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import { authenticate, FREE_FAILURES } from "@/lib/auth/login";
import { DEMO_PASSWORD, setupDemoWorkspace } from "./demo-fixture";

describe("sign-in", () => {
  const w = setupDemoWorkspace();

  it("accepts an agent code or a login with its password, whatever the case of the login", async () => {
    expect(await authenticate("1000", DEMO_PASSWORD)).toMatchObject({ ok: true, user: { login: "1000", role: "agent" } });
    expect(await authenticate(" ADMIN ", DEMO_PASSWORD)).toMatchObject({ ok: true, user: { login: "admin", role: "admin" } });
    expect(await authenticate("admin", "wrong")).toEqual({ ok: false, reason: "invalid" });
    expect(await authenticate("nobody", DEMO_PASSWORD)).toEqual({ ok: false, reason: "invalid" });
  });

  it("stores passwords only as bcrypt hashes", async () => {
    const rows = await w.db.select({ hash: users.passwordHash }).from(users);
    for (const { hash } of rows) {
      expect(hash).toMatch(/^\$2[aby]\$\d\d\$/);
      expect(hash).not.toContain(DEMO_PASSWORD);
    }
  });

  it("locks a login after repeated failures, even for the right password, then lets it in again", async () => {
    const t0 = new Date();
    for (let i = 1; i < FREE_FAILURES; i++) expect((await authenticate("1001", "bad", t0)).ok).toBe(false);
    const locked = await authenticate("1001", "bad", t0);
    expect(locked).toMatchObject({ ok: false, reason: "locked" });
    expect(await authenticate("1001", DEMO_PASSWORD, new Date(t0.getTime() + 1000))).toMatchObject({ reason: "locked" });
    // Other logins are not affected.
    expect((await authenticate("1002", DEMO_PASSWORD)).ok).toBe(true);
    const afterLock = new Date(t0.getTime() + ((locked as { retryAfterSeconds: number }).retryAfterSeconds + 1) * 1000);
    expect((await authenticate("1001", DEMO_PASSWORD, afterLock)).ok).toBe(true);
  });

  it("refuses an archived account", async () => {
    await w.db.update(users).set({ archivedAt: new Date() }).where(eq(users.login, "1004"));
    expect(await authenticate("1004", DEMO_PASSWORD)).toEqual({ ok: false, reason: "invalid" });
  });
});
