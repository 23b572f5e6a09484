import { NextRequest } from "next/server";
import { ZodError } from "zod";
import type { ActionResult } from "./action";
import { ActionError } from "./action-error";
import { BodyTooLargeError, readBoundedBody } from "./body";
import { can, type Permission } from "./permissions";
import { isStateChanging, sameOrigin } from "./same-origin";
import { AuthError, currentUser, type SessionUser } from "./session";

/**
 * The access of a route anyone may call: next-auth's own endpoints (signing in is how one gets a
 * session) and Inngest's (it authenticates its calls with INNGEST_SIGNING_KEY). Written out at the
 * call site so that a public route is a decision someone made, never a forgotten check.
 */
export const PUBLIC = "public";

/** A permission of the table, several (any one is enough), or PUBLIC. */
export type RouteAccess = Permission | readonly [Permission, ...Permission[]] | typeof PUBLIC;

export interface RouteOptions {
  /** POST/PUT/PATCH/DELETE must carry our Origin (a missing one is refused). Default true. */
  sameOrigin?: boolean;
  /** Body limit, counted as the bytes stream in; over it → 413 and the handler does not run. */
  maxBytes?: number;
  /** What the 413 answer says: an i18n key, and the form field to show it on. */
  tooLarge?: { error: string; field?: string };
  /** Status of a successful ActionResult returned by the handler. Default 200. */
  okStatus?: number;
}

// Server actions stop at 1 MB too; a route that takes files says how much more it accepts.
export const DEFAULT_MAX_BYTES = 1024 * 1024;

export interface RouteContext<U, P> {
  user: U;
  params: P;
  /** The request; for state-changing methods a copy carrying the already-read, bounded body. */
  readonly request: Request;
  /** Next's second argument, for handlers written for Next itself (next-auth, Inngest). */
  next: { params: Promise<P> };
  body(): Uint8Array<ArrayBuffer>;
  text(): string;
  json(): unknown;
  formData(): Promise<FormData>;
}

type Reply = Response | ActionResult<unknown>;
type Handler<U, P> = (ctx: RouteContext<U, P>) => Reply | Promise<Reply>;
type NextHandler<P> = (request: Request, context?: { params: Promise<P> }) => Promise<Response>;

const ROUTE = Symbol.for("relais.defineRoute");
type Marked = { [ROUTE]?: { access: RouteAccess; options: RouteOptions } };

/** What defineRoute recorded on a handler, or undefined when it was not made by defineRoute. */
export function routeAccess(handler: unknown): { access: RouteAccess; options: RouteOptions } | undefined {
  return typeof handler === "function" ? (handler as Marked)[ROUTE] : undefined;
}

type Params = Record<string, string | string[]>;

/**
 * The one way to write a route handler: the session and permission are checked first (401/403),
 * then the origin of a state-changing request, then the body is read with its byte limit, and
 * only then does the handler run. Errors are mapped here once: AuthError → 401/403, ActionError
 * and zod errors → 400 with their i18n key, an oversized body → 413, anything else → 500 (logged).
 * A handler may return a Response or an ActionResult (mapped the same way).
 */
export function defineRoute<P = Params>(access: typeof PUBLIC, options: RouteOptions, handler: Handler<null, P>): NextHandler<P>;
export function defineRoute<P = Params>(
  access: Exclude<RouteAccess, typeof PUBLIC>,
  options: RouteOptions,
  handler: Handler<SessionUser, P>,
): NextHandler<P>;
export function defineRoute<P>(
  access: RouteAccess,
  options: RouteOptions,
  handler: Handler<SessionUser, P> | Handler<null, P>,
): NextHandler<P> {
  const route: NextHandler<P> & Marked = async (request, context) => {
    try {
      const user = access === PUBLIC ? null : await authorize(access);
      if (options.sameOrigin !== false && isStateChanging(request.method) && !sameOrigin(request)) throw new AuthError(403);
      const body = isStateChanging(request.method)
        ? await readBoundedBody(request, options.maxBytes ?? DEFAULT_MAX_BYTES)
        : new Uint8Array(0);
      const ctx = await routeContext(request, body, user, context ?? { params: Promise.resolve({} as P) });
      // The overloads pair PUBLIC with a null user and every other access with a signed-in one.
      return toResponse(await (handler as Handler<SessionUser | null, P>)(ctx), options);
    } catch (err) {
      return errorResponse(err, options);
    }
  };
  route[ROUTE] = { access, options };
  return route;
}

