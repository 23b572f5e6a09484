"use client";

import { useRouter } from "next/navigation";
import { useForm, useWatch } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { CurrentConversation } from "@/lib/conversations/queries";
import { qualifySchema, type QualifyInput } from "@/lib/conversations/workspace.schema";
import type { ReplyPolicy } from "@/lib/conversations/reply-policy";
import { useFormat, useLocale, useT } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/translate";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { Select } from "@/components/ui/select";
import { useToast } from "@/components/ui/toast";
import { qualifyAction } from "./actions";
import { ReplyBox } from "./reply-box";

const categoryKey = {
  positive: "qualification.categories.positive",
  argued: "qualification.categories.argued",
  not_argued: "qualification.categories.notArgued",
} as const;

/** `timeZone`: the campaign's, in which the thread's times are shown. */
export function ConversationPanel({
  conversation,
  policy,
  timeZone,
}: {
  conversation: CurrentConversation;
  policy: ReplyPolicy;
  timeZone?: string;
}) {
  const t = useT();
  const locale = useLocale();
  const format = useFormat();
  return (
    <div className="grid gap-6 lg:grid-cols-[2fr_1fr]" data-testid="conversation">
      <Card>
        <CardHeader>
          <CardTitle>
            {t("workspace.conversation")} — {conversation.authorName} <span className="text-fg-muted">@{conversation.authorHandle}</span>
          </CardTitle>
          <p className="text-sm text-fg-muted">
            {t("workspace.campaign")}: {conversation.campaignName} · {conversation.network}
          </p>
        </CardHeader>
        <CardContent className="space-y-4">
          <ol aria-label={t("workspace.thread")} className="space-y-3">
            {conversation.thread.map((m) => (
              <li
                key={m.id}
                data-testid={m.direction === "in" ? "message-in" : "message-out"}
                className={m.direction === "in" ? "mr-12 rounded-card bg-surface-muted p-3" : "ml-12 rounded-card bg-accent/10 p-3"}
              >
                <p className="text-xs text-fg-muted">
                  {m.authorName} · {format.dateTime(m.networkAt ?? m.at, { style: "dateTimeSeconds", timeZone })}
                  {m.direction === "out" && m.sendState !== "sent"
                    ? ` · ${t(`workspace.sendState.${m.sendState ?? "sending"}` as MessageKey)}`
                    : ""}
                </p>
                {/* Network content is untrusted: rendered as text, never as HTML. */}
                <p className="whitespace-pre-wrap break-words">{m.text}</p>
              </li>
            ))}
          </ol>
          <ReplyBox conversationId={conversation.id} policy={policy} locale={locale} />
        </CardContent>
      </Card>
      <QualifyForm conversationId={conversation.id} statuses={conversation.statuses} categoryKey={categoryKey} />
    </div>
  );
}

function QualifyForm({
  conversationId,
  statuses,
  categoryKey,
}: {
  conversationId: number;
  statuses: CurrentConversation["statuses"];
  categoryKey: Record<string, MessageKey>;
}) {
  const t = useT();
  const router = useRouter();
  const { toast } = useToast();
  const form = useForm<QualifyInput>({ resolver: zodResolver(qualifySchema), defaultValues: { conversationId } });
  const error = form.formState.errors.statusId?.message;
  const subError = form.formState.errors.subStatusId?.message;
  const statusId = useWatch({ control: form.control, name: "statusId" });
  // Details («sous-statuts») of the chosen status, if it has any.
  const subStatuses = statuses.find((s) => s.id === statusId)?.subStatuses ?? [];

  async function onSubmit(values: QualifyInput) {
    const result = await qualifyAction(values);
    if (!result.ok) {
      if (result.fieldErrors?.subStatusId) form.setError("subStatusId", { type: "server", message: result.fieldErrors.subStatusId[0] });
      toast({ title: t(result.error as MessageKey), variant: "error" });
      return;
    }
    toast({ title: t("workspace.closed"), variant: "success" });
    router.refresh();
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("workspace.qualification")}</CardTitle>
      </CardHeader>
      <CardContent>
        <form onSubmit={form.handleSubmit(onSubmit)} className="space-y-3" noValidate>
          <FormField label={t("workspace.qualification")} htmlFor="qualification" error={error && t(error as MessageKey)} required>
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
              htmlFor="qualification-detail"
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
