"use client";

import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { repSchema, splitZones, type RepInput } from "@/lib/agenda/agenda.schema";
import { useT } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/translate";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { useActionFeedback } from "@/components/admin/use-action-feedback";
import { useUnsavedWarning } from "@/components/admin/use-unsaved-warning";
import { createSalesRepAction, updateSalesRepAction } from "./actions";

type Option = { id: number; name: string };
const nullableNumber = (v: unknown) => (v === "" || v === null || v === undefined || Number.isNaN(v) ? null : Number(v));
const zonesValue = (v: unknown) => (Array.isArray(v) ? v : splitZones(String(v ?? "")));

export function SalesRepForm({
  rep,
  initial,
  schedules,
}: {
  rep?: { id: number; version: string; hasLogin: boolean };
  initial: RepInput;
  schedules: Option[];
}) {
  const t = useT();
  const router = useRouter();
  const report = useActionFeedback();
  const form = useForm<RepInput>({ resolver: zodResolver(repSchema), defaultValues: initial });
  const { errors, isSubmitting, isDirty } = form.formState;
  useUnsavedWarning(isDirty && !isSubmitting);
  const msg = (m?: string) => (m ? t(m as MessageKey) : undefined);

  async function onSubmit(values: RepInput) {
    if (rep) {
      const result = await updateSalesRepAction({ ...values, id: rep.id, version: rep.version });
      if (report(result, { form, success: "adminCommon.saved" })) {
        form.reset({ ...values, password: "" });
        router.refresh();
      }
      return;
    }
    const result = await createSalesRepAction(values);
    if (report(result, { form, success: "adminCommon.created" })) {
      form.reset(values);
      router.push(`/admin/sales-reps/${result.data.id}`);
    }
  }

  return (
    <form onSubmit={form.handleSubmit(onSubmit)} className="space-y-4" noValidate>
      <Tabs defaultValue="general">
        <TabsList aria-label={t("agenda.reps.title")}>
          <TabsTrigger value="general">{t("agenda.reps.tabs.general")}</TabsTrigger>
          <TabsTrigger value="assignments">{t("agenda.reps.tabs.assignments")}</TabsTrigger>
        </TabsList>
        <TabsContent value="general" forceMount className="grid max-w-3xl gap-4 sm:grid-cols-2 data-[state=inactive]:hidden">
          <FormField label={t("agenda.reps.civility")} htmlFor="civility" error={msg(errors.civility?.message)}>
            <Input autoComplete="off" {...form.register("civility")} />
          </FormField>
          <div className="hidden sm:block" />
          <FormField label={t("agenda.reps.lastName")} htmlFor="lastName" error={msg(errors.lastName?.message)} required>
            <Input autoComplete="off" {...form.register("lastName")} />
          </FormField>
          <FormField label={t("agenda.reps.firstName")} htmlFor="firstName" error={msg(errors.firstName?.message)}>
            <Input autoComplete="off" {...form.register("firstName")} />
          </FormField>
          <FormField label={t("agenda.reps.email")} htmlFor="email" error={msg(errors.email?.message)} hint={t("agenda.reps.emailHint")}>
            <Input type="email" autoComplete="off" {...form.register("email")} />
          </FormField>
          <FormField label={t("agenda.reps.phone")} htmlFor="phone" error={msg(errors.phone?.message)}>
            <Input autoComplete="off" {...form.register("phone")} />
          </FormField>
          <FormField label={t("agenda.reps.colour")} htmlFor="colour" error={msg(errors.colour?.message)}>
            <Input type="color" className="h-9 w-20 p-1" {...form.register("colour")} />
          </FormField>
          <FormField label={t("agenda.reps.state")} htmlFor="active" error={msg(errors.active?.message)}>
            <Checkbox id="active" label={t("agenda.reps.active")} {...form.register("active")} />
          </FormField>
          <FormField label={t("agenda.reps.login")} htmlFor="login" error={msg(errors.login?.message)} hint={t("agenda.reps.loginHint")}>
            <Input autoComplete="off" {...form.register("login")} />
          </FormField>
          <FormField
            label={t("agenda.reps.password")}
            htmlFor="password"
            error={msg(errors.password?.message)}
            hint={rep?.hasLogin ? t("agenda.reps.passwordHint") : undefined}
          >
            <Input type="password" autoComplete="new-password" {...form.register("password")} />
          </FormField>
        </TabsContent>
        <TabsContent value="assignments" forceMount className="grid max-w-3xl gap-4 sm:grid-cols-2 data-[state=inactive]:hidden">
          <FormField label={t("agenda.reps.schedule")} htmlFor="scheduleId" error={msg(errors.scheduleId?.message)}>
            <Select {...form.register("scheduleId", { setValueAs: nullableNumber })}>
              <option value="">{t("agenda.reps.noSchedule")}</option>
              {schedules.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </Select>
          </FormField>
          <FormField label={t("agenda.reps.zones")} htmlFor="zones" error={msg(errors.zones?.message)} hint={t("agenda.reps.zonesHint")}>
            <Input autoComplete="off" {...form.register("zones", { setValueAs: zonesValue })} />
          </FormField>
          <FormField
            label={t("agenda.reps.quotaPerDay")}
            htmlFor="quotaPerDay"
            error={msg(errors.quotaPerDay?.message)}
            hint={t("agenda.reps.quotaHint")}
          >
            <Input type="number" min={1} {...form.register("quotaPerDay", { setValueAs: nullableNumber })} />
          </FormField>
          <FormField
            label={t("agenda.reps.quotaPerWeek")}
            htmlFor="quotaPerWeek"
            error={msg(errors.quotaPerWeek?.message)}
            hint={t("agenda.reps.quotaHint")}
          >
            <Input type="number" min={1} {...form.register("quotaPerWeek", { setValueAs: nullableNumber })} />
          </FormField>
        </TabsContent>
      </Tabs>
      <div className="flex gap-2">
        <Button type="submit" loading={isSubmitting}>
          {rep ? t("common.save") : t("adminCommon.create")}
        </Button>
        <Button type="button" variant="secondary" onClick={() => router.push("/admin/sales-reps")}>
          {rep ? t("common.back") : t("common.cancel")}
        </Button>
      </div>
    </form>
  );
}
