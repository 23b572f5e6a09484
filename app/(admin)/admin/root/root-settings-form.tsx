"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { rootSettingsSchema, type RootSettingsInput } from "@/lib/campaigns/root.schema";
import { useT } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/translate";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Checkbox } from "@/components/ui/checkbox";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { useActionFeedback } from "@/components/admin/use-action-feedback";
import { useUnsavedWarning } from "@/components/admin/use-unsaved-warning";
import { saveRootSettingsAction } from "./actions";

type Settings = {
  smtpHost: string;
  smtpPort: number;
  smtpUser: string;
  smtpFrom: string;
  smtpTls: boolean;
  defaultTimeZone: string;
  smtpPasswordSet: boolean;
  smtpPasswordMasked: string;
  version: string | undefined;
};

/** Outgoing mail and the default time zone. The SMTP password is write-only: empty keeps it. */
export function RootSettingsForm({ settings, timeZones }: { settings: Settings; timeZones: string[] }) {
  const t = useT();
  const router = useRouter();
  const report = useActionFeedback();
  const [version, setVersion] = useState(settings.version);
  const form = useForm<RootSettingsInput>({
    resolver: zodResolver(rootSettingsSchema),
    defaultValues: {
      smtpHost: settings.smtpHost,
      smtpPort: String(settings.smtpPort),
      smtpUser: settings.smtpUser,
      smtpPassword: "",
      smtpFrom: settings.smtpFrom,
      smtpTls: settings.smtpTls,
      defaultTimeZone: settings.defaultTimeZone,
    },
  });
  const { errors, isSubmitting, isDirty } = form.formState;
  useUnsavedWarning(isDirty && !isSubmitting);
  const msg = (m?: string) => (m ? t(m as MessageKey) : undefined);

  async function onSubmit(values: RootSettingsInput) {
    const result = await saveRootSettingsAction({ ...values, version });
    if (report(result, { form, success: "adminCommon.saved" })) {
      setVersion(result.data.version);
      form.reset({ ...form.getValues(), smtpPassword: "" });
      router.refresh();
    }
  }

  return (
    <form onSubmit={form.handleSubmit(onSubmit)} noValidate className="space-y-6">
      <Card>
        <CardHeader>
          <CardTitle>{t("campaigns.root.smtp")}</CardTitle>
        </CardHeader>
        <CardContent className="grid max-w-2xl gap-4 sm:grid-cols-[1fr_8rem]">
          <FormField label={t("campaigns.root.smtpHost")} htmlFor="smtpHost" error={msg(errors.smtpHost?.message)}>
            <Input autoComplete="off" spellCheck={false} {...form.register("smtpHost")} />
          </FormField>
          <FormField label={t("campaigns.root.smtpPort")} htmlFor="smtpPort" error={msg(errors.smtpPort?.message)} required>
            <Input type="number" inputMode="numeric" min={1} max={65535} {...form.register("smtpPort")} />
          </FormField>
          <FormField label={t("campaigns.root.smtpUser")} htmlFor="smtpUser" error={msg(errors.smtpUser?.message)}>
            <Input autoComplete="off" {...form.register("smtpUser")} />
          </FormField>
          <div />
          <FormField
            label={t("campaigns.root.smtpPassword")}
            htmlFor="smtpPassword"
            error={msg(errors.smtpPassword?.message)}
            hint={
              settings.smtpPasswordSet
                ? t("campaigns.general.secretSet", { masked: settings.smtpPasswordMasked })
                : t("campaigns.general.secretUnset")
            }
          >
            <Input
              type="password"
              autoComplete="new-password"
              placeholder={settings.smtpPasswordMasked}
              {...form.register("smtpPassword")}
            />
          </FormField>
          <div />
          <FormField label={t("campaigns.root.smtpFrom")} htmlFor="smtpFrom" error={msg(errors.smtpFrom?.message)}>
            <Input type="email" autoComplete="off" {...form.register("smtpFrom")} />
          </FormField>
          <div />
          <Checkbox label={t("campaigns.root.smtpTls")} {...form.register("smtpTls")} />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{t("campaigns.root.timeZone")}</CardTitle>
        </CardHeader>
        <CardContent className="max-w-2xl">
          <FormField
            label={t("campaigns.root.defaultTimeZone")}
            htmlFor="defaultTimeZone"
            error={msg(errors.defaultTimeZone?.message)}
            hint={t("campaigns.root.defaultTimeZoneHint")}
          >
            <Select {...form.register("defaultTimeZone")}>
              {timeZones.map((z) => (
                <option key={z} value={z}>
                  {z}
                </option>
              ))}
            </Select>
          </FormField>
        </CardContent>
      </Card>
      <Button type="submit" loading={isSubmitting}>
        {t("common.save")}
      </Button>
    </form>
  );
}
