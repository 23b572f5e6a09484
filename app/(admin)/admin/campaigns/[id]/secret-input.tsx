"use client";

import type { UseFormRegisterReturn } from "react-hook-form";
import type { SecretView } from "@/lib/campaigns/credentials";
import { useT } from "@/lib/i18n/client";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";

/**
 * A write-only secret: the page only knows whether it is set and its mask. Typing replaces it;
 * leaving the field empty keeps the stored value.
 */
export function SecretInput({
  id,
  label,
  view,
  error,
  registration,
}: {
  id: string;
  label: string;
  view: SecretView | undefined;
  error?: string;
  registration: UseFormRegisterReturn;
}) {
  const t = useT();
  const hint = view?.set ? t("campaigns.general.secretSet", { masked: view.masked }) : t("campaigns.general.secretUnset");
  return (
    <FormField label={label} htmlFor={id} error={error} hint={hint}>
      <Input type="password" autoComplete="new-password" spellCheck={false} placeholder={view?.set ? view.masked : ""} {...registration} />
    </FormField>
  );
}
