"use client";

import { useRouter } from "next/navigation";
import { useForm, useWatch } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { ScheduleDay } from "@/db/schema/calendars";
import { emptyDay, parseTime, scheduleSchema, weekdays, type ScheduleInput, type ScheduleValues } from "@/lib/calendars/schedule.schema";
import { DEFAULT_TIME_ZONE, type HolidayRule } from "@/lib/calendars/hours";
import { useT } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/translate";
import { Button } from "@/components/ui/button";
import { FormField, fieldControlProps, fieldErrorId } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { useActionFeedback } from "@/components/admin/use-action-feedback";
import { useUnsavedWarning } from "@/components/admin/use-unsaved-warning";
import { createScheduleAction, updateScheduleAction } from "./actions";
import { OpenCheck } from "./open-check";

const slotFields = ["open1", "close1", "open2", "close2"] as const;

export interface ScheduleFormProps {
  schedule?: { id: number; name: string; timeZone: string; days: ScheduleDay[]; version: string };
  timeZones: string[];
  holidayGroups: { id: number; name: string; holidays: HolidayRule[] }[];
}

export function ScheduleForm({ schedule, timeZones, holidayGroups }: ScheduleFormProps) {
  const t = useT();
  const router = useRouter();
  const report = useActionFeedback();
  const form = useForm<ScheduleInput, unknown, ScheduleValues>({
    resolver: zodResolver(scheduleSchema),
    defaultValues: {
      name: schedule?.name ?? "",
      timeZone: schedule?.timeZone ?? DEFAULT_TIME_ZONE,
      days: schedule?.days ?? weekdays.map(() => emptyDay()),
    },
  });
  const { errors, isSubmitting, isDirty } = form.formState;
  useUnsavedWarning(isDirty && !isSubmitting);
  const msg = (m?: string) => (m ? t(m as MessageKey) : undefined);
  const [days, timeZone] = useWatch({ control: form.control, name: ["days", "timeZone"] });

  async function onSubmit(values: ScheduleValues) {
    const result = schedule
      ? await updateScheduleAction({ ...values, id: schedule.id, version: schedule.version })
      : await createScheduleAction(values);
    if (report(result, { form, success: schedule ? "adminCommon.saved" : "adminCommon.created" })) {
      form.reset(values);
      router.push("/admin/schedules");
      router.refresh();
    }
  }

  function copyMonday() {
    const monday = form.getValues("days.0");
    for (let i = 1; i <= 4; i++)
      form.setValue(`days.${i}`, { ...monday }, { shouldDirty: true, shouldValidate: form.formState.isSubmitted });
  }

  return (
    <div className="space-y-6">
      <form onSubmit={form.handleSubmit(onSubmit)} className="space-y-4" noValidate>
        <div className="grid max-w-2xl gap-4 sm:grid-cols-2">
          <FormField label={t("schedules.name")} htmlFor="name" error={msg(errors.name?.message)} required>
            <Input autoComplete="off" {...form.register("name")} />
          </FormField>
          <FormField
            label={t("schedules.timeZone")}
            htmlFor="timeZone"
            error={msg(errors.timeZone?.message)}
            hint={t("schedules.timeZoneHint")}
            required
          >
            <Select {...form.register("timeZone")}>
              {timeZones.map((zone) => (
                <option key={zone} value={zone}>
                  {zone}
                </option>
              ))}
            </Select>
          </FormField>
        </div>

        <fieldset className="space-y-2">
          <legend className="text-sm font-semibold">{t("schedules.week")}</legend>
          <p className="max-w-prose text-xs text-fg-muted">{t("schedules.weekHint")}</p>
          <div className="overflow-x-auto rounded-panel border border-border">
            <table className="w-full text-sm">
              <thead className="bg-surface-muted text-xs text-fg-muted uppercase">
                <tr>
                  <th scope="col" className="px-3 py-2 text-left">
                    {t("schedules.day")}
                  </th>
                  {slotFields.map((f) => (
                    <th key={f} scope="col" className="px-3 py-2 text-left">
                      {t(`schedules.${f}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="divide-y divide-border">
                {weekdays.map((day, i) => {
                  const dayErrors = errors.days?.[i];
                  const closed = slotFields.every((f) => [null, 0].includes(parseTime(days?.[i]?.[f] ?? "") ?? -1));
                  return (
                    <tr key={day} className="align-top">
                      <th scope="row" className="px-3 py-2 text-left font-medium">
                        {t(`schedules.weekdays.${day}`)}
                        {closed ? <span className="block text-xs font-normal text-fg-muted">{t("schedules.closedDay")}</span> : null}
                      </th>
                      {slotFields.map((f) => {
                        const id = `days-${i}-${f}`;
                        const error = msg(dayErrors?.[f]?.message);
                        return (
                          <td key={f} className="px-3 py-2">
                            <Input
                              {...fieldControlProps(id, { error })}
                              className="w-24"
                              inputMode="numeric"
                              placeholder="HH:MM"
                              autoComplete="off"
                              aria-label={`${t(`schedules.weekdays.${day}`)} – ${t(`schedules.${f}`)}`}
                              {...form.register(`days.${i}.${f}`)}
                            />
                            {error ? (
                              <p id={fieldErrorId(id)} role="alert" className="mt-1 max-w-40 text-xs font-medium text-danger">
                                {error}
                              </p>
                            ) : null}
                          </td>
                        );
                      })}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <Button type="button" size="sm" variant="secondary" onClick={copyMonday}>
            {t("schedules.copyMonday")}
          </Button>
        </fieldset>

        <div className="flex gap-2">
          <Button type="submit" loading={isSubmitting}>
            {schedule ? t("common.save") : t("adminCommon.create")}
          </Button>
          <Button type="button" variant="secondary" onClick={() => router.push("/admin/schedules")}>
            {t("common.cancel")}
          </Button>
        </div>
      </form>
      <OpenCheck days={days ?? []} timeZone={timeZone ?? DEFAULT_TIME_ZONE} holidayGroups={holidayGroups} />
    </div>
  );
}
