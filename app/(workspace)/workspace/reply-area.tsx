"use client";

import { useRouter } from "next/navigation";
import { useForm, useWatch } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { replySchema, type ReplyInput } from "@/lib/conversations/workspace.schema";
import { insertAtCursor, useReplyInsert } from "@/lib/conversations/reply-insert";
import { useT } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/translate";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Textarea } from "@/components/ui/textarea";
import { useToast } from "@/components/ui/toast";
import { sendReplyAction } from "./actions";

/**
 * Where the reply box sits. Today the simple reply form; at merge the outbox branch's ReplyBox
 * (reply-box.tsx) takes its place here and subscribes to `useReplyInsert` the same way.
 */
export function ReplyArea({ conversationId }: { conversationId: number }) {
  const t = useT();
  const router = useRouter();
  const { toast } = useToast();
  const form = useForm<ReplyInput>({
    resolver: zodResolver(replySchema),
    defaultValues: { conversationId, text: "", requestKey: crypto.randomUUID() },
  });
  const text = useWatch({ control: form.control, name: "text" }) ?? "";
  const error = form.formState.errors.text?.message;
  const field = form.register("text");
  const id = `reply-text-${conversationId}`;

  useReplyInsert(conversationId, (inserted) => {
    const el = document.getElementById(id) as HTMLTextAreaElement | null;
    if (!el) return;
    const { value, caret } = insertAtCursor(el, inserted);
    form.setValue("text", value, { shouldDirty: true });
    requestAnimationFrame(() => {
      el.focus();
      el.setSelectionRange(caret, caret);
    });
  });

  async function onSubmit(values: ReplyInput) {
    const result = await sendReplyAction(values);
    if (!result.ok) {
      toast({ title: t(result.error as MessageKey), variant: "error" });
      router.refresh();
      return;
    }
    toast({ title: t("workspace.sent"), variant: "success" });
    form.reset({ conversationId, text: "", requestKey: crypto.randomUUID() });
    router.refresh();
  }

  return (
    <form onSubmit={form.handleSubmit(onSubmit)} className="space-y-2" noValidate data-testid="reply-area">
      <FormField
        label={t("workspace.reply")}
        htmlFor={id}
        error={error && t(error as MessageKey)}
        hint={t("workspace.characterCount", { count: text.length, max: 280 })}
      >
        <Textarea
          id={id}
          rows={3}
          placeholder={t("workspace.replyPlaceholder")}
          {...field}
          onKeyDown={(e) => {
            if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) void form.handleSubmit(onSubmit)();
          }}
        />
      </FormField>
      <Button type="submit" loading={form.formState.isSubmitting}>
        {t("workspace.send")}
      </Button>
    </form>
  );
}
