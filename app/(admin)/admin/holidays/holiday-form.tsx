"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useFieldArray, useForm, useWatch } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import {
  holidayGroupSchema,
  holidayPartValues,
  type HolidayGroupInput,
  type HolidayGroupValues,
  type HolidayInput,
} from "@/lib/calendars/holiday.schema";
import { useT } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/translate";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { useActionFeedback } from "@/components/admin/use-action-feedback";
import { useUnsavedWarning } from "@/components/admin/use-unsaved-warning";
import { createHolidayGroupAction, updateHolidayGroupAction } from "./actions";
import { SoundField, type SoundInfo } from "./sound-field";

export interface HolidayGroupFormProps {
  group?: {
    id: number;
    name: string;
    version: string;
    holidays: (HolidayInput & { soundName: string | null; soundSize: number | null })[];
  };
}

const blankHoliday = (): HolidayInput => ({ label: "", date: "", recurring: false, part: "full", soundId: null });

export function HolidayGroupForm({ group }: HolidayGroupFormProps) {
  const t = useT();
  const router = useRouter();
  const report = useActionFeedback();
  const form = useForm<HolidayGroupInput, unknown, HolidayGroupValues>({
    resolver: zodResolver(holidayGroupSchema),
    defaultValues: {
      name: group?.name ?? "",
      holidays: group?.holidays.map(({ label, date, recurring, part, soundId }) => ({ label, date, recurring, part, soundId })) ?? [],
    },
  });
  const list = useFieldArray({ control: form.control, name: "holidays" });
  // File names and sizes of the sounds in the form, by id (the form values only hold the id).
  const [sounds, setSounds] = useState<Record<number, SoundInfo>>(() =>
    Object.fromEntries(
      (group?.holidays ?? [])
        .filter((h) => h.soundId)
        .map((h) => [h.soundId, { id: h.soundId!, fileName: h.soundName ?? "", size: h.soundSize ?? 0 }]),
    ),
  );
  const { errors, isSubmitting, isDirty } = form.formState;
  useUnsavedWarning(isDirty && !isSubmitting);
  const msg = (m?: string) => (m ? t(m as MessageKey) : undefined);
  const watched = useWatch({ control: form.control, name: "holidays" });
  const soundIds = watched?.map((h) => h.soundId ?? null) ?? [];

  async function onSubmit(values: HolidayGroupValues) {
    const result = group
      ? await updateHolidayGroupAction({ ...values, id: group.id, version: group.version })
      : await createHolidayGroupAction(values);
    if (report(result, { form, success: group ? "adminCommon.saved" : "adminCommon.created" })) {
      form.reset(values);
      router.push("/admin/holidays");
      router.refresh();
    }
  }

  return (
    <form onSubmit={form.handleSubmit(onSubmit)} className="max-w-4xl space-y-4" noValidate>
      <FormField label={t("schedules.holidays.name")} htmlFor="name" error={msg(errors.name?.message)} required className="max-w-lg">
        <Input autoComplete="off" {...form.register("name")} />
      </FormField>

      <fieldset className="space-y-3">
        <legend className="text-sm font-semibold">{t("schedules.holidays.list")}</legend>
        <p className="text-xs text-fg-muted">{t("schedules.holidays.halfDayHint")}</p>
        {list.fields.length === 0 ? <p className="text-sm text-fg-muted">{t("schedules.holidays.none")}</p> : null}
        <ol className="space-y-3">
          {list.fields.map((field, i) => {
            const e = errors.holidays?.[i];
            const soundId = soundIds[i];
            return (
              <li key={field.id} className="grid gap-3 rounded-panel border border-border bg-surface p-4 sm:grid-cols-2 lg:grid-cols-4">
                <FormField label={t("schedules.holidays.label")} htmlFor={`holidays-${i}-label`} error={msg(e?.label?.message)} required>
                  <Input autoComplete="off" {...form.register(`holidays.${i}.label`)} />
                </FormField>
                <FormField label={t("schedules.holidays.date")} htmlFor={`holidays-${i}-date`} error={msg(e?.date?.message)} required>
                  <Input type="date" {...form.register(`holidays.${i}.date`)} />
                </FormField>
                <FormField label={t("schedules.holidays.part")} htmlFor={`holidays-${i}-part`}>
                  <Select {...form.register(`holidays.${i}.part`)}>
                    {holidayPartValues.map((p) => (
                      <option key={p} value={p}>
                        {t(`schedules.holidays.parts.${p}`)}
                      </option>
                    ))}
                  </Select>
                </FormField>
                <div className="flex items-end pb-2">
                  <Checkbox label={t("schedules.holidays.recurring")} {...form.register(`holidays.${i}.recurring`)} />
                </div>
                <div className="sm:col-span-2 lg:col-span-3">
                  <SoundField
                    label={t("schedules.holidays.sound")}
                    sound={soundId ? (sounds[soundId] ?? { id: soundId, fileName: String(soundId), size: 0 }) : null}
                    error={msg(e?.soundId?.message)}
                    onChange={(sound) => {
                      if (sound) setSounds((all) => ({ ...all, [sound.id]: sound }));
                      form.setValue(`holidays.${i}.soundId`, sound?.id ?? null, { shouldDirty: true });
                    }}
                  />
                </div>
                <div className="flex items-end justify-end">
                  <Button type="button" size="sm" variant="ghost" onClick={() => list.remove(i)}>
                    {t("schedules.holidays.remove")}
                  </Button>
                </div>
              </li>
            );
          })}
        </ol>
        <Button type="button" size="sm" variant="secondary" onClick={() => list.append(blankHoliday())}>
          {t("schedules.holidays.add")}
        </Button>
      </fieldset>

      <div className="flex gap-2">
        <Button type="submit" loading={isSubmitting}>
          {group ? t("common.save") : t("adminCommon.create")}
        </Button>
        <Button type="button" variant="secondary" onClick={() => router.push("/admin/holidays")}>
          {t("common.cancel")}
        </Button>
      </div>
    </form>
  );
}
