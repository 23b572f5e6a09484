import { cache } from "react";
import { getServerSession } from "next-auth";
import { redirect, forbidden } from "next/navigation";
import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { users, type Right, type Role } from "@/db/schema";
import { authOptions } from "./options";
import { can, type Permission } from "./permissions";

export interface SessionUser {
  id: number;
  login: string;
  name: string;
  role: Role;
  rights: Right[];
  locale: string;
}

/**
 * The signed-in user as the database knows it now: an archived user or a changed role takes
 * effect at the next request, not when the JWT expires.
 */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const session = (await getServerSession(authOptions)) as { uid?: number } | null;
  if (!session?.uid) return null;
  const db = await getDb();
  const [user] = await db
    .select({ id: users.id, login: users.login, name: users.name, role: users.role, rights: users.rights, locale: users.locale })
    .from(users)
    .where(and(eq(users.id, session.uid), isNull(users.archivedAt)));
  return user ?? null;
});

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
