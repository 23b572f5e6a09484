import { describe, it, expect, vi, beforeEach } from "vitest";
import { eq } from "drizzle-orm";
import { decode } from "next-auth/jwt";
import { users } from "@/db/schema";
import { authenticate, FREE_FAILURES } from "@/lib/auth/login";
import { DEMO_PASSWORD, setupDemoWorkspace } from "./demo-fixture";

// The sign-in form action writes its cookie through next/headers: a jar stands in for the browser's.
const jar = new Map<string, { value: string; options: Record<string, unknown> }>();
vi.mock("next/headers", () => ({
  cookies: async () => ({ set: (name: string, value: string, options: Record<string, unknown>) => jar.set(name, { value, options }) }),
  headers: async () => new Headers({ "x-forwarded-for": "192.0.2.10" }),
}));
const { signInAction } = await import("@/app/(auth)/login/actions");

function form(values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) data.set(k, v);
  return data;
}

/** The redirect a form action answered with (Next's redirect() throws it), or null. */
async function redirectOf(run: Promise<unknown>): Promise<string | null> {
  try {
    await run;
    return null;
  } catch (err) {
    const digest = (err as { digest?: string }).digest ?? "";
    if (!digest.startsWith("NEXT_REDIRECT")) throw err;
    return digest.split(";")[2];
  }
}

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

  it("locks a login after repeated failures from one address, even for the right password, then lets it in again", async () => {
    const t0 = new Date();
    const at = "198.51.100.7";
    for (let i = 1; i < FREE_FAILURES; i++) expect((await authenticate("1001", "bad", at, t0)).ok).toBe(false);
    const locked = await authenticate("1001", "bad", at, t0);
    expect(locked).toMatchObject({ ok: false, reason: "locked" });
    expect(await authenticate("1001", DEMO_PASSWORD, at, new Date(t0.getTime() + 1000))).toMatchObject({ reason: "locked" });
    // Other logins are not affected.
    expect((await authenticate("1002", DEMO_PASSWORD, at)).ok).toBe(true);
    const afterLock = new Date(t0.getTime() + ((locked as { retryAfterSeconds: number }).retryAfterSeconds + 1) * 1000);
    expect((await authenticate("1001", DEMO_PASSWORD, at, afterLock)).ok).toBe(true);
  });

  it("refuses an archived account", async () => {
    await w.db.update(users).set({ archivedAt: new Date() }).where(eq(users.login, "1004"));
    expect(await authenticate("1004", DEMO_PASSWORD)).toEqual({ ok: false, reason: "invalid" });
  });
});

describe("the sign-in form action (what the login page posts, with or without JavaScript)", () => {
  const w = setupDemoWorkspace();
  beforeEach(() => jar.clear());

  it("signs in with a session next-auth reads back, and lands on the user's home", async () => {
    expect(await redirectOf(signInAction(null, form({ login: "Admin", password: DEMO_PASSWORD })))).toBe("/admin");
    const cookie = jar.get("next-auth.session-token");
    expect(cookie?.options).toMatchObject({ httpOnly: true, sameSite: "lax", path: "/" });
    const token = await decode({ token: cookie!.value, secret: process.env.NEXTAUTH_SECRET! });
    const [admin] = await w.db.select({ id: users.id }).from(users).where(eq(users.login, "admin"));
    expect(token?.uid).toBe(admin.id);
    // The session version it was signed with, and an id of its own (lib/auth/revoke.ts).
    expect(token?.sv).toBe(0);
    expect(token?.sid).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.stringify(token)).not.toContain(DEMO_PASSWORD);

    jar.clear();
    expect(await redirectOf(signInAction(null, form({ login: "1003", password: DEMO_PASSWORD })))).toBe("/workspace");
  });

  it("refuses a wrong password with the clear message, keeps the login, sets no cookie, and locks like any sign-in", async () => {
    const refused = await signInAction(null, form({ login: "1002", password: "wrong" }));
    expect(refused).toEqual({ ok: false, error: "auth.invalidCredentials", params: { login: "1002" } });
    for (let i = 2; i < FREE_FAILURES; i++) await signInAction(null, form({ login: "1002", password: "wrong" }));
    const locked = await signInAction(null, form({ login: "1002", password: "wrong" }));
    expect(locked).toMatchObject({ ok: false, error: "auth.tooManyAttempts", params: { minutes: 1, login: "1002" } });
    // Locked: even the right password is refused for now.
    expect(await signInAction(null, form({ login: "1002", password: DEMO_PASSWORD }))).toMatchObject({
      ok: false,
      error: "auth.tooManyAttempts",
    });
    expect(jar.size).toBe(0);
  });

  it("next-auth's own credentials endpoint refuses credentials that came with a query string", async () => {
    const { authOptions } = await import("@/lib/auth/options");
    const provider = authOptions.providers[0] as unknown as { options: { authorize: (c: unknown, req: unknown) => Promise<unknown> } };
    const credentials = { login: "1003", password: DEMO_PASSWORD };
    await expect(provider.options.authorize(credentials, { query: { password: DEMO_PASSWORD }, body: credentials })).rejects.toThrow(
      "invalid",
    );
    await expect(provider.options.authorize(credentials, { query: {}, body: credentials })).resolves.toMatchObject({ login: "1003" });
  });

  it("answers an empty field with a field message, not a sign-in attempt", async () => {
    const result = await signInAction(null, form({ login: "", password: "" }));
    expect(result).toMatchObject({
      ok: false,
      error: "errors.invalidInput",
      fieldErrors: { login: ["common.requiredField"], password: ["common.requiredField"] },
    });
  });
});
