"use client";

import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { platformSchema, type PlatformInput } from "@/lib/campaigns/root.schema";
import { useT } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/translate";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { useActionFeedback } from "@/components/admin/use-action-feedback";
import { useUnsavedWarning } from "@/components/admin/use-unsaved-warning";
import { createPlatformAction, updatePlatformAction } from "./actions";

type Platform = { id: number; name: string; twitterBaseUrl: string; facebookBaseUrl: string; version: string };

/** A publishing platform: where the campaigns' network clients send their requests. */
export function PlatformForm({
  platform,
  defaults,
}: {
  platform?: Platform;
  defaults?: { twitterBaseUrl: string; facebookBaseUrl: string };
}) {
  const t = useT();
  const router = useRouter();
  const report = useActionFeedback();
  const form = useForm<PlatformInput>({
    resolver: zodResolver(platformSchema),
    defaultValues: {
      name: platform?.name ?? "",
      twitterBaseUrl: platform?.twitterBaseUrl ?? defaults?.twitterBaseUrl ?? "",
      facebookBaseUrl: platform?.facebookBaseUrl ?? defaults?.facebookBaseUrl ?? "",
    },
  });
  const { errors, isSubmitting, isDirty } = form.formState;
  useUnsavedWarning(isDirty && !isSubmitting);
  const msg = (m?: string) => (m ? t(m as MessageKey) : undefined);

  async function onSubmit(values: PlatformInput) {
    const result = platform
      ? await updatePlatformAction({ ...values, id: platform.id, version: platform.version })
      : await createPlatformAction(values);
    if (report(result, { form, success: platform ? "adminCommon.saved" : "adminCommon.created" })) {
      form.reset(form.getValues());
      router.push("/admin/root");
      router.refresh();
    }
  }

  return (
    <form onSubmit={form.handleSubmit(onSubmit)} className="max-w-lg space-y-4" noValidate>
      <FormField label={t("campaigns.root.platformName")} htmlFor="name" error={msg(errors.name?.message)} required>
        <Input autoComplete="off" {...form.register("name")} />
      </FormField>
      <FormField
        label={t("campaigns.root.twitterBaseUrl")}
        htmlFor="twitterBaseUrl"
        error={msg(errors.twitterBaseUrl?.message)}
        hint={t("campaigns.root.twitterBaseUrlHint")}
        required
      >
        <Input type="url" autoComplete="off" spellCheck={false} {...form.register("twitterBaseUrl")} />
      </FormField>
      <FormField
        label={t("campaigns.root.facebookBaseUrl")}
        htmlFor="facebookBaseUrl"
        error={msg(errors.facebookBaseUrl?.message)}
        hint={t("campaigns.root.facebookBaseUrlHint")}
        required
      >
        <Input type="url" autoComplete="off" spellCheck={false} {...form.register("facebookBaseUrl")} />
      </FormField>
      <div className="flex gap-2">
        <Button type="submit" loading={isSubmitting}>
          {platform ? t("common.save") : t("adminCommon.create")}
        </Button>
        <Button type="button" variant="secondary" onClick={() => router.push("/admin/root")}>
          {t("common.cancel")}
        </Button>
      </div>
    </form>
  );
}
