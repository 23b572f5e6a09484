"use client";

import { useCallback } from "react";
import { useRouter } from "next/navigation";
import { useFieldArray, useForm, useWatch } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { scheduleSchema, type ScheduleInput } from "@/lib/agenda/agenda.schema";
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
import { WeekGrid } from "@/components/agenda/week-grid";
import { createSalesRepScheduleAction, updateSalesRepScheduleAction } from "./actions";

type Option = { id: number; name: string };
const toNullableId = (v: unknown) => (v === "" || v === null || v === undefined ? null : Number(v));

export function SalesRepScheduleForm({
  schedule,
  initial,
  timeZones,
  holidayGroups,
}: {
  schedule?: { id: number; version: string };
  initial: ScheduleInput;
  timeZones: string[];
  holidayGroups: Option[];
}) {
  const t = useT();
  const router = useRouter();
  const report = useActionFeedback();
  const form = useForm<ScheduleInput>({ resolver: zodResolver(scheduleSchema), defaultValues: initial });
  const { errors, isSubmitting, isDirty } = form.formState;
  useUnsavedWarning(isDirty && !isSubmitting);
  const msg = (m?: string) => (m ? t(m as MessageKey) : undefined);
  const types = useFieldArray({ control: form.control, name: "types", keyName: "key" });
  const locations = useFieldArray({ control: form.control, name: "locations", keyName: "key" });
  const greyed = useWatch({ control: form.control, name: "greyed" });
  const setGreyed = useCallback((next: number[]) => form.setValue("greyed", next, { shouldDirty: true }), [form]);

  async function onSubmit(values: ScheduleInput) {
    if (schedule) {
      const result = await updateSalesRepScheduleAction({ ...values, id: schedule.id, version: schedule.version });
      if (report(result, { form, success: "adminCommon.saved" })) {
        form.reset(values);
        router.refresh();
      }
      return;
    }
    const result = await createSalesRepScheduleAction(values);
    if (report(result, { form, success: "adminCommon.created" })) {
      form.reset(values);
      router.push(`/admin/sales-rep-schedules/${result.data.id}`);
    }
  }

  return (
    <form onSubmit={form.handleSubmit(onSubmit)} className="space-y-4" noValidate>
      <Tabs defaultValue="general">
        <TabsList aria-label={t("agenda.schedules.title")}>
          <TabsTrigger value="general">{t("agenda.schedules.tabs.general")}</TabsTrigger>
          <TabsTrigger value="types">{t("agenda.schedules.tabs.types")}</TabsTrigger>
          <TabsTrigger value="locations">{t("agenda.schedules.tabs.locations")}</TabsTrigger>
          <TabsTrigger value="rights">{t("agenda.schedules.tabs.rights")}</TabsTrigger>
        </TabsList>
        <TabsContent value="general" forceMount className="space-y-4 data-[state=inactive]:hidden">
          <div className="grid max-w-3xl gap-4 sm:grid-cols-3">
            <FormField label={t("agenda.schedules.name")} htmlFor="name" error={msg(errors.name?.message)} required>
              <Input autoComplete="off" {...form.register("name")} />
            </FormField>
            <FormField
              label={t("agenda.schedules.timeZone")}
              htmlFor="timeZone"
              error={msg(errors.timeZone?.message)}
              hint={t("agenda.schedules.timeZoneHint")}
            >
              <Select {...form.register("timeZone")}>
                {timeZones.map((z) => (
                  <option key={z} value={z}>
                    {z}
                  </option>
                ))}
              </Select>
            </FormField>
            <FormField label={t("agenda.schedules.holidayGroup")} htmlFor="holidayGroupId" error={msg(errors.holidayGroupId?.message)}>
              <Select {...form.register("holidayGroupId", { setValueAs: toNullableId })}>
                <option value="">{t("agenda.schedules.noHolidayGroup")}</option>
                {holidayGroups.map((g) => (
                  <option key={g.id} value={g.id}>
                    {g.name}
                  </option>
                ))}
              </Select>
            </FormField>
          </div>
          <div>
            <p className="mb-2 text-sm text-fg-muted">{t("agenda.schedules.grid.hint")}</p>
            <WeekGrid value={greyed ?? []} onChange={setGreyed} label={t("agenda.schedules.grid.label")} />
          </div>
        </TabsContent>
        <TabsContent value="types" forceMount className="space-y-3 data-[state=inactive]:hidden">
          {types.fields.length === 0 && <p className="text-sm text-fg-muted">{t("agenda.schedules.type.empty")}</p>}
          {types.fields.map((field, i) => (
            <div key={field.key} className="grid max-w-4xl items-start gap-3 sm:grid-cols-[2fr_1fr_1fr_1fr_auto]">
              <FormField
                label={t("agenda.schedules.type.name")}
                htmlFor={`types.${i}.name`}
                error={msg(errors.types?.[i]?.name?.message)}
                required
              >
                <Input autoComplete="off" {...form.register(`types.${i}.name`)} />
              </FormField>
              <FormField
                label={t("agenda.schedules.type.duration")}
                htmlFor={`types.${i}.durationMinutes`}
                error={msg(errors.types?.[i]?.durationMinutes?.message)}
              >
                <Input type="number" step={15} min={15} {...form.register(`types.${i}.durationMinutes`, { valueAsNumber: true })} />
              </FormField>
              <FormField
                label={t("agenda.schedules.type.spanStart")}
                htmlFor={`types.${i}.spanStart`}
                error={msg(errors.types?.[i]?.spanStart?.message)}
              >
                <Input placeholder="08:00" {...form.register(`types.${i}.spanStart`)} />
              </FormField>
              <FormField
                label={t("agenda.schedules.type.spanEnd")}
                htmlFor={`types.${i}.spanEnd`}
                error={msg(errors.types?.[i]?.spanEnd?.message)}
              >
                <Input placeholder="19:00" {...form.register(`types.${i}.spanEnd`)} />
              </FormField>
              <Button type="button" variant="ghost" className="mt-6" onClick={() => types.remove(i)}>
                {t("agenda.schedules.type.remove")}
              </Button>
            </div>
          ))}
          <Button
            type="button"
            variant="secondary"
            onClick={() => types.append({ name: "", durationMinutes: 60, spanStart: "08:00", spanEnd: "19:00" })}
          >
            {t("agenda.schedules.type.add")}
          </Button>
        </TabsContent>
        <TabsContent value="locations" forceMount className="space-y-3 data-[state=inactive]:hidden">
          {locations.fields.length === 0 && <p className="text-sm text-fg-muted">{t("agenda.schedules.location.empty")}</p>}
          {locations.fields.map((field, i) => (
            <div key={field.key} className="grid max-w-xl items-start gap-3 sm:grid-cols-[1fr_auto]">
              <FormField
                label={t("agenda.schedules.location.name")}
                htmlFor={`locations.${i}.name`}
                error={msg(errors.locations?.[i]?.name?.message)}
                required
              >
                <Input autoComplete="off" {...form.register(`locations.${i}.name`)} />
              </FormField>
              <Button type="button" variant="ghost" className="mt-6" onClick={() => locations.remove(i)}>
                {t("agenda.schedules.location.remove")}
              </Button>
            </div>
          ))}
          <Button type="button" variant="secondary" onClick={() => locations.append({ name: "" })}>
            {t("agenda.schedules.location.add")}
          </Button>
        </TabsContent>
        <TabsContent value="rights" forceMount className="max-w-xl space-y-4 data-[state=inactive]:hidden">
          <div className="flex flex-col gap-2">
            <Checkbox label={t("agenda.schedules.rights.mayBook")} {...form.register("agentsMayBook")} />
            <Checkbox label={t("agenda.schedules.rights.mayMove")} {...form.register("agentsMayMove")} />
            <Checkbox label={t("agenda.schedules.rights.mayCancel")} {...form.register("agentsMayCancel")} />
          </div>
          <FormField label={t("agenda.schedules.rights.maxDaysAhead")} htmlFor="maxDaysAhead" error={msg(errors.maxDaysAhead?.message)}>
            <Input type="number" min={1} {...form.register("maxDaysAhead", { valueAsNumber: true })} />
          </FormField>
          <FormField
            label={t("agenda.schedules.rights.minNoticeMinutes")}
            htmlFor="minNoticeMinutes"
            error={msg(errors.minNoticeMinutes?.message)}
          >
            <Input type="number" min={0} step={15} {...form.register("minNoticeMinutes", { valueAsNumber: true })} />
          </FormField>
        </TabsContent>
      </Tabs>
      <div className="flex gap-2">
        <Button type="submit" loading={isSubmitting}>
          {schedule ? t("common.save") : t("adminCommon.create")}
        </Button>
        <Button type="button" variant="secondary" onClick={() => router.push("/admin/sales-rep-schedules")}>
          {schedule ? t("common.back") : t("common.cancel")}
        </Button>
      </div>
    </form>
  );
}
