"use client";

import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { campaignTypes, createCampaignSchema, type CreateCampaignInput } from "@/lib/campaigns/campaign.schema";
import { useT } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/translate";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { useActionFeedback } from "@/components/admin/use-action-feedback";
import { useUnsavedWarning } from "@/components/admin/use-unsaved-warning";
import { createCampaignAction } from "../actions";

export function CreateCampaignForm({
  databases,
  defaultDatabaseId,
}: {
  databases: { id: number; name: string }[];
  defaultDatabaseId: number | null;
}) {
  const t = useT();
  const router = useRouter();
  const report = useActionFeedback();
  const form = useForm<CreateCampaignInput>({
    resolver: zodResolver(createCampaignSchema),
    defaultValues: {
      type: "twitter",
      name: "",
      databaseId: defaultDatabaseId === null ? "" : String(defaultDatabaseId),
    } as CreateCampaignInput,
  });
  const { errors, isSubmitting, isDirty } = form.formState;
  useUnsavedWarning(isDirty && !isSubmitting);
  const msg = (m?: string) => (m ? t(m as MessageKey) : undefined);

  async function onSubmit(values: CreateCampaignInput) {
    const result = await createCampaignAction(values);
    if (report(result, { form, success: "campaigns.created" })) {
      form.reset(values);
      router.push(`/admin/campaigns/${result.data.id}`);
    }
  }

  return (
    <form onSubmit={form.handleSubmit(onSubmit)} className="max-w-lg space-y-4" noValidate>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">{t("campaigns.type")}</legend>
        <div className="flex gap-4">
          {campaignTypes.map((type) => (
            <label key={type} className="inline-flex items-center gap-2 text-sm">
              <input type="radio" value={type} {...form.register("type")} />
              {t(`campaigns.types.${type}`)}
            </label>
          ))}
        </div>
        {errors.type ? <p className="text-xs font-medium text-danger">{msg(errors.type.message)}</p> : null}
      </fieldset>
      <FormField label={t("campaigns.name")} htmlFor="name" error={msg(errors.name?.message)} hint={t("campaigns.nameHint")} required>
        <Input autoComplete="off" {...form.register("name")} />
      </FormField>
      <FormField
        label={t("campaigns.database")}
        htmlFor="databaseId"
        error={msg(errors.databaseId?.message)}
        hint={t("campaigns.databaseHint")}
      >
        <Select {...form.register("databaseId")}>
          <option value="">{t("campaigns.none")}</option>
          {databases.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </Select>
      </FormField>
      <div className="flex gap-2">
        <Button type="submit" loading={isSubmitting}>
          {t("campaigns.validate")}
        </Button>
        <Button type="button" variant="secondary" onClick={() => router.push("/admin/campaigns")}>
          {t("common.cancel")}
        </Button>
      </div>
    </form>
  );
}
