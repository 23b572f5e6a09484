"use client";

import type { ConversationDetail } from "@/lib/conversations/workspace-queries";
import { useFormat, useLocale, useT } from "@/lib/i18n/client";
import type { ReplyPolicy } from "@/lib/conversations/reply-policy";
import type { MessageKey } from "@/lib/i18n/translate";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { ConversationItem } from "./conversation-list";
import { ReplyBox } from "./reply-box";
import { ScriptPanel } from "./script-panel";
import { PredefinedResponses } from "./predefined-responses";
import { QualifyForm } from "./qualify-form";
import { CallbackForm } from "./callback-form";

const categoryKey: Record<string, MessageKey> = {
  positive: "qualification.categories.positive",
  argued: "qualification.categories.argued",
  not_argued: "qualification.categories.notArgued",
};

/** One conversation: thread, reply, script on the left; author, history, responses, qualification and callback on the right. */
export function ConversationPanel({
  item,
  detail,
  policy,
  personalCallbacks,
}: {
  item: ConversationItem;
  detail: ConversationDetail;
  policy: ReplyPolicy | null;
  personalCallbacks: boolean;
}) {
  const t = useT();
  const locale = useLocale();
  const format = useFormat();
  return (
    <div className="grid items-start gap-4 xl:grid-cols-[minmax(0,1fr)_22rem]" data-testid="conversation" data-conversation={item.id}>
      <div className="min-w-0 space-y-4">
        <Card>
          <CardHeader>
            <CardTitle>
              {t("workspace.conversation")} — {item.authorName} <span className="text-fg-muted">@{item.authorHandle}</span>
            </CardTitle>
            <p className="text-sm text-fg-muted">
              {t("workspace.campaign")}: {item.campaignName} · {t(`desk.channels.${item.channel}` as MessageKey)}
            </p>
          </CardHeader>
          <CardContent className="space-y-4">
            <ol aria-label={t("workspace.thread")} className="max-h-96 space-y-3 overflow-y-auto">
              {detail.thread.map((m) => (
                <li
                  key={m.id}
                  data-testid={m.direction === "in" ? "message-in" : "message-out"}
                  className={m.direction === "in" ? "mr-12 rounded-card bg-surface-muted p-3" : "ml-12 rounded-card bg-accent/10 p-3"}
                >
                  <p className="text-xs text-fg-muted">
                    {m.authorName} · {format.dateTime(m.networkAt ?? m.at, { style: "dateTimeSeconds", timeZone: item.timeZone })}
                    {m.direction === "out" && m.sendState !== "sent"
                      ? ` · ${t(`workspace.sendState.${m.sendState ?? "sending"}` as MessageKey)}`
                      : ""}
                  </p>
                  {/* Network content is untrusted: rendered as text, never as HTML. */}
                  <p className="whitespace-pre-wrap break-words">{m.text}</p>
                </li>
              ))}
            </ol>
            {policy ? <ReplyBox conversationId={item.id} policy={policy} locale={locale} /> : null}
          </CardContent>
        </Card>
        <ScriptPanel
          conversationId={item.id}
          campaignId={item.campaignId}
          customerName={item.authorName}
          timeZone={item.timeZone ?? "Europe/Paris"}
          script={detail.script}
        />
      </div>
      <div className="space-y-4">
        <Card>
          <CardHeader>
            <CardTitle as="h3">{t("workspace.author")}</CardTitle>
          </CardHeader>
          <CardContent>
            <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1 text-sm" data-testid="author">
              <dt className="text-fg-muted">{t("desk.authorName")}</dt>
              <dd className="truncate">{item.authorName}</dd>
              <dt className="text-fg-muted">{t("desk.handle")}</dt>
              <dd className="truncate">@{item.authorHandle}</dd>
              <dt className="text-fg-muted">{t("desk.language")}</dt>
              <dd>{item.language ?? t("desk.unknown")}</dd>
              <dt className="text-fg-muted">{t("desk.followers")}</dt>
              <dd>{item.followers === null ? t("desk.unknown") : format.number(item.followers)}</dd>
            </dl>
            <h4 className="mt-4 text-sm font-semibold">{t("desk.history")}</h4>
            {detail.history.length === 0 ? (
              <p className="text-sm text-fg-muted">{t("desk.noHistory")}</p>
            ) : (
              <ul className="mt-1 space-y-1 text-sm" data-testid="history">
                {detail.history.map((h) => (
                  <li key={h.id} className="flex justify-between gap-2">
                    <span className="text-fg-muted">{format.date(h.createdAt, { timeZone: item.timeZone })}</span>
                    <span className="truncate text-right">
                      {h.qualificationLabel
                        ? `${h.qualificationLabel}${h.qualificationSubLabel ? ` — ${h.qualificationSubLabel}` : ""}${h.qualificationCategory ? ` (${t(categoryKey[h.qualificationCategory])})` : ""}`
                        : t(`desk.status.${h.status}` as MessageKey)}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </CardContent>
        </Card>
        <PredefinedResponses
          conversationId={item.id}
          language={item.language}
          responses={detail.responses}
          values={detail.responseValues}
        />
        <QualifyForm conversationId={item.id} statuses={detail.statuses} categoryKey={categoryKey} />
        <CallbackForm conversationId={item.id} deadlineMinutes={detail.callbackDeadlineMinutes} personalAllowed={personalCallbacks} />
      </div>
    </div>
  );
}