async function authorize(access: Exclude<RouteAccess, typeof PUBLIC>): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) throw new AuthError(401);
  const permissions: readonly Permission[] = typeof access === "string" ? [access] : access;
  if (!permissions.some((p) => can(user, p))) throw new AuthError(403);
  return user;
}

async function routeContext<U, P>(
  request: Request,
  body: Uint8Array<ArrayBuffer>,
  user: U,
  next: { params: Promise<P> },
): Promise<RouteContext<U, P>> {
  let copy: Request | undefined;
  return {
    user,
    params: await next.params,
    next,
    get request() {
      if (!isStateChanging(request.method)) return request;
      // The original body stream is consumed: handlers that read the request themselves get the
      // same bytes, still a NextRequest (next-auth reads `nextUrl`).
      copy ??= new NextRequest(request.url, {
        method: request.method,
        headers: request.headers,
        body: body.byteLength ? body : undefined,
        signal: request.signal,
      });
      return copy;
    },
    body: () => body,
    text: () => new TextDecoder().decode(body),
    json: () => {
      try {
        return JSON.parse(new TextDecoder().decode(body));
      } catch {
        throw new ActionError("errors.invalidInput");
      }
    },
    async formData() {
      try {
        return await new Response(body, { headers: { "content-type": request.headers.get("content-type") ?? "" } }).formData();
      } catch {
        throw new ActionError("errors.invalidInput");
      }
    },
  };
}

function statusOf(error: string): number {
  if (error === "errors.unauthenticated") return 401;
  if (error === "errors.forbidden") return 403;
  if (error === "errors.unexpected") return 500;
  return 400;
}

function toResponse(reply: Reply, options: RouteOptions): Response {
  if (reply instanceof Response) return reply;
  return Response.json(reply, { status: reply.ok ? (options.okStatus ?? 200) : statusOf(reply.error) });
}

function errorResponse(err: unknown, options: RouteOptions): Response {
  // notFound(), redirect() and friends are Next's control flow, not failures.
  if (typeof (err as { digest?: unknown })?.digest === "string" && (err as { digest: string }).digest.startsWith("NEXT_")) throw err;
  let result: ActionResult<never>;
  let status: number;
  if (err instanceof AuthError) {
    result = { ok: false, error: err.status === 401 ? "errors.unauthenticated" : "errors.forbidden" };
    status = err.status;
  } else if (err instanceof BodyTooLargeError) {
    const error = options.tooLarge?.error ?? "errors.tooLarge";
    result = { ok: false, error, ...(options.tooLarge?.field ? { fieldErrors: { [options.tooLarge.field]: [error] } } : {}) };
    status = 413;
  } else if (err instanceof ActionError) {
    result = {
      ok: false,
      error: err.message,
      ...(err.fieldErrors ? { fieldErrors: err.fieldErrors } : {}),
      ...(err.params ? { params: err.params } : {}),
    };
    status = 400;
  } else if (err instanceof ZodError) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of err.issues) (fieldErrors[issue.path.join(".") || "_"] ??= []).push(issue.message);
    result = { ok: false, error: "errors.invalidInput", fieldErrors };
    status = 400;
  } else {
    console.error("[route]", err);
    result = { ok: false, error: "errors.unexpected" };
    status = 500;
  }
  return Response.json(result, { status });
}
