"use client";

import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { queueSchema, type QueueInput } from "@/lib/queues/queue.schema";
import { useT } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/translate";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { useActionFeedback } from "@/components/admin/use-action-feedback";
import { useUnsavedWarning } from "@/components/admin/use-unsaved-warning";
import { createQueueAction, updateQueueAction } from "./actions";

export function QueueForm({ queue }: { queue?: { id: number; code: string; description: string; version: string } }) {
  const t = useT();
  const router = useRouter();
  const report = useActionFeedback();
  const form = useForm<QueueInput>({
    resolver: zodResolver(queueSchema),
    defaultValues: { code: queue?.code ?? "", description: queue?.description ?? "" },
  });
  const { errors, isSubmitting, isDirty } = form.formState;
  useUnsavedWarning(isDirty && !isSubmitting);
  const msg = (m?: string) => (m ? t(m as MessageKey) : undefined);

  async function onSubmit(values: QueueInput) {
    const result = queue ? await updateQueueAction({ ...values, id: queue.id, version: queue.version }) : await createQueueAction(values);
    if (report(result, { form, success: queue ? "adminCommon.saved" : "adminCommon.created" })) {
      form.reset(values);
      router.push("/admin/queues");
      router.refresh();
    }
  }

  return (
    <form onSubmit={form.handleSubmit(onSubmit)} className="max-w-lg space-y-4" noValidate>
      <FormField label={t("queues.code")} htmlFor="code" error={msg(errors.code?.message)} hint={t("queues.codeHint")} required>
        <Input autoComplete="off" {...form.register("code")} />
      </FormField>
      <FormField label={t("queues.description")} htmlFor="description" error={msg(errors.description?.message)}>
        <Input autoComplete="off" {...form.register("description")} />
      </FormField>
      <div className="flex gap-2">
        <Button type="submit" loading={isSubmitting}>
          {queue ? t("common.save") : t("adminCommon.create")}
        </Button>
        <Button type="button" variant="secondary" onClick={() => router.push("/admin/queues")}>
          {t("common.cancel")}
        </Button>
      </div>
    </form>
  );
}
