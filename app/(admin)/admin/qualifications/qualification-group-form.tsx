"use client";

import { useMemo, useState } from "react";
import { useRouter } from "next/navigation";
import { useForm, type FieldErrors } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import {
  qualificationGroupSchema,
  type QualificationGroupInput,
  type QualificationGroupValues,
} from "@/lib/qualifications/qualification.schema";
import { currencyCodes, currencyLabel } from "@/lib/qualifications/currencies";
import { useLocale, useT } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/translate";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { useActionFeedback } from "@/components/admin/use-action-feedback";
import { useUnsavedWarning } from "@/components/admin/use-unsaved-warning";
import { NonRetroactiveNotice } from "./non-retroactive-notice";
import { emptyStatus, StatusList } from "./status-fields";
import { createQualificationGroupAction, updateQualificationGroupAction } from "./actions";

export type QualificationGroupFormValues = QualificationGroupInput & { id?: number; version?: string };

const generalFields = new Set(["name", "currency"]);

/** Two tabs as in the manual: «Général» (name, currency) and «Qualifications» (statuses). */
export function QualificationGroupForm({ group }: { group?: QualificationGroupFormValues }) {
  const t = useT();
  const locale = useLocale();
  const router = useRouter();
  const report = useActionFeedback();
  const [tab, setTab] = useState("general");
  const form = useForm<QualificationGroupInput, unknown, QualificationGroupValues>({
    resolver: zodResolver(qualificationGroupSchema),
    defaultValues: group ?? { name: "", currency: "EUR", statuses: [{ ...emptyStatus, subStatuses: [] }] },
  });
  const { errors, isSubmitting, isDirty } = form.formState;
  useUnsavedWarning(isDirty && !isSubmitting);
  const msg = (m?: string) => (m ? t(m as MessageKey) : undefined);
  const currencies = useMemo(() => currencyCodes.map((code) => ({ code, label: currencyLabel(code, locale) })), [locale]);

  // Show the tab holding the first error, or the user would not see why nothing happened.
  function showErrors(fields: string[]) {
    if (fields.length > 0) setTab(fields.some((f) => generalFields.has(f.split(".")[0])) ? "general" : "statuses");
  }

  async function onSubmit(values: QualificationGroupValues) {
    const result = group?.id
      ? await updateQualificationGroupAction({ ...values, id: group.id, version: group.version })
      : await createQualificationGroupAction(values);
    if (report(result, { form, success: group ? "adminCommon.saved" : "adminCommon.created" })) {
      form.reset(form.getValues());
      router.push("/admin/qualifications");
      router.refresh();
    } else if (result.fieldErrors) {
      showErrors(Object.keys(result.fieldErrors));
    }
  }

  return (
    <form
      onSubmit={form.handleSubmit(onSubmit, (e: FieldErrors<QualificationGroupInput>) => showErrors(Object.keys(e)))}
      className="max-w-5xl space-y-4"
      noValidate
    >
      <Tabs value={tab} onValueChange={setTab}>
        <TabsList>
          <TabsTrigger value="general">{t("qualifications.tabs.general")}</TabsTrigger>
          <TabsTrigger value="statuses">{t("qualifications.tabs.statuses")}</TabsTrigger>
        </TabsList>
        {/* Both panels stay mounted so that every field is validated and keeps its value. */}
        <TabsContent value="general" forceMount className="max-w-lg space-y-4 data-[state=inactive]:hidden">
          <FormField label={t("qualifications.name")} htmlFor="name" error={msg(errors.name?.message)} required>
            <Input autoComplete="off" {...form.register("name")} />
          </FormField>
          <FormField
            label={t("qualifications.currency")}
            htmlFor="currency"
            error={msg(errors.currency?.message)}
            hint={t("qualifications.currencyHint")}
            required
          >
            <Select {...form.register("currency")}>
              {currencies.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.label}
                </option>
              ))}
            </Select>
          </FormField>
        </TabsContent>
        <TabsContent value="statuses" forceMount className="space-y-4 data-[state=inactive]:hidden">
          <NonRetroactiveNotice title={t("qualifications.notice.title")} text={t("qualifications.notice.text")} />
          <StatusList form={form} />
        </TabsContent>
      </Tabs>
      <div className="flex gap-2">
        <Button type="submit" loading={isSubmitting}>
          {group ? t("common.save") : t("adminCommon.create")}
        </Button>
        <Button type="button" variant="secondary" onClick={() => router.push("/admin/qualifications")}>
          {t("common.cancel")}
        </Button>
      </div>
    </form>
  );
}
