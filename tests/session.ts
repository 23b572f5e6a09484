// The user a test acts as. The session is the one thing tests cannot produce without a browser:
// tests/setup.ts replaces next-auth's getServerSession, and only it, in every test file with a
// reader of the user set here. Everything after it (the user lookup, the permission table, the
// action or route) is real. Each test file starts signed out.

let signedIn: number | undefined;

/** Acts as this user (a `users.id`) until the next call; `undefined` signs out. */
export function signInAs(userId: number | undefined): void {
  signedIn = userId;
}

export function signOut(): void {
  signedIn = undefined;
}

/** What the replaced getServerSession returns: the JWT's user id, as lib/auth/options.ts puts it. */
export function testSession(): { uid: number } | null {
  return signedIn ? { uid: signedIn } : null;
}
