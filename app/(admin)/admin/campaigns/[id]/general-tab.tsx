"use client";

import { useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import { useForm, useWatch } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { generalSchema, type GeneralInput } from "@/lib/campaigns/campaign.schema";
import type { ConnectionReport } from "@/lib/campaigns/connection";
import type { CampaignForEdit } from "@/lib/campaigns/queries";
import type { Option } from "@/lib/campaigns/options";
import type { SecretField } from "@/lib/campaigns/credentials";
import { useT } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/translate";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { useActionFeedback } from "@/components/admin/use-action-feedback";
import { useUnsavedWarning } from "@/components/admin/use-unsaved-warning";
import { demoCredentialsAction, saveGeneralAction, testConnectionAction } from "../actions";
import { SecretInput } from "./secret-input";
import { ConnectionReportView } from "./connection-report";

const SECRETS = {
  twitter: ["apiKey", "apiSecret", "accessToken", "accessSecret", "bearerToken"],
  facebook: ["appSecret", "pageAccessToken"],
} as const;

function initialValues(c: CampaignForEdit): GeneralInput {
  return {
    id: c.id,
    version: c.versions.general ?? 0,
    name: c.name,
    platformId: c.platformId === null ? "" : String(c.platformId),
    apiKey: "",
    apiSecret: "",
    accessToken: "",
    accessSecret: "",
    bearerToken: "",
    appSecret: "",
    pageAccessToken: "",
    appId: c.credentials.plain.appId ?? "",
    pageId: c.credentials.plain.pageId ?? "",
    accountHandle: c.accountHandle,
    accountId: c.accountId ?? "",
    canvasPage: c.canvasPage,
    canvasUrl: c.canvasUrl,
    acceptancePage: c.acceptancePage,
  };
}

export function GeneralTab({
  campaign,
  platforms,
  simulatorPlatformIds,
  onDirty,
}: {
  campaign: CampaignForEdit;
  platforms: Option[];
  simulatorPlatformIds: number[];
  onDirty: (dirty: boolean) => void;
}) {
  const t = useT();
  const router = useRouter();
  const report = useActionFeedback();
  // The counter this form was loaded with; only our own saves move it (a live refresh must not).
  const [version, setVersion] = useState(campaign.versions.general ?? 0);
  const [connection, setConnection] = useState<ConnectionReport | null>(null);
  const [testing, setTesting] = useState(false);
  const [filling, setFilling] = useState(false);
  const form = useForm<GeneralInput>({ resolver: zodResolver(generalSchema), defaultValues: initialValues(campaign) });
  const { errors, isSubmitting, isDirty } = form.formState;
  useUnsavedWarning(isDirty && !isSubmitting);
  useEffect(() => onDirty(isDirty), [isDirty, onDirty]);
  const msg = (m?: string) => (m ? t(m as MessageKey) : undefined);
  const type = campaign.type;
  const platformId = useWatch({ control: form.control, name: "platformId" });
  const onSimulator = simulatorPlatformIds.includes(Number(platformId));

  async function onSubmit(values: GeneralInput) {
    const result = await saveGeneralAction({ ...values, version });
    if (report(result, { form, success: "adminCommon.saved" })) {
      setVersion(result.data.version);
      // Secrets are never sent back: the fields empty again, the new masks come with the refresh.
      form.reset({ ...form.getValues(), ...Object.fromEntries(SECRETS[type].map((f) => [f, ""])) });
      router.refresh();
    }
  }

  async function test() {
    setTesting(true);
    setConnection(null);
    const v = form.getValues();
    const result = await testConnectionAction({
      id: campaign.id,
      platformId: v.platformId,
      apiKey: v.apiKey,
      apiSecret: v.apiSecret,
      accessToken: v.accessToken,
      accessSecret: v.accessSecret,
      bearerToken: v.bearerToken,
      appId: v.appId,
      appSecret: v.appSecret,
      pageAccessToken: v.pageAccessToken,
      pageId: v.pageId,
    });
    setTesting(false);
    if (report(result, { form })) setConnection(result.data);
  }

  // The demo values come from the server on demand, never with the page (which holds no secret).
  async function fillDemo() {
    setFilling(true);
    const result = await demoCredentialsAction({ id: campaign.id, platformId: form.getValues("platformId") });
    setFilling(false);
    if (!report(result, { form, success: "campaigns.general.demoFilled" })) return;
    setConnection(null);
    for (const [field, value] of Object.entries(result.data.values)) {
      form.setValue(field as keyof GeneralInput, value, { shouldDirty: true, shouldValidate: true });
    }
  }

  const secret = (field: SecretField) => (
    <SecretInput
      key={field}
      id={field}
      label={t(`campaigns.general.${field}`)}
      view={campaign.credentials.secrets[field]}
      error={msg(errors[field]?.message)}
      registration={form.register(field)}
    />
  );
  const text = (
    field: "appId" | "pageId" | "accountHandle" | "accountId" | "canvasPage" | "canvasUrl" | "acceptancePage",
    hint?: MessageKey,
  ) => (
    <FormField
      key={field}
      label={t(`campaigns.general.${field}`)}
      htmlFor={field}
      error={msg(errors[field]?.message)}
      hint={hint ? t(hint) : undefined}
    >
      <Input autoComplete="off" spellCheck={false} {...form.register(field)} />
    </FormField>
  );

  return (
    <form onSubmit={form.handleSubmit(onSubmit)} className="max-w-2xl space-y-5" noValidate aria-label={t("campaigns.tabs.general")}>
      <FormField label={t("campaigns.name")} htmlFor="name" error={msg(errors.name?.message)} required>
        <Input autoComplete="off" {...form.register("name")} />
      </FormField>
      <FormField
        label={t("campaigns.general.platform")}
        htmlFor="platformId"
        error={msg(errors.platformId?.message)}
        hint={t("campaigns.general.platformHint")}
      >
        <Select {...form.register("platformId")}>
          <option value="">{t("campaigns.general.noPlatform")}</option>
          {platforms.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </Select>
      </FormField>
      <fieldset className="space-y-4 rounded-panel border border-border p-4">
        <legend className="px-1 text-sm font-semibold">
          {t(type === "twitter" ? "campaigns.general.twitterApp" : "campaigns.general.facebookApp")}
        </legend>
        {onSimulator ? (
          <div className="space-y-1 rounded-control border border-accent/30 bg-accent-soft p-3">
            <Button type="button" size="sm" variant="secondary" loading={filling} onClick={fillDemo}>
              {t("campaigns.general.fillDemo")}
            </Button>
            <p className="text-xs text-accent-soft-fg">{t("campaigns.general.fillDemoHint")}</p>
          </div>
        ) : null}
        {type === "twitter" ? (
          <>
            {SECRETS.twitter.map(secret)}
            {text("accountHandle", "campaigns.general.accountHandleHint")}
            {text("accountId")}
          </>
        ) : (
          <>
            {text("appId")}
            {SECRETS.facebook.map(secret)}
            {text("pageId")}
            {text("canvasPage")}
            {text("canvasUrl")}
            {text("acceptancePage")}
          </>
        )}
        <div className="space-y-2">
          <Button type="button" variant="secondary" loading={testing} onClick={test}>
            {t("campaigns.general.testConnection")}
          </Button>
          <p className="text-xs text-fg-muted">{t("campaigns.general.testHint")}</p>
          {connection ? <ConnectionReportView report={connection} /> : null}
          {connection?.ok &&
          type === "twitter" &&
          (form.getValues("accountHandle") !== connection.account.handle || form.getValues("accountId") !== connection.account.id) ? (
            <Button
              type="button"
              size="sm"
              variant="ghost"
              onClick={() => {
                form.setValue("accountHandle", connection.account.handle, { shouldDirty: true });
                form.setValue("accountId", connection.account.id, { shouldDirty: true });
                setConnection({ ...connection });
              }}
            >
              {t("campaigns.general.useAccount", { handle: connection.account.handle })}
            </Button>
          ) : null}
        </div>
      </fieldset>
      <Button type="submit" loading={isSubmitting}>
        {t("common.save")}
      </Button>
    </form>
  );
}
