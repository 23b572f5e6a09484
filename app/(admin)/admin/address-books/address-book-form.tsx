"use client";

import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { addressBookSchema, type AddressBookInput } from "@/lib/agenda/agenda.schema";
import { useT } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/translate";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { useActionFeedback } from "@/components/admin/use-action-feedback";
import { useUnsavedWarning } from "@/components/admin/use-unsaved-warning";
import { createAddressBookAction, updateAddressBookAction } from "./actions";

type Option = { id: number; name: string };

export function AddressBookForm({
  book,
  databases,
  defaultDatabaseId,
}: {
  book?: { id: number; name: string; databaseId: number; version: string };
  databases: Option[];
  defaultDatabaseId?: number;
}) {
  const t = useT();
  const router = useRouter();
  const report = useActionFeedback();
  const form = useForm<AddressBookInput>({
    resolver: zodResolver(addressBookSchema),
    defaultValues: { name: book?.name ?? "", databaseId: book?.databaseId ?? defaultDatabaseId },
  });
  const { errors, isSubmitting, isDirty } = form.formState;
  useUnsavedWarning(isDirty && !isSubmitting);
  const msg = (m?: string) => (m ? t(m as MessageKey) : undefined);

  async function onSubmit(values: AddressBookInput) {
    if (book) {
      const result = await updateAddressBookAction({ ...values, id: book.id, version: book.version });
      if (report(result, { form, success: "adminCommon.saved" })) {
        form.reset(values);
        router.refresh();
      }
      return;
    }
    const result = await createAddressBookAction(values);
    if (report(result, { form, success: "adminCommon.created" })) {
      form.reset(values);
      router.push(`/admin/address-books/${result.data.id}`);
    }
  }

  return (
    <form onSubmit={form.handleSubmit(onSubmit)} className="max-w-lg space-y-4" noValidate>
      <FormField label={t("agenda.addressBooks.name")} htmlFor="name" error={msg(errors.name?.message)} required>
        <Input autoComplete="off" {...form.register("name")} />
      </FormField>
      <FormField label={t("agenda.addressBooks.database")} htmlFor="databaseId" error={msg(errors.databaseId?.message)} required>
        {/* The contacts' table is created in this database: it is chosen once. */}
        <Select disabled={!!book} {...form.register("databaseId", { valueAsNumber: true })}>
          {databases.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </Select>
      </FormField>
      <div className="flex gap-2">
        <Button type="submit" loading={isSubmitting}>
          {book ? t("common.save") : t("adminCommon.create")}
        </Button>
        <Button type="button" variant="secondary" onClick={() => router.push("/admin/address-books")}>
          {book ? t("common.back") : t("common.cancel")}
        </Button>
      </div>
    </form>
  );
}
