import { withAuth } from "next-auth/middleware";

// Only the optimistic redirect of anonymous visitors to /login. Authorisation is checked on the
// server by every page, action and route handler (lib/auth).
export default withAuth({ pages: { signIn: "/login" } });

export const config = {
  matcher: ["/((?!login|api/auth|api/inngest|api/health|_next/static|_next/image|favicon.ico).*)"],
};
