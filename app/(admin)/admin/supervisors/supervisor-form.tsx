"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { Controller, useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { supervisorSchema, type SupervisorInput } from "@/lib/hr/supervision.schema";
import { supervisionRights, supervisorMiscRights } from "@/lib/hr/options";
import { useT } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/translate";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { useActionFeedback } from "@/components/admin/use-action-feedback";
import { useUnsavedWarning } from "@/components/admin/use-unsaved-warning";
import { CheckboxGroup } from "@/components/hr/checkbox-group";
import { CredentialDialog } from "@/components/hr/credential-dialog";
import { createSupervisorAction, updateSupervisorAction } from "./actions";

export interface SupervisorFormAccount extends SupervisorInput {
  id: number;
  version: string;
}

export function SupervisorForm({ supervisor, groups }: { supervisor?: SupervisorFormAccount; groups: { id: number; name: string }[] }) {
  const t = useT();
  const router = useRouter();
  const report = useActionFeedback();
  const [created, setCreated] = useState<{ login: string; password: string } | null>(null);
  const form = useForm<SupervisorInput>({
    resolver: zodResolver(supervisorSchema),
    defaultValues: {
      login: supervisor?.login ?? "",
      name: supervisor?.name ?? "",
      reporting: supervisor?.reporting ?? false,
      supervisionRights: supervisor?.supervisionRights ?? [],
      miscRights: supervisor?.miscRights ?? [],
      groupIds: supervisor?.groupIds ?? [],
    },
  });
  const { errors, isSubmitting, isDirty } = form.formState;
  useUnsavedWarning(isDirty && !isSubmitting);
  const msg = (m?: string) => (m ? t(m as MessageKey) : undefined);

  async function onSubmit(values: SupervisorInput) {
    if (supervisor) {
      const result = await updateSupervisorAction({ ...values, id: supervisor.id, version: supervisor.version });
      if (report(result, { form, success: "adminCommon.saved" })) {
        form.reset(values);
        router.push("/admin/supervisors");
        router.refresh();
      }
      return;
    }
    const result = await createSupervisorAction(values);
    if (report(result, { form, success: "adminCommon.created" })) {
      form.reset(values);
      setCreated(result.data);
    }
  }

  return (
    <form onSubmit={form.handleSubmit(onSubmit)} className="max-w-2xl space-y-6" noValidate>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField
          label={t("hr.supervisors.login")}
          htmlFor="login"
          error={msg(errors.login?.message)}
          hint={t("hr.supervisors.loginHint")}
          required
        >
          <Input autoComplete="off" autoCapitalize="none" {...form.register("login")} />
        </FormField>
        <FormField
          label={t("hr.supervisors.name")}
          htmlFor="name"
          error={msg(errors.name?.message)}
          required
          hint={supervisor ? undefined : t("hr.agents.passwordHint")}
        >
          <Input autoComplete="off" {...form.register("name")} />
        </FormField>
      </div>
      <div>
        <Checkbox label={t("hr.supervisors.reporting")} {...form.register("reporting")} />
        <p className="ml-6 text-xs text-fg-muted">{t("hr.supervisors.reportingHint")}</p>
      </div>
      <Controller
        control={form.control}
        name="supervisionRights"
        render={({ field }) => (
          <CheckboxGroup
            legend={t("hr.rightsTab.supervision")}
            options={supervisionRights.map((r) => ({ value: r, label: t(`hr.rightsTab.supervisionRights.${r}`) }))}
            value={field.value}
            onChange={field.onChange}
          />
        )}
      />
      <Controller
        control={form.control}
        name="miscRights"
        render={({ field }) => (
          <CheckboxGroup
            legend={t("hr.rightsTab.misc")}
            options={supervisorMiscRights.map((r) => ({ value: r, label: t(`hr.rightsTab.miscRights.${r}`) }))}
            value={field.value ?? []}
            onChange={field.onChange}
          />
        )}
      />
      <Controller
        control={form.control}
        name="groupIds"
        render={({ field, fieldState }) => (
          <CheckboxGroup
            legend={t("hr.supervisors.groups")}
            hint={groups.length === 0 ? t("hr.groupsTab.none") : t("hr.groupsTab.hint")}
            options={groups.map((g) => ({ value: String(g.id), label: g.name }))}
            value={field.value.map(String)}
            onChange={(next) => field.onChange(next.map(Number))}
            error={msg(fieldState.error?.message)}
          />
        )}
      />
      <div className="flex gap-2">
        <Button type="submit" loading={isSubmitting}>
          {supervisor ? t("common.save") : t("adminCommon.create")}
        </Button>
        <Button type="button" variant="secondary" onClick={() => router.push("/admin/supervisors")}>
          {t("common.cancel")}
        </Button>
      </div>
      <CredentialDialog
        title={t("hr.password.createdTitle", { login: created?.login ?? "" })}
        login={created?.login ?? ""}
        password={created?.password ?? null}
        onDone={() => {
          setCreated(null);
          router.push("/admin/supervisors");
          router.refresh();
        }}
      />
    </form>
  );
}
