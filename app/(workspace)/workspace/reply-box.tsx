"use client";

import { useCallback, useEffect, useId, useRef, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import type { ReplyKind, ReplyPolicy } from "@/lib/conversations/reply-policy";
import type { SendView } from "@/lib/outbox/replies";
import type { Locale } from "@/lib/i18n/locales";
import { insertAtCursor, useReplyInsert } from "@/lib/conversations/reply-insert";
import { useFormat, useT } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/translate";
import { Badge, type BadgeVariant } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/textarea";
import { useToast } from "@/components/ui/toast";
import { listSendsAction, retrySendAction, sendAnswerAction } from "./reply-actions";
import { EmailForm } from "./email-form";

const stateVariant: Record<SendView["state"], BadgeVariant> = {
  queued: "neutral",
  sending: "accent",
  sent: "green",
  failed: "red",
  unknown: "orange",
};

const POLL_MS = 1_500;

/**
 * The answer box of one conversation: which answers the network allows (and why the others are
 * not possible) before the agent types, the character count of the chosen answer, and the state
 * of each send (queued, sending, sent, failed with its reason and a retry, uncertain).
 * Sends go through the outbox: the box queues them with a key generated once per answer.
 */
export function ReplyBox({ conversationId, policy, locale }: { conversationId: number; policy: ReplyPolicy; locale: Locale }) {
  const t = useT();
  const format = useFormat();
  const router = useRouter();
  const { toast } = useToast();
  const id = useId();
  const [kind, setKind] = useState<ReplyKind | null>(policy.preferred);
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [sends, setSends] = useState<SendView[]>([]);
  const [pending, start] = useTransition();
  const key = useRef<string>("");
  const lastStates = useRef<string>("");

  const option = policy.options.find((o) => o.kind === kind) ?? null;
  const count = [...text.trim()].length;
  const over = option ? count - option.maxLength : 0;

  // Predefined responses (and the script) insert their text at the cursor (lib/conversations/reply-insert.ts).
  useReplyInsert(conversationId, (inserted) => {
    const el = document.getElementById(`${id}-text`) as HTMLTextAreaElement | null;
    if (!el) return;
    const { value, caret } = insertAtCursor(el, inserted);
    setText(value);
    requestAnimationFrame(() => {
      el.focus();
      el.setSelectionRange(caret, caret);
    });
  });

  const [tick, setTick] = useState(0);
  const refresh = useCallback(() => setTick((n) => n + 1), []);
  const inFlight = sends.some((s) => s.state === "queued" || s.state === "sending");

  // The sends of this conversation, again every 1.5 s while one is on its way.
  useEffect(() => {
    let live = true;
    const load = () =>
      void listSendsAction({ conversationId }).then((result) => {
        if (!live || !result.ok) return;
        setSends(result.data);
        const states = result.data.map((s) => `${s.id}:${s.state}`).join(",");
        // The thread shows each send's state too: re-render the page when one moved on.
        if (lastStates.current && states !== lastStates.current) router.refresh();
        lastStates.current = states;
      });
    load();
    const timer = inFlight ? setInterval(load, POLL_MS) : null;
    return () => {
      live = false;
      if (timer) clearInterval(timer);
    };
  }, [conversationId, inFlight, tick, router]);

  function submit() {
    if (!kind || !option?.allowed || pending) return;
    if (count === 0) return setError("replyBox.empty");
    if (over > 0) return setError("outbox.reasons.tooLong");
    setError(null);
    // One key per answer: a double click, or the same answer sent again after an error, finds the first row.
    key.current ||= crypto.randomUUID();
    start(async () => {
      const result = await sendAnswerAction({ conversationId, kind, text, requestKey: key.current });
      if (!result.ok) {
        setError(result.fieldErrors?.text?.[0] ?? result.error);
        toast({ title: t(result.error as MessageKey, result.params), variant: "error" });
        return;
      }
      key.current = "";
      setText("");
      toast({ title: t("replyBox.queued"), variant: "success" });
      refresh();
      router.refresh();
    });
  }

  function retry(outboxId: number) {
    start(async () => {
      const result = await retrySendAction({ outboxId });
      if (!result.ok) toast({ title: t(result.error as MessageKey), variant: "error" });
      refresh();
    });
  }

  return (
    <section aria-labelledby={`${id}-title`} className="space-y-3" data-testid="reply-box" lang={locale}>
      <h3 id={`${id}-title`} className="text-sm font-semibold">
        {t("replyBox.title")}
      </h3>
      {policy.listenOnly ? (
        <p
          role="note"
          className="rounded-card border border-warning/30 bg-warning-soft p-3 text-sm text-warning-soft-fg"
          data-testid="listen-only"
        >
          {t("replyPolicy.listenOnly")}
        </p>
      ) : null}
      <fieldset className="space-y-2">
        <legend className="mb-1 text-sm text-fg-muted">{t("replyBox.answerKind")}</legend>
        {policy.options.map((o) => (
          <label
            key={o.kind}
            data-testid={`answer-${o.kind}`}
            data-allowed={o.allowed}
            className={`flex items-start gap-2 rounded-card border p-2 text-sm ${o.allowed ? "border-border" : "border-dashed border-border text-fg-muted"}`}
          >
            <input
              type="radio"
              name={`${id}-kind`}
              value={o.kind}
              checked={kind === o.kind}
              disabled={!o.allowed}
              onChange={() => setKind(o.kind)}
              className="mt-1"
            />
            <span className="space-y-0.5">
              <span className="flex flex-wrap items-center gap-2 font-medium">
                {t(`replyPolicy.kinds.${o.kind}` as MessageKey)}
                <Badge variant={o.allowed ? (o.tag ? "orange" : "green") : "red"}>
                  {o.allowed ? (o.tag ? `${t("replyBox.possible")} · ${o.tag}` : t("replyBox.possible")) : t("replyBox.notPossible")}
                </Badge>
              </span>
              {o.reason ? (
                <span className="block text-xs" data-testid="answer-reason">
                  {t(o.reason as MessageKey)}
                </span>
              ) : null}
              {o.allowed && o.until ? (
                <span className="block text-xs text-fg-muted">
                  {t("replyPolicy.until", { date: format.dateTime(o.until, { style: "dateTime" }) })}
                </span>
              ) : null}
            </span>
          </label>
        ))}
      </fieldset>
      {option?.allowed ? (
        <div className="space-y-1">
          <label htmlFor={`${id}-text`} className="text-sm font-medium">
            {t("replyBox.text")}
          </label>
          <Textarea
            id={`${id}-text`}
            rows={3}
            value={text}
            placeholder={t("replyBox.placeholder")}
            aria-invalid={error ? true : undefined}
            aria-describedby={`${id}-count`}
            onChange={(e) => {
              setText(e.target.value);
              if (error) setError(null);
            }}
            onKeyDown={(e) => {
              if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
                e.preventDefault();
                submit();
              }
            }}
          />
          <div className="flex flex-wrap items-center justify-between gap-2 text-xs">
            <span id={`${id}-count`} className={over > 0 ? "text-danger" : "text-fg-muted"} data-testid="char-count">
              {over > 0 ? t("replyBox.over", { count: over }) : t("replyBox.count", { count, max: option.maxLength })} ·{" "}
              {t("replyBox.shortcut")}
            </span>
            {error ? (
              <span role="alert" className="text-danger">
                {t(error as MessageKey, option ? { max: option.maxLength } : undefined)}
              </span>
            ) : null}
          </div>
          <Button onClick={submit} loading={pending} disabled={over > 0}>
            {t("replyBox.send")}
          </Button>
        </div>
      ) : null}
      <EmailForm conversationId={conversationId} onQueued={refresh} />
      {sends.length > 0 ? (
        <div className="space-y-2">
          <h4 className="text-xs font-semibold uppercase text-fg-muted">{t("replyBox.sends")}</h4>
          <ul className="space-y-2" data-testid="sends">
            {sends.map((s) => (
              <li key={s.id} className="rounded-card border border-border p-2 text-sm" data-testid="send" data-state={s.state}>
                <div className="flex flex-wrap items-center gap-2">
                  <Badge dot variant={stateVariant[s.state]}>
                    {t(`outbox.states.${s.state}` as MessageKey)}
                  </Badge>
                  <span className="text-xs text-fg-muted">
                    {t(`replyPolicy.kinds.${s.kind}` as MessageKey)} ·{" "}
                    {format.dateTime(s.sentAt ?? s.createdAt, { style: "dateTimeSeconds" })}
                  </span>
                </div>
                {/* Agent text and network content are rendered as text, never as HTML. */}
                <p className="mt-1 line-clamp-2 whitespace-pre-wrap break-words">{s.text}</p>
                {s.reason && s.state !== "sent" ? (
                  <p className={`mt-1 text-xs ${s.state === "failed" ? "text-danger" : "text-fg-muted"}`} data-testid="send-reason">
                    {s.state === "queued" ? `${t("outbox.willRetry", { attempts: s.attempts })} — ` : ""}
                    {t(s.reason as MessageKey)}
                    {s.code ? ` (${t("outbox.code", { code: s.code })})` : ""}
                  </p>
                ) : null}
                {s.state === "unknown" ? <p className="mt-1 text-xs text-warning-soft-fg">{t("outbox.unknownHint")}</p> : null}
                {s.state === "failed" ? (
                  <Button size="sm" variant="secondary" className="mt-2" onClick={() => retry(s.id)} disabled={pending}>
                    {t("outbox.retry")}
                  </Button>
                ) : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
