import { encode } from "next-auth/jwt";
import type { Account } from "next-auth";
import { authOptions } from "./options";

export interface SessionCookie {
  name: string;
  value: string;
  options: { httpOnly: true; sameSite: "lax"; path: "/"; secure: boolean; expires: Date };
}

const DEFAULT_MAX_AGE = 30 * 24 * 60 * 60;

/** next-auth's own rule: `__Secure-` cookies when the public URL is https. */
function secureCookies(): boolean {
  return authOptions.useSecureCookies ?? (process.env.NEXTAUTH_URL ?? "").startsWith("https://");
}

export function sessionCookieName(): string {
  return `${secureCookies() ? "__Secure-" : ""}next-auth.session-token`;
}

/**
 * The JWT session cookie next-auth sets after a credentials sign-in, made by the sign-in form's
 * server action (which works without JavaScript, so it cannot go through next-auth's client and
 * its CSRF round trip). Same token (next-auth's default claims passed through our `jwt`
 * callback), same encryption (`encode` with NEXTAUTH_SECRET), same name and attributes: every
 * reader — getServerSession, the proxy's withAuth, sign-out — treats it as its own.
 */
export async function sessionCookieFor(
  user: { id: number; name: string; login: string; sessionVersion?: number },
  now = new Date(),
): Promise<SessionCookie> {
  const secret = authOptions.secret ?? process.env.NEXTAUTH_SECRET;
  if (!secret) throw new Error("NEXTAUTH_SECRET is not set");
  const maxAge = authOptions.session?.maxAge ?? DEFAULT_MAX_AGE;
  const account: Account = { providerAccountId: String(user.id), type: "credentials", provider: "credentials" };
  const nextAuthUser = { id: String(user.id), name: user.name, login: user.login, sessionVersion: user.sessionVersion ?? 0 };
  let token: Record<string, unknown> = { name: user.name, email: undefined, picture: undefined, sub: String(user.id) };
  if (authOptions.callbacks?.jwt)
    token = await authOptions.callbacks.jwt({ token, user: nextAuthUser, account, isNewUser: false, trigger: "signIn" });
  const value = await encode({ token, secret, maxAge });
  return {
    name: sessionCookieName(),
    value,
    options: { httpOnly: true, sameSite: "lax", path: "/", secure: secureCookies(), expires: new Date(now.getTime() + maxAge * 1000) },
  };
}
