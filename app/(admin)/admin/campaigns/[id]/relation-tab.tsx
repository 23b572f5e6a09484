"use client";

import { useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import { useForm, useWatch } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { relationSchema, type RelationInput } from "@/lib/campaigns/campaign.schema";
import type { CampaignForEdit } from "@/lib/campaigns/queries";
import type { CampaignOptions } from "@/lib/campaigns/options";
import { useFormat, useT } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/translate";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { useActionFeedback } from "@/components/admin/use-action-feedback";
import { useUnsavedWarning } from "@/components/admin/use-unsaved-warning";
import { saveRelationAction } from "../actions";

const idOrEmpty = (v: number | null) => (v === null ? "" : String(v));

export function RelationTab({
  campaign,
  options,
  onDirty,
}: {
  campaign: CampaignForEdit;
  options: CampaignOptions;
  onDirty: (dirty: boolean) => void;
}) {
  const t = useT();
  const format = useFormat();
  const router = useRouter();
  const report = useActionFeedback();
  const [version, setVersion] = useState(campaign.versions.relation ?? 0);
  const form = useForm<RelationInput>({
    resolver: zodResolver(relationSchema),
    defaultValues: {
      id: campaign.id,
      version: campaign.versions.relation ?? 0,
      scriptId: idOrEmpty(campaign.scriptId),
      scriptVersionId: idOrEmpty(campaign.scriptVersionId),
      qualificationGroupId: idOrEmpty(campaign.qualificationGroupId),
      numberDisplay: campaign.numberDisplay,
      addressBookId: idOrEmpty(campaign.addressBookId),
      salesRepScheduleId: idOrEmpty(campaign.salesRepScheduleId),
    },
  });
  const { errors, isSubmitting, isDirty } = form.formState;
  useUnsavedWarning(isDirty && !isSubmitting);
  useEffect(() => onDirty(isDirty), [isDirty, onDirty]);
  const msg = (m?: string) => (m ? t(m as MessageKey) : undefined);
  const scriptId = Number(useWatch({ control: form.control, name: "scriptId" }) || 0);
  const script = options.scripts.find((s) => s.id === scriptId);
  // The stored script may have lost its production versions or been archived: say so.
  const storedMissing = campaign.scriptId !== null && !options.scripts.some((s) => s.id === campaign.scriptId);

  async function onSubmit(values: RelationInput) {
    const result = await saveRelationAction({ ...values, version });
    if (report(result, { form, success: "adminCommon.saved" })) {
      setVersion(result.data.version);
      form.reset(form.getValues());
      router.refresh();
    }
  }

  return (
    <form onSubmit={form.handleSubmit(onSubmit)} className="max-w-2xl space-y-5" noValidate aria-label={t("campaigns.tabs.relation")}>
      <FormField
        label={t("campaigns.relation.script")}
        htmlFor="scriptId"
        error={msg(errors.scriptId?.message)}
        hint={t("campaigns.relation.scriptHint")}
      >
        <Select
          {...form.register("scriptId", {
            // A new script starts on its latest production version.
            onChange: () => form.setValue("scriptVersionId", ""),
          })}
        >
          <option value="">{t("campaigns.none")}</option>
          {storedMissing ? <option value={campaign.scriptId!}>{t("campaigns.relation.unavailableScript")}</option> : null}
          {options.scripts.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </Select>
      </FormField>
      {script ? (
        <FormField label={t("campaigns.relation.scriptVersion")} htmlFor="scriptVersionId" error={msg(errors.scriptVersionId?.message)}>
          <Select {...form.register("scriptVersionId")}>
            <option value="">{t("campaigns.relation.latestVersion", { number: script.versions[0].number })}</option>
            {script.versions.map((v) => (
              <option key={v.id} value={v.id}>
                {t("campaigns.relation.versionLabel", { number: v.number, date: format.date(v.createdAt) })}
              </option>
            ))}
          </Select>
        </FormField>
      ) : null}
      <FormField
        label={t("campaigns.relation.qualificationGroup")}
        htmlFor="qualificationGroupId"
        error={msg(errors.qualificationGroupId?.message)}
      >
        <Select {...form.register("qualificationGroupId")}>
          <option value="">{t("campaigns.none")}</option>
          {options.qualification.map((q) => (
            <option key={q.id} value={q.id}>
              {q.name}
            </option>
          ))}
        </Select>
      </FormField>
      <div className="grid max-w-2xl gap-4 sm:grid-cols-2">
        <FormField label={t("agenda.relation.addressBook")} htmlFor="addressBookId" error={msg(errors.addressBookId?.message)}>
          <Select {...form.register("addressBookId")}>
            <option value="">{t("agenda.relation.none")}</option>
            {options.addressBooks.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField label={t("agenda.relation.schedule")} htmlFor="salesRepScheduleId" error={msg(errors.salesRepScheduleId?.message)}>
          <Select {...form.register("salesRepScheduleId")}>
            <option value="">{t("agenda.relation.none")}</option>
            {options.salesRepSchedules.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </Select>
        </FormField>
      </div>
      <fieldset className="space-y-4 rounded-panel border border-border p-4">
        <legend className="px-1 text-sm font-semibold">{t("campaigns.relation.sideActions")}</legend>
        <FormField
          label={t("campaigns.relation.numberDisplay")}
          htmlFor="numberDisplay"
          error={msg(errors.numberDisplay?.message)}
          hint={t("campaigns.relation.numberDisplayHint")}
        >
          <Input autoComplete="off" className="max-w-xs" {...form.register("numberDisplay")} />
        </FormField>
      </fieldset>
      <Button type="submit" loading={isSubmitting}>
        {t("common.save")}
      </Button>
    </form>
  );
}
