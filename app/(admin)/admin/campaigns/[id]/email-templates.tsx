"use client";

import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { emailTemplateSchema, type EmailTemplateInput } from "@/lib/campaigns/campaign.schema";
import { useT } from "@/lib/i18n/client";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { ItemFormDialog, OrderedItemsEditor } from "@/components/admin/ordered-items-editor";
import { deleteEmailTemplateAction, saveEmailTemplateAction } from "../actions";

export type TemplateRow = { id: number; name: string; subject: string; body: string; updatedAt: Date };

function TemplateDialog({
  campaignId,
  template,
  onOpenChange,
}: {
  campaignId: number;
  template: TemplateRow | null;
  onOpenChange: (open: boolean) => void;
}) {
  const t = useT();
  const form = useForm<EmailTemplateInput>({
    resolver: zodResolver(emailTemplateSchema),
    defaultValues: {
      campaignId,
      id: template?.id,
      name: template?.name ?? "",
      subject: template?.subject ?? "",
      body: template?.body ?? "",
      version: template?.updatedAt.toISOString(),
    },
  });
  return (
    <ItemFormDialog
      title={t(template ? "campaigns.templates.editTitle" : "campaigns.templates.addTitle")}
      form={form}
      save={saveEmailTemplateAction}
      onOpenChange={onOpenChange}
      className="max-w-2xl"
    >
      {(error) => (
        <>
          <FormField label={t("campaigns.templates.name")} htmlFor="template-name" error={error("name")} required>
            <Input autoComplete="off" {...form.register("name")} />
          </FormField>
          <FormField
            label={t("campaigns.templates.subject")}
            htmlFor="template-subject"
            error={error("subject")}
            hint={t("campaigns.variablesHint")}
            required
          >
            <Input autoComplete="off" {...form.register("subject")} />
          </FormField>
          <FormField
            label={t("campaigns.templates.body")}
            htmlFor="template-body"
            error={error("body")}
            hint={t("campaigns.variablesHint")}
            required
          >
            <Textarea rows={8} {...form.register("body")} />
          </FormField>
        </>
      )}
    </ItemFormDialog>
  );
}

/** Side action «modèle pour les emails». */
export function EmailTemplates({ campaignId, templates }: { campaignId: number; templates: TemplateRow[] }) {
  const t = useT();
  return (
    <OrderedItemsEditor
      id="templates"
      title={t("campaigns.templates.title")}
      addLabel={t("campaigns.templates.add")}
      emptyText={t("campaigns.templates.empty")}
      items={templates}
      renderItem={(tpl) => (
        <>
          <p className="text-sm font-medium">{tpl.name}</p>
          <p className="truncate text-sm text-fg-muted">{tpl.subject}</p>
        </>
      )}
      labels={(tpl) => ({
        edit: t("campaigns.templates.editNamed", { name: tpl.name }),
        delete: t("campaigns.templates.deleteNamed", { name: tpl.name }),
        confirmDelete: t("campaigns.templates.confirmDelete", { name: tpl.name }),
      })}
      deleteMessage={t("campaigns.confirmDeleteText")}
      remove={(tpl) => deleteEmailTemplateAction({ campaignId, id: tpl.id })}
      dialog={(tpl, onOpenChange) => <TemplateDialog campaignId={campaignId} template={tpl} onOpenChange={onOpenChange} />}
    />
  );
}
