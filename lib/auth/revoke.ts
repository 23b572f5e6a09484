import { eq, sql } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import { agentProfiles, users } from "@/db/schema";
import { emit } from "@/lib/events/emit";
import { effectiveRights, type Right } from "./permissions";

/**
 * Ends every session of a user, in the caller's transaction: the session version carried in
 * each JWT no longer matches (lib/auth/session.ts refuses it at the next page, action or route),
 * and `relais/user.revoked` closes his live streams on every host once the change commits.
 */
export async function revokeSessions(tx: Tx, userId: number): Promise<void> {
  await tx
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, userId));
  await emit(tx, { name: "relais/user.revoked", data: { userId } });
}

/** One session signed out (next-auth's signOut event): its streams close. */
export async function announceSignOut(userId: number, sessionId: string): Promise<void> {
  const db = await getDb();
  await emit(db, { name: "relais/user.signedOut", data: { userId, sessionId } });
}

/** A user's effective rights as stored now (in the caller's transaction). */
export async function storedEffectiveRights(tx: Tx, userId: number): Promise<Right[]> {
  const [row] = await tx
    .select({
      role: users.role,
      rights: users.rights,
      supervisionRights: agentProfiles.supervisionRights,
      miscRights: agentProfiles.miscRights,
    })
    .from(users)
    .leftJoin(agentProfiles, eq(agentProfiles.userId, users.id))
    .where(eq(users.id, userId));
  if (!row) return [];
  const profile = row.supervisionRights && row.miscRights ? { supervisionRights: row.supervisionRights, miscRights: row.miscRights } : null;
  return effectiveRights({ role: row.role, rights: row.rights, profile });
}

/**
 * After an edit of an account: a right it held before and no longer holds ends its sessions (a
 * granted right needs nothing: rights are read from the database on every request).
 */
export async function revokeIfRightsRemoved(tx: Tx, userId: number, before: readonly Right[]): Promise<boolean> {
  const after = new Set(await storedEffectiveRights(tx, userId));
  if (!before.some((r) => !after.has(r))) return false;
  await revokeSessions(tx, userId);
  return true;
}
