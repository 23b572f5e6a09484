import { cache } from "react";
import { getServerSession } from "next-auth";
import { redirect, forbidden } from "next/navigation";
import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { agentProfiles, users, type Role } from "@/db/schema";
import { authOptions } from "./options";
import { can, effectiveRights, type Permission, type Right } from "./permissions";

export interface SessionUser {
  id: number;
  login: string;
  name: string;
  role: Role;
  /** Effective rights: `users.rights` and the profile's rights, through `effectiveRights`. */
  rights: Right[];
  locale: string;
  /** The JWT's session id (absent for sessions signed before it existed). */
  sessionId?: string;
  /** The session version the JWT carries (equal to the user's: an older one is no session). */
  sessionVersion?: number;
}

/**
 * The signed-in user as the database knows it now, with its profile's rights in the same query:
 * an archived user or a changed role or right takes effect at the next request, not when the JWT
 * expires. The session's version must still be the user's: a revoked session (lib/auth/revoke.ts)
 * is anonymous from its next request on. Once per request (React `cache`).
 */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const session = (await getServerSession(authOptions)) as { uid?: number; sv?: number; sid?: string } | null;
  if (!session?.uid) return null;
  return loadSessionUser(session.uid, session.sv ?? 0, session.sid);
});

/** The user of a session (id, session version, session id), or null when archived or revoked. */
export async function loadSessionUser(uid: number, sessionVersion: number, sessionId?: string): Promise<SessionUser | null> {
  const db = await getDb();
  const [user] = await db
    .select({
      id: users.id,
      login: users.login,
      name: users.name,
      role: users.role,
      rights: users.rights,
      locale: users.locale,
      supervisionRights: agentProfiles.supervisionRights,
      miscRights: agentProfiles.miscRights,
    })
    .from(users)
    .leftJoin(agentProfiles, eq(agentProfiles.userId, users.id))
    .where(and(eq(users.id, uid), isNull(users.archivedAt), eq(users.sessionVersion, sessionVersion)));
  if (!user) return null;
  const { supervisionRights, miscRights, ...account } = user;
  const profile = supervisionRights && miscRights ? { supervisionRights, miscRights } : null;
  return {
    ...account,
    rights: effectiveRights({ role: user.role, rights: user.rights, profile }),
    sessionVersion,
    ...(sessionId ? { sessionId } : {}),
  };
}

/** For pages and layouts: anonymous → /login, signed in without the right → 403 page. */
export async function requirePage(permission: Permission): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect("/login");
  if (!can(user, permission)) forbidden();
  return user;
}

export class AuthError extends Error {
  constructor(public readonly status: 401 | 403) {
    super(status === 401 ? "Not signed in" : "Forbidden");
  }
}

/** For route handlers and actions: throws AuthError instead of rendering. */
export async function requireUser(permission: Permission): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) throw new AuthError(401);
  if (!can(user, permission)) throw new AuthError(403);
  return user;
}
