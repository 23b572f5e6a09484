"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { loginSchema, type LoginInput } from "@/lib/auth/login.schema";
import { useT } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/translate";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";

export function LoginForm() {
  const t = useT();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const form = useForm<LoginInput>({ resolver: zodResolver(loginSchema), defaultValues: { login: "", password: "" } });
  const { errors, isSubmitting } = form.formState;

  async function onSubmit(values: LoginInput) {
    setError(null);
    const result = await signIn("credentials", { ...values, redirect: false });
    if (!result || result.error) {
      const code = result?.error ?? "invalid";
      if (code.startsWith("locked:")) {
        setError(t("auth.tooManyAttempts", { minutes: Math.max(1, Math.ceil(Number(code.slice(7)) / 60)) }));
      } else {
        setError(t("auth.invalidCredentials"));
      }
      return;
    }
    // The root layout (language, navigation) must re-render with the new session too.
    router.replace("/");
    router.refresh();
  }

  return (
    <form onSubmit={form.handleSubmit(onSubmit)} className="space-y-4" noValidate>
      <FormField label={t("auth.login")} htmlFor="login" error={errors.login && t(errors.login.message as MessageKey)} required>
        <Input autoComplete="username" autoFocus {...form.register("login")} />
      </FormField>
      <FormField label={t("auth.password")} htmlFor="password" error={errors.password && t(errors.password.message as MessageKey)} required>
        <Input type="password" autoComplete="current-password" {...form.register("password")} />
      </FormField>
      {error ? (
        <p role="alert" className="rounded-control border border-danger/40 bg-danger/10 px-3 py-2 text-sm text-danger">
          {error}
        </p>
      ) : null}
      <Button type="submit" className="w-full" loading={isSubmitting}>
        {t("auth.submit")}
      </Button>
    </form>
  );
}
