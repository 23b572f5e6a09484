import { randomUUID } from "node:crypto";
import type { NextAuthOptions } from "next-auth";
import CredentialsProviderModule from "next-auth/providers/credentials";
import { clientAddress } from "./client-address";
import { authenticate } from "./login";
import { agentSignedOut } from "@/lib/routing/presence";
import { loginSchema } from "./login.schema";

// next-auth ships CommonJS: Next's bundler unwraps its default export, Node's ESM loader (tsx
// scripts, the reliability suite's worker processes) hands over the module object instead.
const CredentialsProvider = ((CredentialsProviderModule as unknown as { default?: typeof CredentialsProviderModule }).default ??
  CredentialsProviderModule) as typeof CredentialsProviderModule;

/** What our JWT carries beyond next-auth's claims. */
export interface RelaisToken {
  uid?: number;
  /** users.session_version at sign-in: a bumped version ends the session (lib/auth/revoke.ts). */
  sv?: number;
  /** This session's id: signing out closes its live streams, not the user's other sessions'. */
  sid?: string;
}

/** Sign-in errors are codes the login page translates; `locked:<seconds>` carries the wait. */
export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/login" },
  providers: [
    CredentialsProvider({
      name: "Relais",
      credentials: { login: { label: "login", type: "text" }, password: { label: "password", type: "password" } },
      async authorize(credentials, req) {
        // Credentials travel only in a POST body: a query string lands in history, proxies and logs.
        if (req?.query && ("password" in req.query || "login" in req.query)) throw new Error("invalid");
        const parsed = loginSchema.safeParse({ login: credentials?.login ?? "", password: credentials?.password ?? "" });
        if (!parsed.success) throw new Error("invalid");
        const result = await authenticate(parsed.data.login, parsed.data.password, clientAddress(req?.headers as never));
        if (!result.ok) {
          throw new Error(result.reason === "locked" ? `locked:${result.retryAfterSeconds}` : "invalid");
        }
        return { id: String(result.user.id), name: result.user.name, login: result.user.login, sessionVersion: result.user.sessionVersion };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        const signedIn = user as { id: string; sessionVersion?: number };
        token.uid = Number(signedIn.id);
        token.sv = signedIn.sessionVersion ?? 0;
        token.sid = randomUUID();
      }
      return token;
    },
    async session({ session, token }) {
      // Role and rights are read from the database on every server check (lib/auth/session.ts),
      // so the session only carries who the user is, which version of his sessions, and which one.
      const t = token as RelaisToken;
      return { ...session, uid: t.uid as number, sv: t.sv ?? 0, sid: t.sid };
    },
  },
  events: {
    // Logging out sets an agent Offline and sends his conversations back to the queue, and closes
    // this session's live streams.
    async signOut({ token }) {
      const t = (token ?? {}) as RelaisToken;
      if (typeof t.uid === "number") await agentSignedOut(t.uid);
      if (!t.uid || !t.sid) return;
      const { announceSignOut } = await import("./revoke");
      await announceSignOut(t.uid, t.sid);
    },
  },
};
