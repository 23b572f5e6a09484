import { and, eq, gt, inArray, isNull, lt, or, sql } from "drizzle-orm";
import { getDb, type Db, type Tx } from "@/db/client";
import { loginAttempts, users, type Right, type Role } from "@/db/schema";
import { burnPasswordCheck, verifyPassword } from "./password";

/**
 * Sign-in throttling. Failures are counted twice: per login + source address (an attacker
 * guessing one agent's code) and per source address alone (one address guessing many codes).
 * Never per login alone: a lock anyone could trigger from anywhere would let an attacker keep
 * an agent out; here the agent signs in from his own address whatever happens elsewhere.
 * Counts decay: one failure is forgotten every DECAY_SECONDS since the last one.
 * The per-address allowance is generous: a call center's agents often share one public address,
 * and their typos must not lock the office out; passwords are 16 random characters, so the
 * allowance buys a guesser nothing.
 */
export const PAIR_FREE_FAILURES = 5;
export const ADDRESS_FREE_FAILURES = 100;
/** Kept for callers of the former per-login scheme: the pair threshold. */
export const FREE_FAILURES = PAIR_FREE_FAILURES;
export const DECAY_SECONDS = 10 * 60;
const BASE_LOCK_SECONDS = 60;
const MAX_PAIR_LOCK_SECONDS = 15 * 60;
const MAX_ADDRESS_LOCK_SECONDS = 60 * 60;
/** Attempt rows idle for this long are deleted by the purge job (lib/jobs/functions/purge-login-attempts.ts). */
export const ATTEMPT_RETENTION_SECONDS = 24 * 60 * 60;
/** A login longer than this is not one of ours: refused before any lookup (zod caps the form the same way). */
export const MAX_LOGIN_LENGTH = 64;
/** The per-address row's login. */
const ANY_LOGIN = "";

export interface SignedInUser {
  id: number;
  login: string;
  name: string;
  role: Role;
  rights: Right[];
  locale: string;
  sessionVersion: number;
}

export type LoginResult =
  { ok: true; user: SignedInUser } | { ok: false; reason: "invalid" } | { ok: false; reason: "locked"; retryAfterSeconds: number };

export function lockSeconds(failures: number, free = PAIR_FREE_FAILURES, max = MAX_PAIR_LOCK_SECONDS): number {
  if (failures < free) return 0;
  return Math.min(max, BASE_LOCK_SECONDS * 2 ** Math.min(20, failures - free));
}

/** A stored count as it stands at `now`, after decay. */
export function decayedFailures(failures: number, lastFailureAt: Date | null, now: Date): number {
  if (!lastFailureAt) return failures;
  const forgotten = Math.floor(Math.max(0, now.getTime() - lastFailureAt.getTime()) / 1000 / DECAY_SECONDS);
  return Math.max(0, failures - forgotten);
}

export async function authenticate(rawLogin: string, password: string, address = "unknown", now = new Date()): Promise<LoginResult> {
  const login = rawLogin.trim().toLowerCase();
  if (!login || login.length > MAX_LOGIN_LENGTH) return { ok: false, reason: "invalid" };
  const db = await getDb();
  const rows = await db
    .select()
    .from(loginAttempts)
    .where(and(eq(loginAttempts.address, address), inArray(loginAttempts.login, [login, ANY_LOGIN]), gt(loginAttempts.lockedUntil, now)));
  const lockedUntil = Math.max(0, ...rows.map((r) => r.lockedUntil!.getTime()));
  if (lockedUntil > now.getTime()) {
    return { ok: false, reason: "locked", retryAfterSeconds: Math.ceil((lockedUntil - now.getTime()) / 1000) };
  }

  const [user] = await db
    .select({
      id: users.id,
      login: users.login,
      name: users.name,
      role: users.role,
      rights: users.rights,
      locale: users.locale,
      sessionVersion: users.sessionVersion,
      passwordHash: users.passwordHash,
    })
    .from(users)
    .where(and(eq(sql`lower(${users.login})`, login), isNull(users.archivedAt)));

  const valid = user ? await verifyPassword(password, user.passwordHash) : await burnPasswordCheck(password);
  if (valid && user) {
    await db.delete(loginAttempts).where(and(eq(loginAttempts.login, login), eq(loginAttempts.address, address)));
    const { passwordHash: _hash, ...safe } = user;
    void _hash;
    return { ok: true, user: safe };
  }

  const pair = await countFailure(db, login, address, now, PAIR_FREE_FAILURES, MAX_PAIR_LOCK_SECONDS);
  const wide = await countFailure(db, ANY_LOGIN, address, now, ADDRESS_FREE_FAILURES, MAX_ADDRESS_LOCK_SECONDS);
  const seconds = Math.max(pair, wide);
  if (seconds > 0) return { ok: false, reason: "locked", retryAfterSeconds: seconds };
  return { ok: false, reason: "invalid" };
}

