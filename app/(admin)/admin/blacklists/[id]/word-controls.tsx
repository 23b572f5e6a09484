"use client";

import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { addWordSchema, type AddWordInput } from "@/lib/blacklists/blacklist.schema";
import { useT } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/translate";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormField, fieldControlProps } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";
import { useActionFeedback } from "@/components/admin/use-action-feedback";
import { addBlacklistWordAction, removeBlacklistWordAction } from "../actions";

/** Adds one keyword by hand, with the same rules as a line of an imported file. */
export function AddWordForm({ blacklistId }: { blacklistId: number }) {
  const t = useT();
  const router = useRouter();
  const report = useActionFeedback();
  const { toast } = useToast();
  const form = useForm<AddWordInput>({ resolver: zodResolver(addWordSchema), defaultValues: { blacklistId, word: "" } });
  const { errors, isSubmitting } = form.formState;
  const error = errors.word?.message ? t(errors.word.message as MessageKey) : undefined;

  async function onSubmit(values: AddWordInput) {
    const result = await addBlacklistWordAction(values);
    if (report(result, { form })) {
      toast({ title: t("blacklists.wordAdded", { word: result.data.word }), variant: "success" });
      form.reset({ blacklistId, word: "" });
      router.refresh();
    }
  }

  return (
    <form onSubmit={form.handleSubmit(onSubmit)} className="max-w-lg" noValidate>
      {/* The label names the input itself (not a wrapper), so the field has one id. */}
      <div className="flex items-start gap-2">
        <div className="min-w-0 flex-1">
          <FormField label={t("blacklists.addWord")} htmlFor="new-word" error={error}>
            <Input autoComplete="off" {...fieldControlProps("new-word", { error })} {...form.register("word")} />
          </FormField>
        </div>
        <Button type="submit" loading={isSubmitting} className="mt-6">
          {t("common.add")}
        </Button>
      </div>
    </form>
  );
}

export function RemoveWordButton({ blacklistId, wordId, word }: { blacklistId: number; wordId: number; word: string }) {
  const t = useT();
  const router = useRouter();
  const report = useActionFeedback();
  return (
    <ConfirmDialog
      title={t("blacklists.confirmRemoveTitle", { word })}
      message={t("blacklists.confirmRemoveText")}
      confirmLabel={t("blacklists.removeWord")}
      trigger={
        <Button size="sm" variant="ghost">
          {t("blacklists.removeWord")}
        </Button>
      }
      onConfirm={async () => {
        const ok = report(await removeBlacklistWordAction({ blacklistId, wordId }), { success: "blacklists.wordRemoved" });
        if (ok) router.refresh();
        return ok;
      }}
    />
  );
}
