"use client";

import { useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import { Controller, useForm, useWatch } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { receptionSchema, type ReceptionInput } from "@/lib/campaigns/campaign.schema";
import type { CampaignForEdit } from "@/lib/campaigns/queries";
import type { CampaignOptions, Option } from "@/lib/campaigns/options";
import { useT } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/translate";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { useActionFeedback } from "@/components/admin/use-action-feedback";
import { useUnsavedWarning } from "@/components/admin/use-unsaved-warning";
import { saveReceptionAction } from "../actions";
import { SearchQueryField } from "./search-query-field";

const idOrEmpty = (v: number | null) => (v === null ? "" : String(v));

function initialValues(c: CampaignForEdit): ReceptionInput {
  return {
    id: c.id,
    version: c.versions.reception ?? 0,
    queueId: idOrEmpty(c.queueId),
    queuePriority: String(c.queuePriority),
    pollIntervalSeconds: String(c.pollIntervalSeconds),
    checkComments: c.checkComments,
    assignmentTimeoutSeconds: String(c.assignmentTimeoutSeconds),
    searchQuery: c.searchQuery,
    scheduleId: idOrEmpty(c.scheduleId),
    holidayGroupId: idOrEmpty(c.holidayGroupId),
    distributionGroupId: idOrEmpty(c.distributionGroupId),
    blacklistIds: c.blacklistIds,
    callbackDeadlineMinutes: String(c.callbackDeadlineMinutes),
    preferredWaitSeconds: String(c.preferredWaitSeconds),
    answerTargetMinutes: String(Math.round(c.answerTargetSeconds / 60)),
    waitingAlertMinutes: String(Math.round(c.waitingAlertSeconds / 60)),
    monthlyReadBudget: c.monthlyReadBudgetCents === null ? "" : (c.monthlyReadBudgetCents / 100).toFixed(2),
  };
}

type Choice = "queueId" | "scheduleId" | "holidayGroupId" | "distributionGroupId";
type NumberField =
  | "queuePriority"
  | "pollIntervalSeconds"
  | "assignmentTimeoutSeconds"
  | "callbackDeadlineMinutes"
  | "preferredWaitSeconds"
  | "answerTargetMinutes"
  | "waitingAlertMinutes";

export function ReceptionTab({
  campaign,
  options,
  onDirty,
}: {
  campaign: CampaignForEdit;
  options: CampaignOptions;
  onDirty: (dirty: boolean) => void;
}) {
  const t = useT();
  const router = useRouter();
  const report = useActionFeedback();
  const [version, setVersion] = useState(campaign.versions.reception ?? 0);
  const form = useForm<ReceptionInput>({ resolver: zodResolver(receptionSchema), defaultValues: initialValues(campaign) });
  const { errors, isSubmitting, isDirty } = form.formState;
  useUnsavedWarning(isDirty && !isSubmitting);
  useEffect(() => onDirty(isDirty), [isDirty, onDirty]);
  const msg = (m?: string) => (m ? t(m as MessageKey) : undefined);
  const query = useWatch({ control: form.control, name: "searchQuery" }) ?? "";

  async function onSubmit(values: ReceptionInput) {
    const result = await saveReceptionAction({ ...values, version });
    if (report(result, { form, success: "adminCommon.saved" })) {
      setVersion(result.data.version);
      form.reset(form.getValues());
      router.refresh();
    }
  }

  const choice = (name: Choice, list: Option[], empty: MessageKey, hint?: MessageKey) => (
    <FormField label={t(`campaigns.reception.${name}`)} htmlFor={name} error={msg(errors[name]?.message)} hint={hint ? t(hint) : undefined}>
      <Select {...form.register(name)}>
        <option value="">{t(empty)}</option>
        {list.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </Select>
    </FormField>
  );
  const number = (name: NumberField, min: number, max: number) => (
    <FormField
      label={t(`campaigns.reception.${name}`)}
      htmlFor={name}
      error={msg(errors[name]?.message)}
      hint={t(`campaigns.reception.${name}Hint`)}
      required
    >
      <Input type="number" inputMode="numeric" min={min} max={max} className="w-40" {...form.register(name)} />
    </FormField>
  );

  return (
    <form onSubmit={form.handleSubmit(onSubmit)} className="max-w-2xl space-y-5" noValidate aria-label={t("campaigns.tabs.reception")}>
      <div className="grid gap-4 sm:grid-cols-[1fr_auto]">
        {choice("queueId", options.queues, "campaigns.none")}
        {number("queuePriority", 1, 9)}
      </div>
      {number("pollIntervalSeconds", 10, 86_400)}
      {campaign.type === "facebook" ? (
        <Checkbox label={t("campaigns.reception.checkComments")} {...form.register("checkComments")} />
      ) : null}
      {number("assignmentTimeoutSeconds", 10, 86_400)}
      {number("preferredWaitSeconds", 0, 86_400)}
      <div className="grid gap-4 sm:grid-cols-2">
        {number("answerTargetMinutes", 1, 1440)}
        {number("waitingAlertMinutes", 1, 1440)}
      </div>
      {campaign.type === "twitter" ? (
        <SearchQueryField
          campaignId={campaign.id}
          query={query}
          error={msg(errors.searchQuery?.message)}
          registration={form.register("searchQuery")}
        />
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2">
        {choice("scheduleId", options.schedules, "campaigns.reception.noSchedule")}
        {choice("holidayGroupId", options.holidays, "campaigns.none")}
      </div>
      {choice("distributionGroupId", options.distribution, "campaigns.none")}
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">{t("campaigns.reception.blacklists")}</legend>
        {options.blacklists.length === 0 ? (
          <p className="text-sm text-fg-muted">{t("campaigns.reception.noBlacklists")}</p>
        ) : (
          <Controller
            control={form.control}
            name="blacklistIds"
            render={({ field }) => {
              const selected = new Set((field.value ?? []).map(Number));
              return (
                <div className="flex flex-col gap-1.5">
                  {options.blacklists.map((b) => (
                    <Checkbox
                      key={b.id}
                      label={b.name}
                      checked={selected.has(b.id)}
                      onChange={(e) => field.onChange(e.target.checked ? [...selected, b.id] : [...selected].filter((x) => x !== b.id))}
                    />
                  ))}
                </div>
              );
            }}
          />
        )}
        {errors.blacklistIds ? <p className="text-xs font-medium text-danger">{msg(errors.blacklistIds.message)}</p> : null}
      </fieldset>
      {number("callbackDeadlineMinutes", 1, 525_600)}
      {campaign.type === "twitter" ? (
        <FormField
          label={t("campaigns.reception.monthlyReadBudget")}
          htmlFor="monthlyReadBudget"
          error={msg(errors.monthlyReadBudget?.message)}
          hint={t("campaigns.reception.monthlyReadBudgetHint")}
        >
          <Input inputMode="decimal" autoComplete="off" className="w-40" {...form.register("monthlyReadBudget")} />
        </FormField>
      ) : null}
      <Button type="submit" loading={isSubmitting}>
        {t("common.save")}
      </Button>
    </form>
  );
}
