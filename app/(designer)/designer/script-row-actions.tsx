"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { scriptNameSchema, type ScriptNameInput } from "@/lib/scripts/script.schema";
import { useT } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/translate";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogFooter, DialogTrigger } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";
import { useActionFeedback } from "@/components/admin/use-action-feedback";
import { duplicateScriptAction, renameScriptAction } from "./actions";

export function RenameButton({ id, name }: { id: number; name: string }) {
  const t = useT();
  const router = useRouter();
  const report = useActionFeedback();
  const [open, setOpen] = useState(false);
  const form = useForm<ScriptNameInput>({ resolver: zodResolver(scriptNameSchema), defaultValues: { name } });
  const error = form.formState.errors.name?.message;
  async function submit(values: ScriptNameInput) {
    if (report(await renameScriptAction({ id, name: values.name }), { form, success: "designer.home.renamed" })) {
      setOpen(false);
      router.refresh();
    }
  }
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button size="sm" variant="ghost">
          {t("designer.home.rename")}
        </Button>
      </DialogTrigger>
      <DialogContent title={t("designer.home.renameTitle", { name })}>
        <form onSubmit={form.handleSubmit(submit)} noValidate className="space-y-4">
          <FormField label={t("designer.home.name")} htmlFor={`rename-${id}`} error={error ? t(error as MessageKey) : undefined} required>
            <Input autoComplete="off" {...form.register("name")} />
          </FormField>
          <DialogFooter>
            <Button type="submit" loading={form.formState.isSubmitting}>
              {t("common.save")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

export function DuplicateButton({ id }: { id: number }) {
  const t = useT();
  const router = useRouter();
  const { toast } = useToast();
  const report = useActionFeedback();
  const [pending, setPending] = useState(false);
  return (
    <Button
      size="sm"
      variant="ghost"
      loading={pending}
      onClick={async () => {
        setPending(true);
        const result = await duplicateScriptAction({ id });
        setPending(false);
        if (report(result)) {
          toast({ title: t("designer.home.duplicated", { name: result.data.name }), variant: "success" });
          router.refresh();
        }
      }}
    >
      {t("designer.home.duplicate")}
    </Button>
  );
}
