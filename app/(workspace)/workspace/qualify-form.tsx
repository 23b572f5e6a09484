"use client";

import { useRouter } from "next/navigation";
import { useForm, useWatch } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { ConversationDetail } from "@/lib/conversations/workspace-queries";
import { qualifySchema, type QualifyInput } from "@/lib/conversations/workspace.schema";
import { useT } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/translate";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { Select } from "@/components/ui/select";
import { useToast } from "@/components/ui/toast";
import { qualifyAction } from "./actions";

/** Status and, when the status has details («sous-statuts»), a required detail; closes the conversation. */
export function QualifyForm({
  conversationId,
  statuses,
  categoryKey,
}: {
  conversationId: number;
  statuses: ConversationDetail["statuses"];
  categoryKey: Record<string, MessageKey>;
}) {
  const t = useT();
  const router = useRouter();
  const { toast } = useToast();
  const form = useForm<QualifyInput>({ resolver: zodResolver(qualifySchema), defaultValues: { conversationId } });
  const error = form.formState.errors.statusId?.message;
  const subError = form.formState.errors.subStatusId?.message;
  const statusId = useWatch({ control: form.control, name: "statusId" });
  const subStatuses = statuses.find((s) => s.id === statusId)?.subStatuses ?? [];

  async function onSubmit(values: QualifyInput) {
    const result = await qualifyAction(values);
    if (!result.ok) {
      if (result.fieldErrors?.subStatusId) form.setError("subStatusId", { type: "server", message: result.fieldErrors.subStatusId[0] });
      toast({ title: t(result.error as MessageKey), variant: "error" });
      return;
    }
    toast({
      title: t("workspace.closed"),
      description: t(result.data.state === "ready" ? "desk.backToReady" : "desk.nowPaused"),
      variant: "success",
    });
    router.refresh();
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle as="h3">{t("workspace.qualification")}</CardTitle>
      </CardHeader>
      <CardContent>
        <form onSubmit={form.handleSubmit(onSubmit)} className="space-y-3" noValidate>
          <FormField
            label={t("workspace.qualification")}
            htmlFor={`qualification-${conversationId}`}
            error={error && t(error as MessageKey)}
            required
          >
            <Select
              placeholder={t("workspace.chooseQualification")}
              {...form.register("statusId", { valueAsNumber: true, onChange: () => form.setValue("subStatusId", undefined) })}
            >
              {statuses.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.label} ({t(categoryKey[s.category])})
                </option>
              ))}
            </Select>
          </FormField>
          {subStatuses.length > 0 ? (
            <FormField
              label={t("qualifications.workspace.subStatus")}
              htmlFor={`qualification-detail-${conversationId}`}
              error={subError && t(subError as MessageKey)}
              required
            >
              <Select
                key={statusId}
                placeholder={t("qualifications.workspace.chooseSubStatus")}
                {...form.register("subStatusId", { setValueAs: (v: string) => (v === "" || v === undefined ? undefined : Number(v)) })}
              >
                {subStatuses.map((sub) => (
                  <option key={sub.id} value={sub.id}>
                    {sub.label}
                  </option>
                ))}
              </Select>
            </FormField>
          ) : null}
          <Button type="submit" loading={form.formState.isSubmitting}>
            {t("workspace.qualifyAndClose")}
          </Button>
        </form>
      </CardContent>
    </Card>
  );
}
