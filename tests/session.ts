// The user a test acts as. The session is the one thing tests cannot produce without a browser:
// tests/setup.ts replaces next-auth's getServerSession, and only it, in every test file with a
// reader of the user set here. Everything after it (the user lookup, the permission table, the
// action or route) is real. Each test file starts signed out.

let signedIn: { uid: number; sv?: number; sid?: string } | undefined;

/**
 * Acts as this user (a `users.id`) until the next call; `undefined` signs out. `session` is what
 * else the JWT carries: the session version it was signed with (absent: read as 0, a new account's
 * version) and its session id.
 */
export function signInAs(userId: number | undefined, session: { sessionVersion?: number; sessionId?: string } = {}): void {
  signedIn = userId ? { uid: userId, sv: session.sessionVersion, sid: session.sessionId } : undefined;
}

export function signOut(): void {
  signedIn = undefined;
}

/** What the replaced getServerSession returns: the JWT's claims, as lib/auth/options.ts puts them. */
export function testSession(): { uid: number; sv?: number; sid?: string } | null {
  return signedIn ? { ...signedIn } : null;
}
