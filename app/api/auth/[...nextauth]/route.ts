import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { PUBLIC, defineRoute } from "@/lib/auth/route";

const nextAuth = NextAuth(authOptions) as (request: Request, context: { params: Promise<{ nextauth: string[] }> }) => Promise<Response>;

// Public: signing in is how one gets a session. next-auth checks its own CSRF token on every
// POST, so the Origin check is left to it; sign-in forms are small.
const options = { sameOrigin: false, maxBytes: 64 * 1024 };
export const GET = defineRoute<{ nextauth: string[] }>(PUBLIC, options, (ctx) => nextAuth(ctx.request, ctx.next));
export const POST = defineRoute<{ nextauth: string[] }>(PUBLIC, options, (ctx) => nextAuth(ctx.request, ctx.next));
