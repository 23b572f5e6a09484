"use client";

import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { predefinedResponseSchema, type PredefinedResponseInput } from "@/lib/campaigns/campaign.schema";
import { useT } from "@/lib/i18n/client";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { ItemFormDialog, OrderedItemsEditor } from "@/components/admin/ordered-items-editor";
import { deleteResponseAction, moveResponseAction, saveResponseAction } from "../actions";

export type ResponseRow = { id: number; title: string; text: string; language: string; updatedAt: Date };

const LANGUAGES = ["fr", "en", "es", "de", "it", "pt", "nl", "ar"] as const;
type Language = (typeof LANGUAGES)[number];

function ResponseDialog({
  campaignId,
  response,
  onOpenChange,
}: {
  campaignId: number;
  response: ResponseRow | null;
  onOpenChange: (open: boolean) => void;
}) {
  const t = useT();
  const form = useForm<PredefinedResponseInput>({
    resolver: zodResolver(predefinedResponseSchema),
    defaultValues: {
      campaignId,
      id: response?.id,
      title: response?.title ?? "",
      text: response?.text ?? "",
      language: response?.language ?? "fr",
      version: response?.updatedAt.toISOString(),
    },
  });
  return (
    <ItemFormDialog
      title={t(response ? "campaigns.responses.editTitle" : "campaigns.responses.addTitle")}
      form={form}
      save={saveResponseAction}
      onOpenChange={onOpenChange}
    >
      {(error) => (
        <>
          <FormField label={t("campaigns.responses.titleLabel")} htmlFor="response-title" error={error("title")} required>
            <Input autoComplete="off" {...form.register("title")} />
          </FormField>
          <FormField
            label={t("campaigns.responses.text")}
            htmlFor="response-text"
            error={error("text")}
            hint={t("campaigns.variablesHint")}
            required
          >
            <Textarea rows={5} {...form.register("text")} />
          </FormField>
          <FormField label={t("campaigns.responses.language")} htmlFor="response-language" error={error("language")}>
            <Select {...form.register("language")}>
              {LANGUAGES.map((l) => (
                <option key={l} value={l}>
                  {t(`campaigns.languages.${l}`)}
                </option>
              ))}
            </Select>
          </FormField>
        </>
      )}
    </ItemFormDialog>
  );
}

/** «Réponses prédéfinies», in the order agents see them. */
export function PredefinedResponses({ campaignId, responses }: { campaignId: number; responses: ResponseRow[] }) {
  const t = useT();
  return (
    <OrderedItemsEditor
      id="responses"
      title={t("campaigns.responses.title")}
      addLabel={t("campaigns.responses.add")}
      emptyText={t("campaigns.responses.empty")}
      items={responses}
      renderItem={(r) => (
        <>
          <p className="text-sm font-medium">
            {r.title} <span className="text-xs text-fg-muted">({t(`campaigns.languages.${r.language as Language}`)})</span>
          </p>
          <p className="line-clamp-2 whitespace-pre-wrap text-sm text-fg-muted">{r.text}</p>
        </>
      )}
      labels={(r) => ({
        edit: t("campaigns.responses.editNamed", { title: r.title }),
        delete: t("campaigns.responses.deleteNamed", { title: r.title }),
        confirmDelete: t("campaigns.responses.confirmDelete", { title: r.title }),
      })}
      deleteMessage={t("campaigns.confirmDeleteText")}
      remove={(r) => deleteResponseAction({ campaignId, id: r.id })}
      reorder={{
        move: (r, direction) => moveResponseAction({ campaignId, id: r.id, direction }),
        upLabel: (r) => t("campaigns.responses.up", { title: r.title }),
        downLabel: (r) => t("campaigns.responses.down", { title: r.title }),
      }}
      dialog={(r, onOpenChange) => <ResponseDialog campaignId={campaignId} response={r} onOpenChange={onOpenChange} />}
    />
  );
}
