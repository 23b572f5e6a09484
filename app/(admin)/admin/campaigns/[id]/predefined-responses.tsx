"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { predefinedResponseSchema, type PredefinedResponseInput } from "@/lib/campaigns/campaign.schema";
import { useT } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/translate";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog, DialogContent, DialogFooter } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { ReorderButtons } from "@/components/admin/reorder-buttons";
import { useActionFeedback } from "@/components/admin/use-action-feedback";
import { deleteResponseAction, moveResponseAction, saveResponseAction } from "../actions";

export type ResponseRow = { id: number; title: string; text: string; language: string; updatedAt: Date };

const LANGUAGES = ["fr", "en", "es", "de", "it", "pt", "nl", "ar"] as const;

function ResponseDialog({ campaignId, response, onOpenChange }: { campaignId: number; response: ResponseRow | null; onOpenChange: (open: boolean) => void }) {
  const t = useT();
  const router = useRouter();
  const report = useActionFeedback();
  const form = useForm<PredefinedResponseInput>({
    resolver: zodResolver(predefinedResponseSchema),
    defaultValues: { campaignId, id: response?.id, title: response?.title ?? "", text: response?.text ?? "", language: response?.language ?? "fr", version: response?.updatedAt.toISOString() },
  });
  const { errors, isSubmitting } = form.formState;
  const msg = (m?: string) => (m ? t(m as MessageKey) : undefined);
  return (
    <Dialog open onOpenChange={onOpenChange}>
      <DialogContent title={t(response ? "campaigns.responses.editTitle" : "campaigns.responses.addTitle")}>
        <form
          noValidate
          className="space-y-4"
          onSubmit={form.handleSubmit(async (values) => {
            const result = await saveResponseAction(values);
            if (report(result, { form, success: "adminCommon.saved" })) {
              onOpenChange(false);
              router.refresh();
            }
          })}
        >
          <FormField label={t("campaigns.responses.titleLabel")} htmlFor="response-title" error={msg(errors.title?.message)} required>
            <Input autoComplete="off" {...form.register("title")} />
          </FormField>
          <FormField label={t("campaigns.responses.text")} htmlFor="response-text" error={msg(errors.text?.message)} hint={t("campaigns.variablesHint")} required>
            <Textarea rows={5} {...form.register("text")} />
          </FormField>
          <FormField label={t("campaigns.responses.language")} htmlFor="response-language" error={msg(errors.language?.message)}>
            <Select {...form.register("language")}>
              {LANGUAGES.map((l) => (
                <option key={l} value={l}>
                  {t(`campaigns.languages.${l}`)}
                </option>
              ))}
            </Select>
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

/** «Réponses prédéfinies»: each change is saved at once, apart from the tab's form. */
export function PredefinedResponses({ campaignId, responses }: { campaignId: number; responses: ResponseRow[] }) {
  const t = useT();
  const router = useRouter();
  const report = useActionFeedback();
  const [editing, setEditing] = useState<ResponseRow | null>(null);
  const [open, setOpen] = useState(false);

  async function move(from: number, to: number) {
    const result = await moveResponseAction({ campaignId, id: responses[from].id, direction: to < from ? "up" : "down" });
    if (report(result)) router.refresh();
  }

  return (
    <section className="max-w-2xl space-y-3" aria-labelledby="responses-title">
      <div className="flex items-center justify-between">
        <h3 id="responses-title" className="text-base font-semibold">
          {t("campaigns.responses.title")}
        </h3>
        <Button
          size="sm"
          variant="secondary"
          onClick={() => {
            setEditing(null);
            setOpen(true);
          }}
        >
          {t("campaigns.responses.add")}
        </Button>
      </div>
      {responses.length === 0 ? (
        <p className="text-sm text-fg-muted">{t("campaigns.responses.empty")}</p>
      ) : (
        <ol className="divide-y divide-border rounded-panel border border-border">
          {responses.map((r, index) => (
            <li key={r.id} className="flex items-start gap-3 p-3">
              <div className="min-w-0 flex-1">
                <p className="text-sm font-medium">
                  {r.title} <span className="text-xs text-fg-muted">({t(`campaigns.languages.${r.language as (typeof LANGUAGES)[number]}`)})</span>
                </p>
                <p className="line-clamp-2 whitespace-pre-wrap text-sm text-fg-muted">{r.text}</p>
              </div>
              <ReorderButtons idPrefix="response" index={index} count={responses.length} onMove={move} upLabel={t("campaigns.responses.up", { title: r.title })} downLabel={t("campaigns.responses.down", { title: r.title })} />
              <Button
                size="sm"
                variant="ghost"
                aria-label={t("campaigns.responses.editNamed", { title: r.title })}
                onClick={() => {
                  setEditing(r);
                  setOpen(true);
                }}
              >
                {t("common.edit")}
              </Button>
              <ConfirmDialog
                title={t("campaigns.responses.confirmDelete", { title: r.title })}
                message={t("campaigns.confirmDeleteText")}
                confirmLabel={t("common.delete")}
                trigger={
                  <Button size="sm" variant="ghost" aria-label={t("campaigns.responses.deleteNamed", { title: r.title })}>
                    {t("common.delete")}
                  </Button>
                }
                onConfirm={async () => {
                  const ok = report(await deleteResponseAction({ campaignId, id: r.id }), { success: "campaigns.deleted" });
                  if (ok) router.refresh();
                  return ok;
                }}
              />
            </li>
          ))}
        </ol>
      )}
      {/* Mounted per opening so that "Add" always starts from an empty form. */}
      {open ? <ResponseDialog key={editing?.id ?? "new"} campaignId={campaignId} response={editing} onOpenChange={setOpen} /> : null}
    </section>
  );
}
