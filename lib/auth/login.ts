import { and, eq, isNull, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { loginAttempts, users, type Right, type Role } from "@/db/schema";
import { burnPasswordCheck, verifyPassword } from "./password";

/** Failures allowed before a login is locked; each further failure doubles the lock. */
export const FREE_FAILURES = 5;
const BASE_LOCK_SECONDS = 60;
const MAX_LOCK_SECONDS = 15 * 60;

export type LoginResult =
  | { ok: true; user: { id: number; login: string; name: string; role: Role; rights: Right[]; locale: string } }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "locked"; retryAfterSeconds: number };

export function lockSeconds(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(MAX_LOCK_SECONDS, BASE_LOCK_SECONDS * 2 ** (failures - FREE_FAILURES));
}

export async function authenticate(rawLogin: string, password: string, now = new Date()): Promise<LoginResult> {
  const login = rawLogin.trim().toLowerCase();
  const db = await getDb();
  const [attempt] = await db.select().from(loginAttempts).where(eq(loginAttempts.login, login));
  if (attempt?.lockedUntil && attempt.lockedUntil > now) {
    return { ok: false, reason: "locked", retryAfterSeconds: Math.ceil((attempt.lockedUntil.getTime() - now.getTime()) / 1000) };
  }

  const [user] = await db
    .select({
      id: users.id,
      login: users.login,
      name: users.name,
      role: users.role,
      rights: users.rights,
      locale: users.locale,
      passwordHash: users.passwordHash,
    })
    .from(users)
    .where(and(eq(sql`lower(${users.login})`, login), isNull(users.archivedAt)));

  const valid = user ? await verifyPassword(password, user.passwordHash) : await burnPasswordCheck(password);
  if (valid && user) {
    await db.delete(loginAttempts).where(eq(loginAttempts.login, login));
    const { passwordHash: _hash, ...safe } = user;
    void _hash;
    return { ok: true, user: safe };
  }

  // One statement so that two parallel guesses both count.
  const [row] = await db
    .insert(loginAttempts)
    .values({ login, failures: 1, lastFailureAt: now })
    .onConflictDoUpdate({
      target: loginAttempts.login,
      set: { failures: sql`${loginAttempts.failures} + 1`, lastFailureAt: now },
    })
    .returning({ failures: loginAttempts.failures });
  const seconds = lockSeconds(row.failures);
  if (seconds > 0) {
    await db
      .update(loginAttempts)
      .set({ lockedUntil: new Date(now.getTime() + seconds * 1000) })
      .where(eq(loginAttempts.login, login));
    return { ok: false, reason: "locked", retryAfterSeconds: seconds };
  }
  return { ok: false, reason: "invalid" };
}
