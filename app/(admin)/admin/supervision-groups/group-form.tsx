"use client";

import { useRouter } from "next/navigation";
import { Controller, useForm, useWatch } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { supervisionGroupSchema, type SupervisionGroupInput } from "@/lib/hr/supervision.schema";
import { useT } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/translate";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { useActionFeedback } from "@/components/admin/use-action-feedback";
import { useUnsavedWarning } from "@/components/admin/use-unsaved-warning";
import { createSupervisionGroupAction, updateSupervisionGroupAction } from "./actions";
import { MemberPicker } from "./member-picker";

type Person = { id: number; login: string; name: string };

export function SupervisionGroupForm({
  group,
  candidates,
}: {
  group?: SupervisionGroupInput & { id: number; version: string };
  candidates: { supervisors: Person[]; agents: Person[] };
}) {
  const t = useT();
  const router = useRouter();
  const report = useActionFeedback();
  const form = useForm<SupervisionGroupInput>({
    resolver: zodResolver(supervisionGroupSchema),
    defaultValues: {
      name: group?.name ?? "",
      description: group?.description ?? "",
      supervisorIds: group?.supervisorIds ?? [],
      agentIds: group?.agentIds ?? [],
    },
  });
  const { errors, isSubmitting, isDirty } = form.formState;
  useUnsavedWarning(isDirty && !isSubmitting);
  const msg = (m?: string) => (m ? t(m as MessageKey) : undefined);
  const [supervisorIds, agentIds] = useWatch({ control: form.control, name: ["supervisorIds", "agentIds"] });

  async function onSubmit(values: SupervisionGroupInput) {
    const result = group
      ? await updateSupervisionGroupAction({ ...values, id: group.id, version: group.version })
      : await createSupervisionGroupAction(values);
    if (report(result, { form, success: group ? "adminCommon.saved" : "adminCommon.created" })) {
      form.reset(values);
      router.push("/admin/supervision-groups");
      router.refresh();
    }
  }

  return (
    <form onSubmit={form.handleSubmit(onSubmit)} className="max-w-3xl space-y-6" noValidate>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField label={t("hr.groups.name")} htmlFor="name" error={msg(errors.name?.message)} hint={t("hr.groups.nameHint")} required>
          <Input autoComplete="off" {...form.register("name")} />
        </FormField>
        <FormField label={t("hr.groups.description")} htmlFor="description" error={msg(errors.description?.message)}>
          <Input autoComplete="off" {...form.register("description")} />
        </FormField>
      </div>
      <div className="grid gap-6 md:grid-cols-2">
        <Controller
          control={form.control}
          name="supervisorIds"
          render={({ field, fieldState }) => (
            <MemberPicker
              id="supervisors"
              legend={t("hr.groups.supervisors")}
              people={candidates.supervisors}
              value={field.value}
              onChange={field.onChange}
              empty={t("hr.groups.noSupervisors")}
              error={msg(fieldState.error?.message)}
              disabledIds={agentIds}
            />
          )}
        />
        <Controller
          control={form.control}
          name="agentIds"
          render={({ field, fieldState }) => (
            <MemberPicker
              id="agents"
              legend={t("hr.groups.agents")}
              people={candidates.agents}
              value={field.value}
              onChange={field.onChange}
              empty={t("hr.groups.noAgents")}
              error={msg(fieldState.error?.message)}
              disabledIds={supervisorIds}
            />
          )}
        />
      </div>
      <div className="flex gap-2">
        <Button type="submit" loading={isSubmitting}>
          {group ? t("common.save") : t("adminCommon.create")}
        </Button>
        <Button type="button" variant="secondary" onClick={() => router.push("/admin/supervision-groups")}>
          {t("common.cancel")}
        </Button>
      </div>
    </form>
  );
}
