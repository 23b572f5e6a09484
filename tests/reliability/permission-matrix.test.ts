import { describe, it, expect, vi, beforeAll } from "vitest";
import { actionAccess } from "@/lib/auth/action";
import { can, type Permission, type Principal } from "@/lib/auth/permissions";
import { loadSessionUser } from "@/lib/auth/session";
import { PUBLIC, routeAccess, type RouteAccess } from "@/lib/auth/route";
import { hashPassword } from "@/lib/auth/password";
import { users } from "@/db/schema";
import { eq } from "drizzle-orm";
import { setupDemoWorkspace } from "../demo-fixture";
import { signInAs, signOut } from "../session";
import { discoverModules, httpMethods, loadModule, routeUrl } from "./discover";
import { actionMatrix, routeMatrix } from "./permission-matrix";

vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: () => undefined, set: () => {}, delete: () => {}, getAll: () => [] }),
  headers: async () => new Headers({ "x-forwarded-for": "192.0.2.99" }),
}));

const modules = discoverModules();
const actions: { key: string; fn: (...args: unknown[]) => Promise<unknown> }[] = [];
const routes: { key: string; file: string; method: string; fn: (r: Request, c: unknown) => Promise<Response> }[] = [];
for (const file of modules.actions) {
  const mod = await loadModule(file);
  for (const [name, value] of Object.entries(mod))
    if (typeof value === "function") actions.push({ key: `${file}#${name}`, fn: value as never });
}
for (const file of modules.routes) {
  const mod = await loadModule(file);
  for (const method of httpMethods)
    if (typeof mod[method] === "function") routes.push({ key: `${file}#${method}`, file, method, fn: mod[method] as never });
}

type Caller = { name: string; login?: string; principal: Principal | null };

describe("permission matrix: every server action and route handler, as every kind of user", () => {
  const w = setupDemoWorkspace();
  const callers: Caller[] = [];

  beforeAll(async () => {
    // A sales rep, and a supervisor of no group, beside the demo's accounts.
    const hash = await hashPassword("Matrix-password-2026!");
    await w.db.insert(users).values([
      { login: "matrix.sales", name: "Sales Rep", role: "sales_rep", passwordHash: hash },
      { login: "matrix.sup", name: "Lone Supervisor", role: "supervisor", rights: ["supervision"], passwordHash: hash },
    ]);
    callers.push({ name: "anonymous", principal: null });
    for (const [name, login] of [
      ["agent", "1000"],
      ["supervisor (of the agents' group)", "superviseur"],
      ["supervisor (of no group)", "matrix.sup"],
      ["sales rep", "matrix.sales"],
      ["admin", "admin"],
    ] as const) {
      const [row] = await w.db.select({ id: users.id }).from(users).where(eq(users.login, login));
      callers.push({ name, login, principal: await loadSessionUser(row.id, 0) });
    }
  });

  it("knows every action and route, with the access the code declares", () => {
    const declaredActions = Object.fromEntries(actions.map((a) => [a.key, actionAccess(a.fn)?.permission ?? "NOT MADE BY defineAction"]));
    const declaredRoutes = Object.fromEntries(
      routes.map((r) => [r.key, (routeAccess(r.fn)?.access ?? "NOT MADE BY defineRoute") as RouteAccess | string]),
    );
    // RELAIS_PRINT_MATRIX=1 prints what the code declares, to review and paste into the matrix.
    if (process.env.RELAIS_PRINT_MATRIX) console.log(`MATRIX ${JSON.stringify({ declaredActions, declaredRoutes })}`);
    expect(declaredActions, "tests/reliability/permission-matrix.ts actionMatrix").toEqual(actionMatrix);
    expect(declaredRoutes, "tests/reliability/permission-matrix.ts routeMatrix").toEqual(routeMatrix);
  });

  it("refuses each action exactly (never a 500, never data) to whoever lacks its permission, and lets the others reach its validation", async () => {
    const failures: string[] = [];
    for (const action of actions) {
      const permission = actionMatrix[action.key];
      if (!permission) continue;
      for (const caller of callers) {
        if (caller.principal) signInAs(caller.principal.id);
        else signOut();
        const result = (permission === "public" ? await action.fn(null, new FormData()) : await action.fn(undefined)) as {
          ok: boolean;
          error?: string;
        };
        const expected =
          permission === "public" || can(caller.principal, permission as Permission)
            ? "errors.invalidInput"
            : caller.principal
              ? "errors.forbidden"
              : "errors.unauthenticated";
        if (result.ok || result.error !== expected || ("data" in result && result.data !== undefined))
          failures.push(`${action.key} as ${caller.name}: expected ${expected}, got ${JSON.stringify(result).slice(0, 200)}`);
      }
    }
    expect(failures).toEqual([]);
    console.log(`RESULT permission-matrix actions=${actions.length} callers=${callers.length} calls=${actions.length * callers.length}`);
  });

  it("answers each route 401/403 with the error only to whoever lacks its access, never a 500", async () => {
    const failures: string[] = [];
    for (const route of routes) {
      const access = routeMatrix[route.key];
      if (!access || access === PUBLIC) continue; // next-auth's and Inngest's own endpoints authenticate themselves
      const { url, params } = routeUrl(route.file);
      const permissions: Permission[] = typeof access === "string" ? [access as Permission] : [...(access as readonly Permission[])];
      for (const caller of callers) {
        if (caller.principal) signInAs(caller.principal.id);
        else signOut();
        const abort = new AbortController();
        const stateChanging = !["GET", "HEAD", "OPTIONS"].includes(route.method);
        const request = new Request(url, {
          method: route.method,
          headers: {
            host: "localhost:3000",
            origin: "http://localhost:3000",
            ...(stateChanging ? { "content-type": "application/json" } : {}),
          },
          ...(stateChanging ? { body: "{}" } : {}),
          signal: abort.signal,
        });
        const response = await route.fn(request, { params: Promise.resolve(params) });
        const allowed = permissions.some((p) => can(caller.principal, p));
        if (!allowed) {
          const expectedStatus = caller.principal ? 403 : 401;
          const body = await response.text();
          const expectedBody = JSON.stringify({ ok: false, error: caller.principal ? "errors.forbidden" : "errors.unauthenticated" });
          if (response.status !== expectedStatus || body !== expectedBody)
            failures.push(`${route.key} as ${caller.name}: expected ${expectedStatus}, got ${response.status} ${body.slice(0, 120)}`);
        } else if ([401, 403].includes(response.status) || response.status >= 500) {
          failures.push(`${route.key} as ${caller.name}: allowed, but answered ${response.status}`);
        }
        abort.abort();
        await response.body?.cancel().catch(() => {});
      }
    }
    expect(failures).toEqual([]);
    console.log(`RESULT permission-matrix routes=${routes.length} callers=${callers.length}`);
  });
});
