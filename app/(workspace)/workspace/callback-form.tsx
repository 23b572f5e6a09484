"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useT } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/translate";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Checkbox } from "@/components/ui/checkbox";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";
import { scheduleCallbackAction } from "./actions";

/** `YYYY-MM-DDTHH:MM:SS` in the browser's zone, as <input type="datetime-local"> wants it. */
function localInput(d: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

/** «Rappel»: a time before the campaign's callback deadline; personal (back to me) when the profile allows it. */
export function CallbackForm({
  conversationId,
  deadlineMinutes,
  personalAllowed,
}: {
  conversationId: number;
  deadlineMinutes: number;
  personalAllowed: boolean;
}) {
  const t = useT();
  const router = useRouter();
  const { toast } = useToast();
  const [when, setWhen] = useState(() => localInput(new Date(Date.now() + 60 * 60_000)));
  const [personal, setPersonal] = useState(personalAllowed);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const id = `callback-at-${conversationId}`;

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const due = new Date(when);
    if (Number.isNaN(due.getTime())) {
      setError(t("desk.callback.errors.dueAt"));
      return;
    }
    setPending(true);
    const result = await scheduleCallbackAction({ conversationId, dueAt: due.toISOString(), personal: personal && personalAllowed });
    setPending(false);
    if (!result.ok) {
      const key = (result.fieldErrors?.dueAt?.[0] ?? result.error) as MessageKey;
      setError(t(key, result.params));
      return;
    }
    setError(null);
    toast({ title: t("desk.callback.scheduled"), variant: "success" });
    router.refresh();
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle as="h3">{t("desk.callback.title")}</CardTitle>
      </CardHeader>
      <CardContent>
        <form onSubmit={submit} className="space-y-3" noValidate data-testid="callback-form">
          <FormField
            label={t("desk.callback.when")}
            htmlFor={id}
            error={error ?? undefined}
            hint={t("desk.callback.deadline", { minutes: deadlineMinutes })}
            required
          >
            <Input type="datetime-local" step={1} value={when} onChange={(e) => setWhen(e.target.value)} />
          </FormField>
          <Checkbox
            label={personalAllowed ? t("desk.callback.personal") : t("desk.callback.personalNotAllowed")}
            checked={personal && personalAllowed}
            disabled={!personalAllowed}
            onChange={(e) => setPersonal(e.target.checked)}
          />
          <Button type="submit" variant="secondary" loading={pending}>
            {t("desk.callback.schedule")}
          </Button>
        </form>
      </CardContent>
    </Card>
  );
}
