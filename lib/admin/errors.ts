import { ActionError } from "@/lib/auth/action";

/** PostgreSQL's unique_violation, from postgres.js or PGlite (drizzle may wrap it in `cause`). */
export function isUniqueViolation(err: unknown): boolean {
  for (let e = err as { code?: string; cause?: unknown } | undefined, i = 0; e && i < 4; e = e.cause as typeof e, i++) {
    if (e.code === "23505") return true;
  }
  return false;
}

/**
 * Runs a write and turns a unique violation into a field error. The database enforces the rule,
 * so two admins saving the same code at once get the message too, not a crash.
 */
export async function uniqueOr<T>(field: string, write: () => Promise<T>, message = "adminCommon.errors.duplicate"): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (isUniqueViolation(err)) throw new ActionError(message, { [field]: [message] });
    throw err;
  }
}

/** Refuses to archive an object still used, naming its users. */
export function refuseIfUsed(users: string[]): void {
  if (users.length > 0) {
    const names = users.slice(0, 10).join(", ") + (users.length > 10 ? ` (+${users.length - 10})` : "");
    throw new ActionError("adminCommon.errors.inUse", undefined, { users: names });
  }
}

/** Refuses a write based on a stale copy (optimistic lock on updated_at). */
export function refuseIfStale(current: Date, expected: string | undefined): void {
  if (expected && current.toISOString() !== new Date(expected).toISOString()) {
    throw new ActionError("adminCommon.errors.stale");
  }
}
