import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { authenticate } from "./login";
import { agentSignedOut } from "@/lib/routing/presence";

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
        const login = credentials?.login ?? "";
        const password = credentials?.password ?? "";
        if (!login || !password) throw new Error("invalid");
        const result = await authenticate(login, password);
        if (!result.ok) {
          throw new Error(result.reason === "locked" ? `locked:${result.retryAfterSeconds}` : "invalid");
        }
        return { id: String(result.user.id), name: result.user.name, login: result.user.login };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) token.uid = Number(user.id);
      return token;
    },
    async session({ session, token }) {
      // Role and rights are read from the database on every server check (lib/auth/session.ts),
      // so the session only carries who the user is.
      return { ...session, uid: token.uid as number };
    },
  },
  events: {
    // Logging out sets an agent Offline and sends his conversations back to the queue.
    async signOut({ token }) {
      if (typeof token?.uid === "number") await agentSignedOut(token.uid);
    },
  },
};
