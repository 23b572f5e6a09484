import { z } from "zod";
import { unstable_rethrow } from "next/navigation";
import { AuthError, requireUser, type SessionUser } from "./session";
import type { Permission } from "./permissions";
import { ActionError } from "./action-error";

export { ActionError };

export type ActionResult<T> =
  { ok: true; data: T } | { ok: false; error: string; fieldErrors?: Record<string, string[]>; params?: Record<string, string | number> };

const ACTION = Symbol.for("relais.defineAction");
type MarkedAction = { [ACTION]?: { permission: Permission | "public"; schema: z.ZodType } };

/**
 * What defineAction (or definePublicFormAction) recorded on an action, or undefined: the
 * permission matrix reads the permission, the reliability suite's fuzzer the input schema.
 */
export function actionAccess(action: unknown): { permission: Permission | "public"; schema: z.ZodType } | undefined {
  return typeof action === "function" ? (action as MarkedAction)[ACTION] : undefined;
}

function mark<F>(action: F, permission: Permission | "public", schema: z.ZodType): F {
  (action as MarkedAction)[ACTION] = { permission, schema };
  return action;
}

/**
 * The one way to write a mutation: permission checked on the server, input parsed with the same
 * zod schema the form uses, and a result instead of a crash. Error strings are i18n keys.
 * Side effects are not done here: a mutation emits its events in its transaction (lib/events)
 * and their listeners do them.
 */
export function defineAction<S extends z.ZodType, T>(
  permission: Permission,
  schema: S,
  handler: (input: z.infer<S>, user: SessionUser) => Promise<T>,
): (input: z.input<S>) => Promise<ActionResult<T>> {
  return mark(
    async (input: z.input<S>) => {
      let user: SessionUser;
      try {
        user = await requireUser(permission);
      } catch (err) {
        if (err instanceof AuthError) {
          return { ok: false, error: err.status === 401 ? "errors.unauthenticated" : "errors.forbidden" };
        }
        throw err;
      }
      const parsed = parseInput(schema, input);
      if (!parsed.ok) return parsed;
      try {
        const data = await handler(parsed.data, user);
        return { ok: true, data };
      } catch (err) {
        return failure(err, permission);
      }
    },
    permission,
    schema,
  );
}

/**
 * The one mutation that has no session yet: signing in. A form action for `useActionState`, so
 * the form also works as a plain POST before (or without) the page's JavaScript. The handler may
 * `redirect()`; input is parsed with the form's schema and errors are results, as above.
 */
export function definePublicFormAction<S extends z.ZodType, T>(
  name: string,
  schema: S,
  handler: (input: z.infer<S>) => Promise<T>,
): (previous: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>> {
  return mark(
    async (_previous: ActionResult<T> | null, form: FormData) => {
      const parsed = parseInput(schema, Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === "string")));
      if (!parsed.ok) return parsed;
      try {
        return { ok: true, data: await handler(parsed.data) };
      } catch (err) {
        unstable_rethrow(err); // redirect() and Next's own control flow
        return failure(err, name);
      }
    },
    "public",
    schema,
  );
}

function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
): { ok: true; data: z.infer<S> } | { ok: false; error: string; fieldErrors: Record<string, string[]> } {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, data: parsed.data };
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path.join(".") || "_";
    (fieldErrors[key] ??= []).push(issue.message);
  }
  return { ok: false, error: "errors.invalidInput", fieldErrors };
}

function failure(
  err: unknown,
  name: string,
): { ok: false; error: string; fieldErrors?: Record<string, string[]>; params?: Record<string, string | number> } {
  if (err instanceof ActionError) {
    return {
      ok: false,
      error: err.message,
      ...(err.fieldErrors ? { fieldErrors: err.fieldErrors } : {}),
      ...(err.params ? { params: err.params } : {}),
    };
  }
  if (isDataException(err)) {
    // The database refused a value the schema let through (a number past an integer column, a
    // NUL character in a text): the input is invalid, not the server broken. Its transaction
    // rolled back.
    console.warn(`[action:${name}] input refused by the database: ${sqlState(err)}`);
    return { ok: false, error: "errors.invalidInput" };
  }
  console.error(`[action:${name}]`, err);
  return { ok: false, error: "errors.unexpected" };
}

/** The SQLSTATE of a database error, on either driver, also when drizzle wraps it. */
function sqlState(err: unknown): string | undefined {
  for (let e = err, depth = 0; e && typeof e === "object" && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

/** PostgreSQL's class 22, "data exception": out of range, invalid text representation, NUL bytes… */
function isDataException(err: unknown): boolean {
  return sqlState(err)?.startsWith("22") ?? false;
}
