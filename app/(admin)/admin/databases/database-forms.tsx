"use client";

import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { databaseSchema, type DatabaseInput } from "@/lib/databases/database.schema";
import { useT } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/translate";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { useActionFeedback } from "@/components/admin/use-action-feedback";
import { createDatabaseAction, deleteDatabaseAction } from "./actions";

export function CreateDatabaseForm() {
  const t = useT();
  const router = useRouter();
  const report = useActionFeedback();
  const form = useForm<DatabaseInput>({ resolver: zodResolver(databaseSchema), defaultValues: { name: "" } });
  const { errors, isSubmitting } = form.formState;
  return (
    <form
      noValidate
      className="flex flex-wrap items-end gap-2"
      onSubmit={form.handleSubmit(async (values) => {
        if (report(await createDatabaseAction(values), { form, success: "adminCommon.created" })) {
          form.reset({ name: "" });
          router.refresh();
        }
      })}
    >
      <FormField
        label={t("databases.name")}
        htmlFor="db-name"
        error={errors.name?.message && t(errors.name.message as MessageKey)}
        hint={t("databases.nameHint")}
        required
      >
        <Input autoComplete="off" className="w-72" {...form.register("name")} />
      </FormField>
      <Button type="submit" loading={isSubmitting} className="mb-5">
        {t("adminCommon.create")}
      </Button>
    </form>
  );
}

export function DeleteDatabaseButton({ id, name }: { id: number; name: string }) {
  const t = useT();
  const router = useRouter();
  const report = useActionFeedback();
  return (
    <ConfirmDialog
      title={t("databases.confirmDeleteTitle", { name })}
      message={t("databases.confirmDeleteText")}
      confirmLabel={t("common.delete")}
      trigger={
        <Button size="sm" variant="ghost">
          {t("common.delete")}
        </Button>
      }
      onConfirm={async () => {
        const ok = report(await deleteDatabaseAction({ id }), { success: "databases.deleted" });
        if (ok) router.refresh();
        return ok;
      }}
    />
  );
}
