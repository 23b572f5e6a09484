"use client";

import type { FieldValues, Path, UseFormReturn } from "react-hook-form";
import type { ActionResult } from "@/lib/auth/action";
import { useT } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/translate";
import { useToast } from "@/components/ui/toast";

/**
 * Turns an action result into what the user sees: field errors on their fields, the general
 * error as a toast, success as a toast. Returns true on success.
 */
export function useActionFeedback() {
  const t = useT();
  const { toast } = useToast();
  return function report<T, F extends FieldValues>(
    result: ActionResult<T>,
    options: { form?: UseFormReturn<F>; success?: MessageKey } = {},
  ): result is { ok: true; data: T } {
    if (result.ok) {
      if (options.success) toast({ title: t(options.success), variant: "success" });
      return true;
    }
    if (options.form && result.fieldErrors) {
      for (const [field, messages] of Object.entries(result.fieldErrors)) {
        options.form.setError(field as Path<F>, { type: "server", message: messages[0] });
      }
    }
    toast({ title: t(result.error as MessageKey, result.params), variant: "error" });
    return false;
  };
}
