"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { FormProvider, useForm, useWatch } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { defaultProfile, wizardSchema, type WizardInput } from "@/lib/hr/agent.schema";
import { applyNamePattern, parseCodeRange } from "@/lib/hr/codes";
import type { SkillTree } from "@/lib/hr/queries";
import { useT } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/translate";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { useActionFeedback } from "@/components/admin/use-action-feedback";
import { useUnsavedWarning } from "@/components/admin/use-unsaved-warning";
import { AgentProfileTabs } from "@/components/hr/agent-profile-tabs";
import { runHrWizardAction } from "./actions";
import { WizardResult, type CreatedAccount } from "./wizard-result";

export function WizardForm({ skillTree, groups }: { skillTree: SkillTree; groups: { id: number; name: string }[] }) {
  const t = useT();
  const router = useRouter();
  const report = useActionFeedback();
  const [accounts, setAccounts] = useState<CreatedAccount[] | null>(null);
  // The taken codes stay on screen (a toast would vanish before a long list is read).
  const [taken, setTaken] = useState<string | null>(null);
  const form = useForm<WizardInput>({
    resolver: zodResolver(wizardSchema),
    defaultValues: { range: "", namePattern: "Agent {code}", ...defaultProfile },
  });
  const { errors, isSubmitting, isDirty } = form.formState;
  useUnsavedWarning(isDirty && !isSubmitting && accounts === null);
  const msg = (m?: string) => (m ? t(m as MessageKey) : undefined);
  const [range, namePattern] = useWatch({ control: form.control, name: ["range", "namePattern"] });
  const parsed = range.trim() ? parseCodeRange(range) : null;

  async function onSubmit(values: WizardInput) {
    const result = await runHrWizardAction(values);
    setTaken(!result.ok && result.error === "hr.errors.codesTaken" ? String(result.params?.codes ?? "") : null);
    if (report(result, { form })) {
      setAccounts(result.data.accounts);
      form.reset({ range: "", namePattern: values.namePattern, ...defaultProfile });
      router.refresh();
    }
  }

  if (accounts) return <WizardResult accounts={accounts} onAgain={() => setAccounts(null)} />;

  return (
    <FormProvider {...form}>
      <form onSubmit={form.handleSubmit(onSubmit)} className="space-y-6" noValidate>
        <Card>
          <CardHeader>
            <CardTitle>{t("hr.wizard.accounts")}</CardTitle>
          </CardHeader>
          <CardContent className="grid max-w-3xl gap-4 sm:grid-cols-2">
            <FormField
              label={t("hr.wizard.range")}
              htmlFor="range"
              error={msg(errors.range?.message)}
              hint={t("hr.wizard.rangeHint")}
              required
            >
              <Input autoComplete="off" placeholder="2000-2049" {...form.register("range")} />
            </FormField>
            <FormField
              label={t("hr.wizard.namePattern")}
              htmlFor="namePattern"
              error={msg(errors.namePattern?.message)}
              hint={t("hr.wizard.namePatternHint")}
              required
            >
              <Input autoComplete="off" {...form.register("namePattern")} />
            </FormField>
            <p className="text-sm text-fg-muted sm:col-span-2" aria-live="polite" data-testid="wizard-preview">
              {parsed?.ok
                ? t("hr.wizard.preview", {
                    count: parsed.codes.length,
                    first: parsed.codes[0],
                    last: parsed.codes.at(-1)!,
                    example: applyNamePattern(namePattern, parsed.codes[0]),
                  })
                : parsed
                  ? t(parsed.error as MessageKey)
                  : null}
            </p>
            {taken ? (
              <p role="alert" className="text-sm font-medium text-danger sm:col-span-2" data-testid="wizard-taken">
                {t("hr.errors.codesTaken", { codes: taken })}
              </p>
            ) : null}
          </CardContent>
        </Card>
        <section className="space-y-2">
          <h2 className="text-lg font-semibold">{t("hr.wizard.profile")}</h2>
          <AgentProfileTabs skillTree={skillTree} groups={groups} />
        </section>
        <div className="flex gap-2">
          <Button type="submit" loading={isSubmitting}>
            {t("hr.wizard.submit")}
          </Button>
          <Button type="button" variant="secondary" onClick={() => router.push("/admin/agents")}>
            {t("common.cancel")}
          </Button>
        </div>
      </form>
    </FormProvider>
  );
}
