"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { ActionError, definePublicFormAction } from "@/lib/auth/action";
import { clientAddress } from "@/lib/auth/client-address";
import { authenticate } from "@/lib/auth/login";
import { loginSchema } from "@/lib/auth/login.schema";
import { homePath } from "@/lib/auth/permissions";
import { sessionCookieFor } from "@/lib/auth/session-cookie";

/**
 * Sign-in as a POST form action: it works the same before the page's JavaScript has loaded, so
 * the password never travels in a URL. Same throttling as every sign-in (lib/auth/login.ts).
 * On failure the typed login comes back (never the password) so the form can keep it.
 */
export const signInAction = definePublicFormAction("auth.signIn", loginSchema, async ({ login, password }) => {
  const result = await authenticate(login, password, clientAddress(await headers()));
  if (!result.ok) {
    if (result.reason === "locked") {
      throw new ActionError("auth.tooManyAttempts", undefined, { minutes: Math.max(1, Math.ceil(result.retryAfterSeconds / 60)), login });
    }
    throw new ActionError("auth.invalidCredentials", undefined, { login });
  }
  const cookie = await sessionCookieFor(result.user);
  (await cookies()).set(cookie.name, cookie.value, cookie.options);
  redirect(homePath(result.user));
});
