"use client";

import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { scriptNameSchema, type ScriptNameInput } from "@/lib/scripts/script.schema";
import { useT } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/translate";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { useActionFeedback } from "@/components/admin/use-action-feedback";
import { createScriptAction } from "../../actions";

export function NewScriptForm() {
  const t = useT();
  const router = useRouter();
  const report = useActionFeedback();
  const form = useForm<ScriptNameInput>({ resolver: zodResolver(scriptNameSchema), defaultValues: { name: "" } });
  const error = form.formState.errors.name?.message;
  async function onSubmit(values: ScriptNameInput) {
    const result = await createScriptAction(values);
    if (report(result, { form, success: "designer.new.created" })) router.push(`/designer/scripts/${result.data.id}`);
  }
  return (
    <form onSubmit={form.handleSubmit(onSubmit)} className="max-w-lg space-y-4" noValidate>
      <FormField
        label={t("designer.home.name")}
        htmlFor="name"
        error={error ? t(error as MessageKey) : undefined}
        hint={t("designer.new.nameHint")}
        required
      >
        <Input autoComplete="off" autoFocus {...form.register("name")} />
      </FormField>
      <div className="flex gap-2">
        <Button type="submit" loading={form.formState.isSubmitting}>
          {t("adminCommon.create")}
        </Button>
        <Button type="button" variant="secondary" onClick={() => router.push("/designer")}>
          {t("common.cancel")}
        </Button>
      </div>
    </form>
  );
}
