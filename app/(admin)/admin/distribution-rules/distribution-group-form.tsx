"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useFieldArray, useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { distributionGroupSchema, type DistributionGroupInput, type DistributionGroupValues } from "@/lib/distribution/rule.schema";
import type { SkillChoices } from "@/lib/distribution/queries";
import { useT } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/translate";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { useActionFeedback } from "@/components/admin/use-action-feedback";
import { useUnsavedWarning } from "@/components/admin/use-unsaved-warning";
import { defaultValueFor, RuleFields } from "./rule-fields";
import { createDistributionGroupAction, updateDistributionGroupAction } from "./actions";

type GroupValues = DistributionGroupInput & { id?: number; version?: string };

export function DistributionGroupForm({ group, skills }: { group?: GroupValues; skills: SkillChoices }) {
  const t = useT();
  const router = useRouter();
  const report = useActionFeedback();
  const [announcement, setAnnouncement] = useState("");
  const newRule = () => ({
    element: "lang" as const,
    operator: "equals" as const,
    value: defaultValueFor("lang"),
    skillGroupId: skills[0]?.id ?? Number.NaN,
    skillId: skills[0]?.skills[0]?.id ?? Number.NaN,
    minLevel: 1,
  });
  const form = useForm<DistributionGroupInput, unknown, DistributionGroupValues>({
    resolver: zodResolver(distributionGroupSchema),
    defaultValues: group ?? { name: "", description: "", rules: [newRule()] },
  });
  const rules = useFieldArray({ control: form.control, name: "rules", keyName: "key" });
  const { errors, isSubmitting, isDirty } = form.formState;
  useUnsavedWarning(isDirty && !isSubmitting);
  const msg = (m?: string) => (m ? t(m as MessageKey) : undefined);
  const listError = errors.rules?.root?.message ?? errors.rules?.message;

  async function onSubmit(values: DistributionGroupValues) {
    const result = group?.id
      ? await updateDistributionGroupAction({ ...values, id: group.id, version: group.version })
      : await createDistributionGroupAction(values);
    if (report(result, { form, success: group ? "adminCommon.saved" : "adminCommon.created" })) {
      form.reset(form.getValues());
      router.push("/admin/distribution-rules");
      router.refresh();
    }
  }

  return (
    <form onSubmit={form.handleSubmit(onSubmit)} className="max-w-5xl space-y-6" noValidate>
      <div className="max-w-lg space-y-4">
        <FormField label={t("distribution.name")} htmlFor="name" error={msg(errors.name?.message)} required>
          <Input autoComplete="off" {...form.register("name")} />
        </FormField>
        <FormField label={t("distribution.description")} htmlFor="description" error={msg(errors.description?.message)}>
          <Input autoComplete="off" {...form.register("description")} />
        </FormField>
      </div>
      <section className="space-y-4" aria-labelledby="rules-title">
        <h2 id="rules-title" className="text-base font-semibold">
          {t("distribution.rulesTitle")}
        </h2>
        <p className="text-sm text-fg-muted">{t("distribution.orderNote")}</p>
        {skills.length === 0 ? (
          <p role="note" className="rounded-panel border border-warning/30 bg-warning-soft p-3 text-sm text-warning-soft-fg">
            {t("distribution.noSkills")}
          </p>
        ) : null}
        {rules.fields.length === 0 ? <p className="text-sm text-fg-muted">{t("distribution.rule.none")}</p> : null}
        <ol className="space-y-4">
          {rules.fields.map((field, index) => (
            <li key={field.key}>
              <RuleFields
                form={form}
                index={index}
                count={rules.fields.length}
                skills={skills}
                onMove={(from, to) => {
                  rules.move(from, to);
                  setAnnouncement(t("distribution.moved", { n: to + 1 }));
                }}
                onRemove={() => rules.remove(index)}
              />
            </li>
          ))}
        </ol>
        {listError ? (
          <p role="alert" className="text-xs font-medium text-danger">
            {t(listError as MessageKey)}
          </p>
        ) : null}
        <p aria-live="polite" className="sr-only">
          {announcement}
        </p>
        <Button variant="secondary" onClick={() => rules.append(newRule(), { focusName: `rules.${rules.fields.length}.element` })}>
          {t("distribution.rule.add")}
        </Button>
      </section>
      <div className="flex gap-2">
        <Button type="submit" loading={isSubmitting}>
          {group ? t("common.save") : t("adminCommon.create")}
        </Button>
        <Button type="button" variant="secondary" onClick={() => router.push("/admin/distribution-rules")}>
          {t("common.cancel")}
        </Button>
      </div>
    </form>
  );
}
