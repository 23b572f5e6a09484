"use client";

import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { blacklistSchema, type BlacklistInput } from "@/lib/blacklists/blacklist.schema";
import { useT } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/translate";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { useActionFeedback } from "@/components/admin/use-action-feedback";
import { useUnsavedWarning } from "@/components/admin/use-unsaved-warning";
import { createBlacklistAction, updateBlacklistAction } from "./actions";

type Option = { id: number; name: string };

export function BlacklistForm({
  blacklist,
  databases,
  defaultDatabaseId,
}: {
  blacklist?: { id: number; name: string; databaseId: number; version: string };
  databases: Option[];
  defaultDatabaseId?: number;
}) {
  const t = useT();
  const router = useRouter();
  const report = useActionFeedback();
  const form = useForm<BlacklistInput>({
    resolver: zodResolver(blacklistSchema),
    defaultValues: { name: blacklist?.name ?? "", databaseId: blacklist?.databaseId ?? defaultDatabaseId },
  });
  const { errors, isSubmitting, isDirty } = form.formState;
  useUnsavedWarning(isDirty && !isSubmitting);
  const msg = (m?: string) => (m ? t(m as MessageKey) : undefined);

  async function onSubmit(values: BlacklistInput) {
    if (blacklist) {
      const result = await updateBlacklistAction({ ...values, id: blacklist.id, version: blacklist.version });
      if (report(result, { form, success: "adminCommon.saved" })) {
        form.reset(values);
        router.refresh();
      }
      return;
    }
    const result = await createBlacklistAction(values);
    if (report(result, { form, success: "adminCommon.created" })) {
      form.reset(values);
      // The keywords are imported on the list's own page.
      router.push(`/admin/blacklists/${result.data.id}`);
    }
  }

  return (
    <form onSubmit={form.handleSubmit(onSubmit)} className="max-w-lg space-y-4" noValidate>
      <FormField label={t("blacklists.name")} htmlFor="name" error={msg(errors.name?.message)} required>
        <Input autoComplete="off" {...form.register("name")} />
      </FormField>
      <FormField
        label={t("blacklists.database")}
        htmlFor="databaseId"
        error={msg(errors.databaseId?.message)}
        hint={t("blacklists.databaseHint")}
        required
      >
        <Select placeholder={t("blacklists.chooseDatabase")} {...form.register("databaseId", { valueAsNumber: true })}>
          {databases.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </Select>
      </FormField>
      <div className="flex gap-2">
        <Button type="submit" loading={isSubmitting}>
          {blacklist ? t("common.save") : t("adminCommon.create")}
        </Button>
        <Button type="button" variant="secondary" onClick={() => router.push("/admin/blacklists")}>
          {blacklist ? t("common.back") : t("common.cancel")}
        </Button>
      </div>
    </form>
  );
}
