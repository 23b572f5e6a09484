import type { Translate } from "@/lib/i18n/translate";
import type { QueueFigures } from "@/lib/supervision/board";
import { formatDuration } from "@/lib/supervision/duration";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { EmptyState, Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { cn } from "@/components/ui/cn";
import { Elapsed } from "./elapsed";

/** One row per campaign in scope: the queue now, then today's service figures against the campaign's target. */
export function QueuesTable({
  t,
  locale,
  rows,
  hidden,
  search,
  hiddenParams,
}: {
  t: Translate;
  locale: string;
  rows: QueueFigures[];
  hidden: number;
  search: string;
  hiddenParams: Record<string, string>;
}) {
  return (
    <section aria-labelledby="queues-title" className="space-y-2">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <h2 id="queues-title" className="font-semibold">
          {t("wallboard.queues.title")}
        </h2>
        <form className="flex gap-2" role="search" action="/supervision">
          {Object.entries(hiddenParams).map(([k, v]) => (
            <input key={k} type="hidden" name={k} value={v} />
          ))}
          <div className="w-64">
            <Input name="cq" defaultValue={search} placeholder={t("wallboard.queues.search")} aria-label={t("wallboard.queues.search")} />
          </div>
          <Button type="submit" variant="secondary">
            {t("wallboard.agents.filter")}
          </Button>
        </form>
      </div>
      {rows.length === 0 ? (
        <EmptyState title={t("wallboard.queues.none")} />
      ) : (
        <Table>
          <THead>
            <Tr>
              <Th>{t("wallboard.queues.campaign")}</Th>
              <Th className="text-right">{t("wallboard.queues.waiting")}</Th>
              <Th className="text-right">{t("wallboard.queues.longest")}</Th>
              <Th className="text-right">{t("wallboard.queues.held")}</Th>
              <Th className="text-right">{t("wallboard.queues.filteredToday")}</Th>
              <Th className="text-right">
                {t("wallboard.queues.offered")} / {t("wallboard.queues.assigned")}
              </Th>
              <Th className="text-right">{t("wallboard.queues.withinTarget")}</Th>
              <Th className="text-right">{t("wallboard.queues.avgFirstResponse")}</Th>
            </Tr>
          </THead>
          <TBody>
            {rows.map((q) => (
              <Tr
                key={q.campaignId}
                data-testid={`queue-row-${q.name}`}
                data-alert={q.overThreshold ? "waiting" : undefined}
                className={cn(q.overThreshold && "bg-danger-soft")}
              >
                <Td>
                  <div className="font-medium whitespace-nowrap">{q.name}</div>
                  <div className="text-xs text-fg-muted">
                    {q.queueCode ?? "—"}
                    {q.state !== "running" ? ` · ${t("wallboard.queues.stopped")}` : ""}
                  </div>
                </Td>
                <Td className="text-right text-lg font-semibold tabular-nums" data-testid="waiting">
                  {q.waiting}
                </Td>
                <Td className={cn("text-right tabular-nums", q.overThreshold && "font-semibold text-danger")} data-testid="longest">
                  {q.waiting > 0 ? <Elapsed seconds={q.longestWaitSeconds} /> : "—"}
                </Td>
                <Td className="text-right tabular-nums" data-testid="held">
                  {q.held}
                </Td>
                <Td className="text-right tabular-nums" data-testid="filtered">
                  {q.filteredToday}
                </Td>
                <Td className="text-right tabular-nums" data-testid="offered-assigned">
                  {q.offered} / {q.assigned}
                </Td>
                <Td className="text-right tabular-nums" data-testid="within-target">
                  {q.serviceLevel === null ? (
                    "—"
                  ) : (
                    <Badge variant={q.serviceLevel >= 0.8 ? "green" : q.serviceLevel >= 0.5 ? "orange" : "red"}>
                      {Math.round(q.serviceLevel * 100)} % ({q.withinTarget}/{q.withinTarget + q.missedTarget})
                    </Badge>
                  )}
                  <div className="text-xs text-fg-muted">{t("wallboard.queues.target", { minutes: Math.round(q.targetSeconds / 60) })}</div>
                </Td>
                <Td className="text-right tabular-nums" data-testid="avg-first-response">
                  {formatDuration(q.avgFirstResponseSeconds, locale)}
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
      {hidden > 0 ? <p className="text-sm text-fg-muted">{t("wallboard.queues.more", { count: hidden })}</p> : null}
    </section>
  );
}
