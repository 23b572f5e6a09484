"use client";

import { useEffect, useMemo, useState } from "react";
import { useRouter } from "next/navigation";
import { useT } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/translate";
import type { ActionResult } from "@/lib/auth/action";
import type { RecipientCount } from "@/lib/mass-message/criteria";
import type { Preview } from "@/lib/mass-message/mutations";
import { MAX_BUTTONS, MAX_TEXT, type ComposeInput } from "@/lib/mass-message/mass-message.schema";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { useActionFeedback } from "@/components/admin/use-action-feedback";
import { countRecipientsAction, previewMassMessageAction, startMassMessageAction } from "@/app/actions/mass-message";
import { MessengerPreview } from "./messenger-preview";

type Card = { imageUrl: string; title: string; subtitle: string; buttons: { title: string; url: string }[] };
const categories = ["positive", "argued", "not_argued"] as const;

/** The composer of a campaign's mass message; `basePath` is where its sends' progress pages live (`<basePath>/<id>`). */
export function Composer({
  campaignId,
  basePath,
  pageName,
  columns,
  statuses,
}: {
  campaignId: number;
  basePath: string;
  pageName: string;
  columns: string[];
  statuses: { id: number; label: string }[];
}) {
  const t = useT();
  const router = useRouter();
  const report = useActionFeedback();
  const [sendType, setSendType] = useState<"messenger" | "page_post">("messenger");
  const [text, setText] = useState("");
  const [card, setCard] = useState<Card | null>(null);
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [languages, setLanguages] = useState("");
  const [category, setCategory] = useState("");
  const [statusId, setStatusId] = useState("");
  const [column, setColumn] = useState("");
  const [value, setValue] = useState("");
  const [count, setCount] = useState<RecipientCount | null>(null);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [preview, setPreview] = useState<Preview | null>(null);
  const [contactId, setContactId] = useState<string | undefined>(undefined);

  const input: ComposeInput = useMemo(
    () => ({
      campaignId,
      sendType,
      text,
      template: sendType === "messenger" && card ? card : null,
      criteria: {
        ...(from ? { lastMessageFrom: new Date(`${from}T00:00:00`).toISOString() } : {}),
        ...(to ? { lastMessageTo: new Date(`${to}T00:00:00`).toISOString() } : {}),
        ...(languages.trim()
          ? {
              languages: languages
                .split(",")
                .map((l) => l.trim().toLowerCase())
                .filter(Boolean),
            }
          : {}),
        ...(category ? { qualificationCategories: [category as (typeof categories)[number]] } : {}),
        ...(statusId ? { qualificationStatusIds: [Number(statusId)] } : {}),
        ...(column ? { fields: [{ column, value }] } : {}),
      },
    }),
    [campaignId, sendType, text, card, from, to, languages, category, statusId, column, value],
  );

  const showErrors = (result: ActionResult<unknown>) => setErrors(result.ok ? {} : (result.fieldErrors ?? {}));

  // The count follows the criteria, and is read again every 10 s: people write in, windows close.
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setTick((n) => n + 1), 10_000);
    return () => clearInterval(timer);
  }, []);
  useEffect(() => {
    if (sendType !== "messenger") return;
    const timer = setTimeout(async () => {
      const result = await countRecipientsAction({ ...input, text: input.text || " " });
      if (result.ok) setCount(result.data);
    }, 300);
    return () => clearTimeout(timer);
  }, [input, sendType, tick]);

  async function showPreview(id?: string) {
    const result = await previewMassMessageAction({ ...input, contactId: id });
    showErrors(result);
    if (report(result)) {
      setPreview(result.data);
      setContactId(result.data.contactId ?? undefined);
    }
  }

  const err = (path: string) => {
    const m = errors[path]?.[0];
    return m ? t(m as MessageKey) : undefined;
  };
  const setButton = (i: number, patch: Partial<Card["buttons"][number]>) =>
    setCard((c) => (c ? { ...c, buttons: c.buttons.map((b, j) => (j === i ? { ...b, ...patch } : b)) } : c));
  const notSendable = count ? count.total - count.sendable : 0;

  return (
    <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_22rem]">
      <div className="space-y-6">
        <Card>
          <CardHeader>
            <CardTitle>{t("massMessage.title")}</CardTitle>
          </CardHeader>
          <CardContent className="space-y-4">
            <FormField label={t("massMessage.sendType")} htmlFor="mm-type">
              <Select id="mm-type" value={sendType} onChange={(e) => setSendType(e.target.value as typeof sendType)}>
                <option value="messenger">{t("massMessage.sendTypes.messenger")}</option>
                <option value="page_post">{t("massMessage.sendTypes.page_post")}</option>
              </Select>
            </FormField>
            <FormField
              label={t("massMessage.text")}
              htmlFor="mm-text"
              hint={`${t("massMessage.textHint")} ${t("massMessage.chars", { count: [...text].length, max: MAX_TEXT })}`}
              error={err("text")}
            >
              <Textarea id="mm-text" rows={5} value={text} onChange={(e) => setText(e.target.value)} />
            </FormField>
            {sendType === "messenger" ? (
              <fieldset className="space-y-3 rounded-control border border-border p-3">
                <legend className="px-1 text-sm font-medium">{t("massMessage.linksLogos")}</legend>
                {card ? (
                  <>
                    <FormField label={t("massMessage.imageUrl")} htmlFor="mm-image" error={err("template.imageUrl")}>
                      <Input id="mm-image" value={card.imageUrl} onChange={(e) => setCard({ ...card, imageUrl: e.target.value })} />
                    </FormField>
                    <FormField label={t("massMessage.cardTitle")} htmlFor="mm-title" error={err("template.title")} required>
                      <Input id="mm-title" value={card.title} onChange={(e) => setCard({ ...card, title: e.target.value })} />
                    </FormField>
                    <FormField label={t("massMessage.cardSubtitle")} htmlFor="mm-subtitle" error={err("template.subtitle")}>
                      <Input id="mm-subtitle" value={card.subtitle} onChange={(e) => setCard({ ...card, subtitle: e.target.value })} />
                    </FormField>
                    <p className="text-sm font-medium">{t("massMessage.buttons")}</p>
                    {card.buttons.map((b, i) => (
                      <div key={i} className="grid gap-2 sm:grid-cols-[1fr_2fr_auto] sm:items-end">
                        <FormField label={t("massMessage.buttonTitle")} htmlFor={`mm-bt-${i}`} error={err(`template.buttons.${i}.title`)}>
                          <Input id={`mm-bt-${i}`} value={b.title} onChange={(e) => setButton(i, { title: e.target.value })} />
                        </FormField>
                        <FormField label={t("massMessage.buttonUrl")} htmlFor={`mm-bu-${i}`} error={err(`template.buttons.${i}.url`)}>
                          <Input id={`mm-bu-${i}`} value={b.url} onChange={(e) => setButton(i, { url: e.target.value })} />
                        </FormField>
                        <Button
                          type="button"
                          variant="ghost"
                          size="sm"
                          onClick={() => setCard({ ...card, buttons: card.buttons.filter((_, j) => j !== i) })}
                        >
                          {t("massMessage.removeButton")}
                        </Button>
                      </div>
                    ))}
                    <div className="flex flex-wrap gap-2">
                      <Button
                        type="button"
                        variant="secondary"
                        size="sm"
                        disabled={card.buttons.length >= MAX_BUTTONS}
                        onClick={() => setCard({ ...card, buttons: [...card.buttons, { title: "", url: "https://" }] })}
                      >
                        {t("massMessage.addButton")}
                      </Button>
                      <Button type="button" variant="ghost" size="sm" onClick={() => setCard(null)}>
                        {t("massMessage.removeCard")}
                      </Button>
                    </div>
                  </>
                ) : (
                  <Button
                    type="button"
                    variant="secondary"
                    size="sm"
                    onClick={() => setCard({ imageUrl: "", title: "", subtitle: "", buttons: [] })}
                  >
                    {t("massMessage.addCard")}
                  </Button>
                )}
              </fieldset>
            ) : null}
          </CardContent>
        </Card>

        {sendType === "messenger" ? (
          <Card>
            <CardHeader>
              <CardTitle>{t("massMessage.criteria")}</CardTitle>
              <p className="text-sm text-fg-muted">{t("massMessage.criteriaHint")}</p>
            </CardHeader>
            <CardContent className="grid gap-4 sm:grid-cols-2">
              <FormField label={t("massMessage.lastMessageFrom")} htmlFor="mm-from">
                <Input id="mm-from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
              </FormField>
              <FormField label={t("massMessage.lastMessageTo")} htmlFor="mm-to">
                <Input id="mm-to" type="date" value={to} onChange={(e) => setTo(e.target.value)} />
              </FormField>
              <FormField label={t("massMessage.languages")} htmlFor="mm-lang" hint={t("massMessage.languagesHint")}>
                <Input id="mm-lang" value={languages} onChange={(e) => setLanguages(e.target.value)} />
              </FormField>
              <FormField label={t("massMessage.qualificationCategories")} htmlFor="mm-cat">
                <Select id="mm-cat" value={category} onChange={(e) => setCategory(e.target.value)}>
                  <option value="">{t("massMessage.filterAll")}</option>
                  {categories.map((c) => (
                    <option key={c} value={c}>
                      {t(`massMessage.categories.${c}`)}
                    </option>
                  ))}
                </Select>
              </FormField>
              <FormField label={t("massMessage.qualificationStatus")} htmlFor="mm-status">
                <Select id="mm-status" value={statusId} onChange={(e) => setStatusId(e.target.value)}>
                  <option value="">{t("massMessage.anyStatus")}</option>
                  {statuses.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.label}
                    </option>
                  ))}
                </Select>
              </FormField>
              <div className="grid gap-4 sm:col-span-2 sm:grid-cols-2">
                <FormField label={t("massMessage.field")} htmlFor="mm-field">
                  <Select id="mm-field" value={column} onChange={(e) => setColumn(e.target.value)}>
                    <option value="">{t("massMessage.noField")}</option>
                    {columns.map((c) => (
                      <option key={c} value={c}>
                        {c}
                      </option>
                    ))}
                  </Select>
                </FormField>
                <FormField label={t("massMessage.fieldValue")} htmlFor="mm-value">
                  <Input id="mm-value" value={value} disabled={!column} onChange={(e) => setValue(e.target.value)} />
                </FormField>
              </div>
            </CardContent>
          </Card>
        ) : null}
      </div>

      <aside className="space-y-4">
        {sendType === "messenger" ? (
          <Card>
            <CardContent className="space-y-2 pt-4" aria-live="polite" data-testid="recipient-count">
              <p className="text-lg font-semibold">{count ? t("massMessage.count", { total: count.total }) : t("common.loading")}</p>
              {count ? (
                <>
                  <p className="text-success">{t("massMessage.sendable", { count: count.sendable })}</p>
                  <p className="text-fg-muted">{t("massMessage.notSendableTotal", { count: notSendable })}</p>
                  <ul className="ml-4 list-disc text-sm text-fg-muted">
                    {(["window_closed", "no_thread", "opted_out"] as const)
                      .filter((r) => count.notSendable[r] > 0)
                      .map((r) => (
                        <li key={r}>
                          {t(`massMessage.reasons.${r}`)} : {count.notSendable[r]}
                        </li>
                      ))}
                  </ul>
                </>
              ) : null}
            </CardContent>
          </Card>
        ) : null}
        <div className="flex flex-wrap gap-2">
          <Button type="button" variant="secondary" onClick={() => showPreview(contactId)}>
            {t("massMessage.preview")}
          </Button>
          <ConfirmDialog
            variant="primary"
            title={t("massMessage.confirmSendTitle")}
            message={
              sendType === "messenger" ? t("massMessage.confirmSend", { count: count?.sendable ?? 0 }) : t("massMessage.confirmPost")
            }
            confirmLabel={t("massMessage.send")}
            trigger={<Button type="button">{t("massMessage.send")}</Button>}
            onConfirm={async () => {
              const result = await startMassMessageAction(input);
              showErrors(result);
              if (!report(result, { success: "massMessage.started" })) return false;
              router.push(`${basePath}/${result.data.id}`);
            }}
          />
        </div>
        {preview ? (
          <section aria-label={t("massMessage.preview")} className="space-y-2">
            {sendType === "messenger" && preview.contacts.length > 0 ? (
              <FormField label={t("massMessage.previewFor")} htmlFor="mm-preview-for">
                <Select id="mm-preview-for" value={contactId ?? ""} onChange={(e) => showPreview(e.target.value)}>
                  {preview.contacts.map((c) => (
                    <option key={c.contactId} value={c.contactId}>
                      {c.name}
                      {c.sendable ? "" : ` (${t("massMessage.recipientStatuses.not_sendable")})`}
                    </option>
                  ))}
                </Select>
              </FormField>
            ) : null}
            {sendType === "messenger" && !preview.name ? (
              <p className="text-sm text-fg-muted">{t("massMessage.previewEmpty")}</p>
            ) : (
              <MessengerPreview
                pageName={pageName}
                recipient={sendType === "messenger" ? preview.name : null}
                text={preview.text}
                template={sendType === "messenger" ? preview.template : null}
                post={sendType === "page_post"}
              />
            )}
            {sendType === "messenger" && preview.name && !preview.sendable ? (
              <p className="text-sm text-warning">{t("massMessage.previewNotSendable")}</p>
            ) : null}
          </section>
        ) : null}
      </aside>
    </div>
  );
}
