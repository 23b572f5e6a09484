import { NextResponse, type NextFetchEvent } from "next/server";
import { withAuth, type NextRequestWithAuth } from "next-auth/middleware";
import { withoutCredentials } from "@/lib/auth/query-credentials";

const redirectAnonymous = withAuth({ pages: { signIn: "/login" } });

/**
 * Credentials never count in a query string (a sign-in form submitted as GET puts the password
 * in history, proxies and logs): such a URL is answered by the same URL without them, and
 * nothing signs in from it. Otherwise only the optimistic redirect of anonymous visitors to
 * /login; authorisation is checked on the server by every page, action and route handler.
 */
export default async function proxy(request: NextRequestWithAuth, event: NextFetchEvent) {
  const clean = withoutCredentials(request.nextUrl);
  if (clean) return NextResponse.redirect(clean, 303);
  return redirectAnonymous(request, event);
}

export const config = {
  matcher: ["/((?!api/auth|api/inngest|api/health|_next/static|_next/image|favicon.ico).*)"],
};
