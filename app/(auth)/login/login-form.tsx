"use client";

import { startTransition, useActionState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { loginSchema, type LoginInput } from "@/lib/auth/login.schema";
import { useT } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/translate";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { signInAction } from "./actions";

/**
 * A POST form bound to a server action: before the JavaScript has loaded (slow network, fast
 * typist) or without it, the browser posts it as it is and the server answers with the next page
 * or the error. Once loaded, the same action runs after the client-side checks.
 */
export function LoginForm() {
  const t = useT();
  const [state, formAction, pending] = useActionState(signInAction, null);
  const failed = state && !state.ok ? state : null;
  const typedLogin = failed?.params?.login !== undefined ? String(failed.params.login) : "";
  const form = useForm<LoginInput>({ resolver: zodResolver(loginSchema), defaultValues: { login: typedLogin, password: "" } });
  const { errors } = form.formState;
  const fieldError = (field: keyof LoginInput) => {
    const key = errors[field]?.message ?? failed?.fieldErrors?.[field]?.[0];
    return key ? t(key as MessageKey) : undefined;
  };
  const error = failed && !failed.fieldErrors ? t(failed.error as MessageKey, failed.params) : null;

  return (
    <form
      action={formAction}
      onSubmit={form.handleSubmit((values) => {
        const data = new FormData();
        data.set("login", values.login);
        data.set("password", values.password);
        startTransition(() => formAction(data));
      })}
      className="space-y-4"
      noValidate
    >
      <FormField label={t("auth.login")} htmlFor="login" error={fieldError("login")} required>
        {/* Also in the server's HTML: without JavaScript react-hook-form never fills the field. */}
        <Input autoComplete="username" autoFocus defaultValue={typedLogin} {...form.register("login")} />
      </FormField>
      <FormField label={t("auth.password")} htmlFor="password" error={fieldError("password")} required>
        <Input type="password" autoComplete="current-password" {...form.register("password")} />
      </FormField>
      {error ? (
        <p role="alert" className="rounded-control border border-danger/40 bg-danger/10 px-3 py-2 text-sm text-danger">
          {error}
        </p>
      ) : null}
      <Button type="submit" className="w-full" loading={pending}>
        {t("auth.submit")}
      </Button>
    </form>
  );
}
