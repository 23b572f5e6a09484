import Link from "next/link";
import { notFound } from "next/navigation";
import { recipientStatuses, type RecipientStatus } from "@/db/schema/mass-messages";
import { can } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { getFormat, getTranslator } from "@/lib/i18n/server";
import type { MessageKey } from "@/lib/i18n/translate";
import { massMessageProgress, recipientsPage } from "@/lib/mass-message/queries";
import { LiveRefresh } from "@/components/live/live-refresh";
import { Badge } from "@/components/ui/badge";
import { buttonClassName } from "@/components/ui/button-styles";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState, TBody, THead, Table, Td, Th, Tr } from "@/components/ui/table";
import { Pager } from "@/components/admin/list-toolbar";
import { Controls } from "./controls";

const statusBadge = { draft: "neutral", running: "accent", paused: "orange", cancelled: "red", done: "green" } as const;

/**
 * A mass message's live progress (the stream refreshes it for whoever holds the mass-message
 * right) and its report per recipient, paged on the server and filtered by state. Shown by the
 * administrators' campaign tab and by the /mass-message section: `basePath` is this send's page,
 * `backHref` the campaign's mass-message page it came from. The caller checked the permission.
 */
export async function MassMessageProgressView({
  user,
  campaignId,
  id,
  searchParams,
  basePath,
  backHref,
}: {
  user: SessionUser;
  campaignId: number;
  id: number;
  searchParams: Record<string, string | string[] | undefined>;
  basePath: string;
  backHref: string;
}) {
  const { t } = await getTranslator();
  const f = await getFormat();
  const progress = await massMessageProgress(id, campaignId);
  if (!progress) notFound();
  const { mm } = progress;
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const requested = first(searchParams.status);
  const filter = recipientStatuses.includes(requested as RecipientStatus) ? (requested as RecipientStatus) : null;
  const pageParam = Number(first(searchParams.page) ?? 1);
  const list = await recipientsPage(id, filter, Number.isInteger(pageParam) && pageParam > 0 ? Math.min(pageParam, 1_000_000) : 1);
  const post = mm.sendType === "page_post";
  const total = post ? 1 : mm.totalCount;
  const done = post ? mm.sentCount + mm.failedCount : mm.sentCount + mm.failedCount + mm.notSendableCount;
  const percent = total > 0 ? Math.round((done * 100) / total) : 100;
  const base = basePath;
  const reason = (r: string | null) => {
    if (!r) return "";
    return t((r.startsWith("outbox.") || r.startsWith("massMessage.") ? r : `massMessage.reasons.${r}`) as MessageKey);
  };
  const throttled = progress.throttled;

  return (
    <div className="space-y-4">
      <LiveRefresh />
      <PageHeader
        title={`${t("massMessage.title")} #${mm.id} — ${progress.campaignName}`}
        description={t(`massMessage.sendTypes.${mm.sendType}`)}
        actions={
          <>
            <Badge variant={statusBadge[mm.status]} dot data-testid="mass-message-status">
              {t(`massMessage.statuses.${mm.status}`)}
            </Badge>
            <Controls id={mm.id} status={mm.status} />
            <Link href={backHref} className="text-sm underline">
              {t("massMessage.backToCampaign")}
            </Link>
          </>
        }
      />
      <Card>
        <CardHeader>
          <CardTitle>{t("massMessage.progress")}</CardTitle>
        </CardHeader>
        <CardContent className="space-y-3">
          <div
            role="progressbar"
            aria-label={t("massMessage.progress")}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
            aria-valuetext={`${percent} %`}
            className="h-4 overflow-hidden rounded-full bg-surface-muted"
          >
            <div className="h-full bg-accent transition-[width]" style={{ width: `${percent}%` }} />
          </div>
          <p className="text-sm" data-testid="mass-message-progress">
            {percent} % — {t("massMessage.progressLabel", { done, total })}
          </p>
          <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-3 lg:grid-cols-6">
            {[
              ["massMessage.sent", mm.sentCount],
              ["massMessage.failed", mm.failedCount],
              ["massMessage.notSendable", mm.notSendableCount],
              ["massMessage.remaining", progress.remaining],
            ].map(([k, v]) => (
              <div key={k as string}>
                <dt className="text-fg-muted">{t(k as MessageKey)}</dt>
                <dd className="text-lg font-semibold tabular-nums">{f.number(v as number)}</dd>
              </div>
            ))}
            <div>
              <dt className="text-fg-muted">{t("massMessage.rate")}</dt>
              <dd className="tabular-nums">
                {t("massMessage.ratePerSecond", { rate: Math.round(progress.rate), allowed: mm.ratePerSecond })}
              </dd>
            </div>
            <div>
              <dt className="text-fg-muted">{t("massMessage.timeLeft")}</dt>
              <dd>
                {progress.secondsLeft === null ? "—" : t("massMessage.timeLeftValue", { minutes: Math.floor(progress.secondsLeft / 60) })}
              </dd>
            </div>
          </dl>
          {throttled ? <p className="text-sm text-warning">{t("massMessage.throttled", { at: f.time(mm.throttledUntil!) })}</p> : null}
          {mm.status === "paused" && mm.errorReason ? (
            <p role="alert" className="rounded-control border border-warning p-2 text-sm text-warning" data-testid="mass-paused-reason">
              {t("massMessage.pausedBy", { reason: t(mm.errorReason as MessageKey) })}
            </p>
          ) : null}
          {post && mm.postId ? (
            <p className="text-sm">
              {t("massMessage.postId")} : <code>{mm.postId}</code>
            </p>
          ) : null}
          {mm.text ? <p className="whitespace-pre-wrap break-words rounded-control bg-surface-muted p-2 text-sm">{mm.text}</p> : null}
        </CardContent>
      </Card>

      {post ? null : (
        <Card>
          <CardHeader className="flex flex-row flex-wrap items-center justify-between gap-2">
            <CardTitle>{t("massMessage.report")}</CardTitle>
            {can(user, "data.export") ? (
              <a href={`${base}/export`} className={buttonClassName({ variant: "secondary", size: "sm" })}>
                {t("massMessage.exportCsv")}
              </a>
            ) : null}
          </CardHeader>
          <CardContent className="space-y-3">
            <nav aria-label={t("massMessage.status")} className="flex flex-wrap gap-2 text-sm">
              <Link
                href={base}
                aria-current={filter === null ? "page" : undefined}
                className={filter === null ? "font-semibold" : "underline"}
              >
                {t("massMessage.filterAll")}
              </Link>
              {recipientStatuses.map((s) => (
                <Link
                  key={s}
                  href={`${base}?status=${s}`}
                  aria-current={filter === s ? "page" : undefined}
                  className={filter === s ? "font-semibold" : "underline"}
                >
                  {t(`massMessage.recipientStatuses.${s}`)}
                </Link>
              ))}
            </nav>
            {list.rows.length === 0 ? (
              <EmptyState title={t("massMessage.noRecipients")} />
            ) : (
              <Table>
                <THead>
                  <Tr>
                    <Th>{t("massMessage.recipient")}</Th>
                    <Th>{t("massMessage.status")}</Th>
                    <Th>{t("massMessage.reason")}</Th>
                    <Th>{t("massMessage.lastMessage")}</Th>
                    <Th>{t("massMessage.sentAt")}</Th>
                  </Tr>
                </THead>
                <TBody>
                  {list.rows.map((r) => (
                    <Tr key={r.id}>
                      <Td>{r.contactName}</Td>
                      <Td>{t(`massMessage.recipientStatuses.${r.status}`)}</Td>
                      <Td>
                        {reason(r.reason)}
                        {r.errorCode ? <span className="text-fg-muted"> ({r.errorCode})</span> : null}
                      </Td>
                      <Td>{r.lastInboundAt ? f.dateTime(r.lastInboundAt) : "—"}</Td>
                      <Td>{r.sentAt ? f.dateTime(r.sentAt, { style: "dateTimeSeconds" }) : "—"}</Td>
                    </Tr>
                  ))}
                </TBody>
              </Table>
            )}
            {list.total > 0 ? (
              <Pager
                params={{ q: "", dir: "asc", page: list.page, archived: "0" }}
                total={list.total}
                pageCount={list.pageCount}
                query={filter ? { status: filter } : {}}
              />
            ) : null}
          </CardContent>
        </Card>
      )}
    </div>
  );
}
