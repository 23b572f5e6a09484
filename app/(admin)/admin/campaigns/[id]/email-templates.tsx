"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { emailTemplateSchema, type EmailTemplateInput } from "@/lib/campaigns/campaign.schema";
import { useT } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/translate";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog, DialogContent, DialogFooter } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { useActionFeedback } from "@/components/admin/use-action-feedback";
import { deleteEmailTemplateAction, saveEmailTemplateAction } from "../actions";

export type TemplateRow = { id: number; name: string; subject: string; body: string; updatedAt: Date };

function TemplateDialog({ campaignId, template, onOpenChange }: { campaignId: number; template: TemplateRow | null; onOpenChange: (open: boolean) => void }) {
  const t = useT();
  const router = useRouter();
  const report = useActionFeedback();
  const form = useForm<EmailTemplateInput>({
    resolver: zodResolver(emailTemplateSchema),
    defaultValues: { campaignId, id: template?.id, name: template?.name ?? "", subject: template?.subject ?? "", body: template?.body ?? "", version: template?.updatedAt.toISOString() },
  });
  const { errors, isSubmitting } = form.formState;
  const msg = (m?: string) => (m ? t(m as MessageKey) : undefined);
  return (
    <Dialog open onOpenChange={onOpenChange}>
      <DialogContent title={t(template ? "campaigns.templates.editTitle" : "campaigns.templates.addTitle")} className="max-w-2xl">
        <form
          noValidate
          className="space-y-4"
          onSubmit={form.handleSubmit(async (values) => {
            const result = await saveEmailTemplateAction(values);
            if (report(result, { form, success: "adminCommon.saved" })) {
              onOpenChange(false);
              router.refresh();
            }
          })}
        >
          <FormField label={t("campaigns.templates.name")} htmlFor="template-name" error={msg(errors.name?.message)} required>
            <Input autoComplete="off" {...form.register("name")} />
          </FormField>
          <FormField label={t("campaigns.templates.subject")} htmlFor="template-subject" error={msg(errors.subject?.message)} hint={t("campaigns.variablesHint")} required>
            <Input autoComplete="off" {...form.register("subject")} />
          </FormField>
          <FormField label={t("campaigns.templates.body")} htmlFor="template-body" error={msg(errors.body?.message)} hint={t("campaigns.variablesHint")} required>
            <Textarea rows={8} {...form.register("body")} />
          </FormField>
          <DialogFooter>
            <Button variant="secondary" onClick={() => onOpenChange(false)}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={isSubmitting}>
              {t("common.save")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

/** Side action «modèle pour les emails»: each change is saved at once, apart from the tab's form. */
export function EmailTemplates({ campaignId, templates }: { campaignId: number; templates: TemplateRow[] }) {
  const t = useT();
  const router = useRouter();
  const report = useActionFeedback();
  const [editing, setEditing] = useState<TemplateRow | null>(null);
  const [open, setOpen] = useState(false);
  return (
    <section className="max-w-2xl space-y-3" aria-labelledby="templates-title">
      <div className="flex items-center justify-between">
        <h3 id="templates-title" className="text-base font-semibold">
          {t("campaigns.templates.title")}
        </h3>
        <Button
          size="sm"
          variant="secondary"
          onClick={() => {
            setEditing(null);
            setOpen(true);
          }}
        >
          {t("campaigns.templates.add")}
        </Button>
      </div>
      {templates.length === 0 ? (
        <p className="text-sm text-fg-muted">{t("campaigns.templates.empty")}</p>
      ) : (
        <ul className="divide-y divide-border rounded-panel border border-border">
          {templates.map((tpl) => (
            <li key={tpl.id} className="flex items-start gap-3 p-3">
              <div className="min-w-0 flex-1">
                <p className="text-sm font-medium">{tpl.name}</p>
                <p className="truncate text-sm text-fg-muted">{tpl.subject}</p>
              </div>
              <Button
                size="sm"
                variant="ghost"
                aria-label={t("campaigns.templates.editNamed", { name: tpl.name })}
                onClick={() => {
                  setEditing(tpl);
                  setOpen(true);
                }}
              >
                {t("common.edit")}
              </Button>
              <ConfirmDialog
                title={t("campaigns.templates.confirmDelete", { name: tpl.name })}
                message={t("campaigns.confirmDeleteText")}
                confirmLabel={t("common.delete")}
                trigger={
                  <Button size="sm" variant="ghost" aria-label={t("campaigns.templates.deleteNamed", { name: tpl.name })}>
                    {t("common.delete")}
                  </Button>
                }
                onConfirm={async () => {
                  const ok = report(await deleteEmailTemplateAction({ campaignId, id: tpl.id }), { success: "campaigns.deleted" });
                  if (ok) router.refresh();
                  return ok;
                }}
              />
            </li>
          ))}
        </ul>
      )}
      {open ? <TemplateDialog key={editing?.id ?? "new"} campaignId={campaignId} template={editing} onOpenChange={setOpen} /> : null}
    </section>
  );
}
