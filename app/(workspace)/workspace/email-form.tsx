"use client";

import { useEffect, useId, useRef, useState, useTransition } from "react";
import { useT } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/translate";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { useToast } from "@/components/ui/toast";
import { listTemplatesAction, sendTemplateEmailAction } from "./reply-actions";

/** An email from one of the campaign's templates, sent through the outbox (its state shows in the box's sends). */
export function EmailForm({ conversationId, onQueued }: { conversationId: number; onQueued: () => void }) {
  const t = useT();
  const id = useId();
  const { toast } = useToast();
  const [templates, setTemplates] = useState<{ id: number; name: string }[] | null>(null);
  const [templateId, setTemplateId] = useState("");
  const [to, setTo] = useState("");
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [pending, start] = useTransition();
  const key = useRef("");

  useEffect(() => {
    let live = true;
    void listTemplatesAction({ conversationId }).then((r) => {
      if (live) setTemplates(r.ok ? r.data : []);
    });
    return () => {
      live = false;
    };
  }, [conversationId]);

  if (!templates || templates.length === 0) return null;

  function submit() {
    key.current ||= crypto.randomUUID();
    start(async () => {
      const result = await sendTemplateEmailAction({
        conversationId,
        templateId: templateId ? Number(templateId) : 0,
        to,
        idempotencyKey: key.current,
      });
      if (!result.ok) {
        setErrors(result.fieldErrors ?? {});
        toast({ title: t(result.error as MessageKey), variant: "error" });
        return;
      }
      key.current = "";
      setErrors({});
      setTo("");
      toast({ title: t("replyBox.emailQueued"), variant: "success" });
      onQueued();
    });
  }

  const error = (field: string) => (errors[field]?.[0] ? t(errors[field][0] as MessageKey) : null);
  return (
    <details className="rounded-card border border-border p-2" data-testid="email-form">
      <summary className="cursor-pointer text-sm font-medium">{t("replyBox.email")}</summary>
      <div className="mt-2 grid gap-2 sm:grid-cols-[1fr_1fr_auto] sm:items-end">
        <div className="space-y-1">
          <label htmlFor={`${id}-template`} className="text-xs font-medium">
            {t("replyBox.emailTemplate")}
          </label>
          <Select
            id={`${id}-template`}
            value={templateId}
            onChange={(e) => setTemplateId(e.target.value)}
            placeholder={t("mail.errors.templateRequired")}
          >
            {templates.map((tpl) => (
              <option key={tpl.id} value={tpl.id}>
                {tpl.name}
              </option>
            ))}
          </Select>
          {error("templateId") ? <p className="text-xs text-danger">{error("templateId")}</p> : null}
        </div>
        <div className="space-y-1">
          <label htmlFor={`${id}-to`} className="text-xs font-medium">
            {t("replyBox.emailTo")}
          </label>
          <Input id={`${id}-to`} type="email" value={to} onChange={(e) => setTo(e.target.value)} autoComplete="off" />
          {error("to") ? <p className="text-xs text-danger">{error("to")}</p> : null}
        </div>
        <Button variant="secondary" onClick={submit} loading={pending}>
          {t("replyBox.emailSend")}
        </Button>
      </div>
    </details>
  );
}
