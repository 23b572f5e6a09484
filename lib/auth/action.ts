import { z } from "zod";
import { AuthError, requireUser, type SessionUser } from "./session";
import type { Permission } from "./permissions";

export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; error: string; fieldErrors?: Record<string, string[]>; params?: Record<string, string | number> };

/** Thrown by handlers for a refusal the user should read (conflict, state that forbids it…). */
export class ActionError extends Error {
  constructor(
    message: string,
    public readonly fieldErrors?: Record<string, string[]>,
    public readonly params?: Record<string, string | number>,
  ) {
    super(message);
  }
}

/**
 * The one way to write a mutation: permission checked on the server, input parsed with the same
 * zod schema the form uses, and a result instead of a crash. Error strings are i18n keys.
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
      return { ok: true, data: await handler(parsed.data, user) };
    } catch (err) {
      if (err instanceof ActionError) {
        return { ok: false, error: err.message, ...(err.fieldErrors ? { fieldErrors: err.fieldErrors } : {}), ...(err.params ? { params: err.params } : {}) };
      }
      console.error(`[action:${permission}]`, err);
      return { ok: false, error: "errors.unexpected" };
    }
  };
}
