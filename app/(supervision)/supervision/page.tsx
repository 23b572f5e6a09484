import { requirePage } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { boardScope } from "@/lib/supervision/queries";
import { agentPage, boardGroups, currentConversations, overdueCallbacksInScope, queueFigures } from "@/lib/supervision/board";
import { supervisionScope } from "@/lib/supervision/scope";
import { now as clockNow } from "@/lib/clock";
import { getFormat, getTranslator } from "@/lib/i18n/server";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/table";
import { cn } from "@/components/ui/cn";
import { BoardControls } from "./board-controls";
import { AlertsPanel, type BoardAlert } from "./alerts-panel";
import { QueuesTable } from "./queues-table";
import { AgentsTable } from "./agents-table";
import { formatDuration } from "@/lib/supervision/duration";
import type { MessageKey } from "@/lib/i18n/translate";

type Search = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";
const states = ["ready", "paused", "offline"] as const;
const CAMPAIGN_ROWS = 30;

export default async function SupervisionPage({ searchParams }: { searchParams: Promise<Search> }) {
  const viewer = await requirePage("supervision.view");
  const params = await searchParams;
  const { t } = await getTranslator();
  const format = await getFormat();
  const wall = one(params.wall) === "1";
  const contrast = one(params.contrast) === "1";
  const stateParam = one(params.state);
  const filter = {
    search: one(params.q).slice(0, 100),
    state: (states as readonly string[]).includes(stateParam) ? (stateParam as (typeof states)[number]) : ("" as const),
    groupId: Number(one(params.group)) || null,
    page: Math.max(1, Number(one(params.page)) || 1),
    pageSize: wall ? 100 : 50,
  };
  const campaignSearch = one(params.cq).trim().toLowerCase().slice(0, 100);
  const scope = supervisionScope(viewer);
  const at = clockNow();
  const [groupsScope, queues, agents, groups, overdue] = await Promise.all([
    boardScope(viewer),
    queueFigures(scope, at),
    agentPage(scope, filter, at),
    boardGroups(scope),
    overdueCallbacksInScope(scope, at),
  ]);
  const current = await currentConversations(agents.agents.map((a) => a.id));

  const href = (patch: Record<string, string | null>) => {
    const next = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (typeof v === "string" && v) next.set(k, v);
    for (const [k, v] of Object.entries(patch)) {
      if (v === null || v === "") next.delete(k);
      else next.set(k, v);
    }
    const s = next.toString();
    return s ? `/supervision?${s}` : "/supervision";
  };

  const alerts: BoardAlert[] = [
    ...queues
      .filter((q) => q.overThreshold)
      .map((q) => ({
        key: `wait-${q.campaignId}`,
        kind: "waiting" as const,
        text: t("wallboard.alerts.waiting", {
          campaign: q.name,
          duration: formatDuration(q.longestWaitSeconds, format.locale),
          threshold: formatDuration(q.alertSeconds, format.locale),
        }),
      })),
    ...overdue.map((o) => ({
      key: `cb-${o.id}`,
      kind: "callback" as const,
      text: t("wallboard.alerts.callback", {
        author: o.authorHandle,
        campaign: o.campaignName,
        agent: o.agentName,
        time: format.time(o.dueAt),
      }),
    })),
    ...queues.flatMap((q) =>
      q.failingSources.map((s) => ({
        key: `src-${q.campaignId}-${s.kind}`,
        kind: "source" as const,
        text: t("wallboard.alerts.source", {
          campaign: q.name,
          source: t(`ingestion.kinds.${s.kind}` as MessageKey),
          error: s.errorKind ? t(`ingestion.errorKinds.${s.errorKind}` as MessageKey) : "—",
        }),
      })),
    ),
  ];

  const shown = queues
    .filter(
      (q) => !campaignSearch || q.name.toLowerCase().includes(campaignSearch) || (q.queueCode ?? "").toLowerCase().includes(campaignSearch),
    )
    .sort(
      (a, b) =>
        Number(b.overThreshold) - Number(a.overThreshold) ||
        b.waiting - a.waiting ||
        (b.longestWaitSeconds ?? -1) - (a.longestWaitSeconds ?? -1) ||
        b.assigned + b.offered - (a.assigned + a.offered) ||
        a.name.localeCompare(b.name),
    );
  const totals = queues.reduce(
    (acc, q) => ({
      waiting: acc.waiting + q.waiting,
      longest: Math.max(acc.longest, q.longestWaitSeconds ?? 0),
      within: acc.within + q.withinTarget,
      decided: acc.decided + q.withinTarget + q.missedTarget,
    }),
    { waiting: 0, longest: 0, within: 0, decided: 0 },
  );
  const noGroup = !scope.all && groupsScope.kind === "groups" && groupsScope.groups.length === 0;
  const tile = (label: string, value: string, testId: string, tone?: "danger" | "success" | "warning") => (
    <div className="rounded-panel border border-border bg-surface px-4 py-3" data-testid={testId}>
      <div className="text-xs font-medium text-fg-muted uppercase">{label}</div>
      <div
        className={cn(
          "mt-1 text-3xl font-semibold tabular-nums",
          tone === "danger" && "text-danger",
          tone === "success" && "text-success",
          tone === "warning" && "text-warning-soft-fg",
        )}
      >
        {value}
      </div>
    </div>
  );

  return (
    <div
      id="wallboard"
      data-testid="wallboard"
      className={cn(
        "space-y-6 bg-canvas text-fg",
        wall && "fixed inset-0 z-30 overflow-auto p-6 text-base min-[1600px]:[zoom:1.3]",
        contrast && "theme-contrast",
      )}
    >
      <PageHeader
        title={t("wallboard.title")}
        description={
          groupsScope.kind === "groups" && groupsScope.groups.length > 0
            ? t("wallboard.scope", { groups: groupsScope.groups.join(", ") })
            : t("wallboard.description")
        }
        actions={
          <BoardControls
            wall={wall}
            contrast={contrast}
            wallHref={href({ wall: wall ? null : "1" })}
            contrastHref={href({ contrast: contrast ? null : "1" })}
          />
        }
      />
      {noGroup ? (
        <EmptyState title={t("wallboard.noGroupTitle")} description={t("wallboard.noGroupText")} />
      ) : (
        <>
          <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 xl:grid-cols-6">
            {tile(
              t("wallboard.totals.waiting"),
              format.number(totals.waiting),
              "total-waiting",
              totals.waiting > 0 ? "warning" : undefined,
            )}
            {tile(
              t("wallboard.totals.longest"),
              totals.waiting > 0 ? formatDuration(totals.longest, format.locale) : "—",
              "total-longest",
              queues.some((q) => q.overThreshold) ? "danger" : undefined,
            )}
            {tile(
              t("wallboard.totals.serviceLevel"),
              totals.decided === 0 ? "—" : `${Math.round((100 * totals.within) / totals.decided)} %`,
              "total-service-level",
            )}
            {tile(t("wallboard.totals.ready"), format.number(agents.byState.ready), "total-ready", "success")}
            {tile(t("wallboard.totals.paused"), format.number(agents.byState.paused), "total-paused")}
            {tile(t("wallboard.totals.offline"), format.number(agents.byState.offline), "total-offline")}
          </div>
          <AlertsPanel t={t} alerts={alerts} />
          <QueuesTable
            t={t}
            locale={format.locale}
            rows={shown.slice(0, CAMPAIGN_ROWS)}
            hidden={Math.max(0, shown.length - CAMPAIGN_ROWS)}
            search={one(params.cq)}
            hiddenParams={
              Object.fromEntries(Object.entries(params).filter(([k, v]) => k !== "cq" && typeof v === "string")) as Record<string, string>
            }
          />
          <AgentsTable
            t={t}
            locale={format.locale}
            at={at}
            page={agents}
            current={current}
            groups={groups}
            filter={filter}
            hiddenParams={{
              ...(wall ? { wall: "1" } : {}),
              ...(contrast ? { contrast: "1" } : {}),
              ...(one(params.cq) ? { cq: one(params.cq) } : {}),
            }}
            pageHref={(page) => href({ page: String(page) })}
            can={{
              agentState: can(viewer, "supervision.agentState"),
              takeBack: can(viewer, "supervision.takeBack"),
              reassign: can(viewer, "supervision.reassign"),
            }}
          />
        </>
      )}
    </div>
  );
}
