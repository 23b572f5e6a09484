"use client";

import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { defaultsSchema, type DefaultsInput } from "@/lib/campaigns/defaults.schema";
import { useT } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/translate";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Select } from "@/components/ui/select";
import { useActionFeedback } from "@/components/admin/use-action-feedback";
import { useUnsavedWarning } from "@/components/admin/use-unsaved-warning";
import { saveDefaultsAction } from "./actions";

type Option = { id: number; name: string };
type Field = "databaseId" | "qualificationGroupId" | "scheduleId" | "holidayGroupId" | "addressBookId" | "salesRepScheduleId";

export function DefaultsForm({
  values,
  version,
  options,
}: {
  values: Record<Field, number | null>;
  version: string | undefined;
  options: Record<Field, Option[]>;
}) {
  const t = useT();
  const router = useRouter();
  const report = useActionFeedback();
  const initial = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v === null ? "" : String(v)])) as unknown as DefaultsInput;
  const form = useForm<DefaultsInput>({ resolver: zodResolver(defaultsSchema), defaultValues: initial });
  const { errors, isSubmitting, isDirty } = form.formState;
  useUnsavedWarning(isDirty && !isSubmitting);

  const fields: { name: Field; label: MessageKey; empty: MessageKey }[] = [
    { name: "databaseId", label: "defaults.database", empty: "defaults.none" },
    { name: "qualificationGroupId", label: "defaults.qualificationGroup", empty: "defaults.none" },
    { name: "scheduleId", label: "defaults.schedule", empty: "defaults.noSchedule" },
    { name: "holidayGroupId", label: "defaults.holidayGroup", empty: "defaults.none" },
    { name: "addressBookId", label: "agenda.relation.addressBook", empty: "defaults.none" },
    { name: "salesRepScheduleId", label: "agenda.relation.schedule", empty: "defaults.none" },
  ];

  return (
    <form
      noValidate
      className="max-w-lg space-y-4"
      onSubmit={form.handleSubmit(async (input) => {
        const result = await saveDefaultsAction({ ...input, version });
        if (report(result, { form, success: "adminCommon.saved" })) {
          form.reset(input);
          router.refresh();
        }
      })}
    >
      {fields.map((f) => (
        <FormField
          key={f.name}
          label={t(f.label)}
          htmlFor={f.name}
          error={errors[f.name]?.message && t(errors[f.name]!.message as MessageKey)}
        >
          <Select {...form.register(f.name)}>
            <option value="">{t(f.empty)}</option>
            {options[f.name].map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </Select>
        </FormField>
      ))}
      <Button type="submit" loading={isSubmitting}>
        {t("common.save")}
      </Button>
    </form>
  );
}