/** One statement per counter, so that parallel guesses all count; returns the lock it set (seconds) or 0. */
async function countFailure(db: Db, login: string, address: string, now: Date, free: number, max: number): Promise<number> {
  const decayed = sql`greatest(0, ${loginAttempts.failures} - floor(extract(epoch from (${now.toISOString()}::timestamptz - coalesce(${loginAttempts.lastFailureAt}, ${now.toISOString()}::timestamptz))) / ${sql.raw(String(DECAY_SECONDS))})::int)`;
  const [row] = await db
    .insert(loginAttempts)
    .values({ login, address, failures: 1, lastFailureAt: now })
    .onConflictDoUpdate({
      target: [loginAttempts.login, loginAttempts.address],
      set: { failures: sql`${decayed} + 1`, lastFailureAt: now },
    })
    .returning({ failures: loginAttempts.failures });
  const seconds = lockSeconds(row.failures, free, max);
  if (seconds > 0) {
    await db
      .update(loginAttempts)
      .set({ lockedUntil: new Date(now.getTime() + seconds * 1000) })
      .where(and(eq(loginAttempts.login, login), eq(loginAttempts.address, address)));
  }
  return seconds;
}

/** Whether a login is locked from some address now (the HR agent page shows it, with the unlock button). */
export async function lockedAddresses(db: Db | Tx, rawLogin: string, now = new Date()): Promise<number> {
  const login = rawLogin.trim().toLowerCase();
  const rows = await db
    .select({ address: loginAttempts.address })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.login, login), gt(loginAttempts.lockedUntil, now)));
  return rows.length;
}

/**
 * An administrator's unlock: forgets the login's failures from every address, and the
 * address-wide counts of the addresses it failed from (the agent's own address may have been
 * the one locked).
 */
export async function clearLoginAttempts(db: Db | Tx, rawLogin: string): Promise<void> {
  const login = rawLogin.trim().toLowerCase();
  const rows = await db.select({ address: loginAttempts.address }).from(loginAttempts).where(eq(loginAttempts.login, login));
  await db.delete(loginAttempts).where(eq(loginAttempts.login, login));
  const addresses = [...new Set(rows.map((r) => r.address))];
  if (addresses.length) {
    await db.delete(loginAttempts).where(and(eq(loginAttempts.login, ANY_LOGIN), inArray(loginAttempts.address, addresses)));
  }
}

/** Deletes attempt rows idle for longer than the retention that lock nothing any more. */
export async function purgeLoginAttempts(db: Db | Tx, now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - ATTEMPT_RETENTION_SECONDS * 1000);
  const deleted = await db
    .delete(loginAttempts)
    .where(
      and(
        or(lt(loginAttempts.lastFailureAt, before), isNull(loginAttempts.lastFailureAt)),
        or(isNull(loginAttempts.lockedUntil), lt(loginAttempts.lockedUntil, now)),
      ),
    )
    .returning({ login: loginAttempts.login });
  return deleted.length;
}
