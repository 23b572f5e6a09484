import { z } from "zod";
import { AuthError, requireUser, type SessionUser } from "./session";
import type { Permission } from "./permissions";
import { ActionError } from "./action-error";

export { ActionError };

export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; error: string; fieldErrors?: Record<string, string[]>; params?: Record<string, string | number> };

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
  return async (input) => {
    let user: SessionUser;
    try {
      user = await requireUser(permission);
    } catch (err) {
      if (err instanceof AuthError) {
        return { ok: false, error: err.status === 401 ? "errors.unauthenticated" : "errors.forbidden" };
      }
      throw err;
    }
    const parsed = schema.safeParse(input);
    if (!parsed.success) {
      const fieldErrors: Record<string, string[]> = {};
      for (const issue of parsed.error.issues) {
        const key = issue.path.join(".") || "_";
        (fieldErrors[key] ??= []).push(issue.message);
      }
      return { ok: false, error: "errors.invalidInput", fieldErrors };
    }
    try {
      const data = await handler(parsed.data, user);
      return { ok: true, data };
    } catch (err) {
      if (err instanceof ActionError) {
        return { ok: false, error: err.message, ...(err.fieldErrors ? { fieldErrors: err.fieldErrors } : {}), ...(err.params ? { params: err.params } : {}) };
      }
      console.error(`[action:${permission}]`, err);
      return { ok: false, error: "errors.unexpected" };
    }
  };
}
