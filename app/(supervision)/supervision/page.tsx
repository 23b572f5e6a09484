import { requirePage } from "@/lib/auth/session";
import { agentBoard, currentAssignments } from "@/lib/supervision/queries";
import { listCampaigns } from "@/lib/campaigns/queries";
import { getTranslator } from "@/lib/i18n/server";
import type { MessageKey } from "@/lib/i18n/translate";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";
import { EmptyState, Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { LiveRefresh } from "@/components/live/live-refresh";
import { CurrentConversations } from "./routing-why";
import { overdueCallbacks } from "@/lib/conversations/callbacks";

const stateKey: Record<string, MessageKey> = { ready: "workspace.ready", paused: "workspace.pause", offline: "workspace.offline" };

export default async function SupervisionPage() {
  const viewer = await requirePage("supervision.view");
  const { t } = await getTranslator();
  const [{ scope, agents }, campaigns, overdue] = await Promise.all([agentBoard(viewer), listCampaigns(), overdueCallbacks()]);
  const current = await currentAssignments(agents.map((a) => a.id));
  return (
    <div className="space-y-6">
      <LiveRefresh />
      <PageHeader
        title={t("supervision.title")}
        description={t("supervision.description")}
        actions={
          overdue.length > 0 ? (
            <Badge
              variant="red"
              data-testid="overdue-callbacks"
              title={overdue.map((o) => `${o.campaignName} · @${o.authorHandle} · ${o.agentName}`).join("\n")}
            >
              {t("desk.callback.overdue", { count: overdue.length })}
            </Badge>
          ) : null
        }
      />
      <div className="grid gap-6 xl:grid-cols-[3fr_2fr]">
        <section className="space-y-2">
          <h2 className="font-semibold">{t("supervision.agents")}</h2>
          {scope.kind === "groups" && scope.groups.length > 0 ? (
            <p className="text-sm text-fg-muted">{t("hr.board.scope", { groups: scope.groups.join(", ") })}</p>
          ) : null}
          {scope.kind === "groups" && scope.groups.length === 0 ? (
            <EmptyState title={t("hr.board.noGroupTitle")} description={t("hr.board.noGroupText")} />
          ) : agents.length === 0 ? (
            <EmptyState title={t("hr.board.noAgents")} />
          ) : (
            <Table>
              <THead>
                <Tr>
                  <Th>{t("supervision.agent")}</Th>
                  <Th>{t("workspace.status")}</Th>
                  <Th>{t("routing.current")}</Th>
                  <Th>{t("supervision.closedToday")}</Th>
                </Tr>
              </THead>
              <TBody>
                {agents.map((a) => (
                  <Tr key={a.id} data-testid={`agent-row-${a.login}`}>
                    <Td>
                      {a.name} <span className="text-fg-muted">({a.login})</span>
                    </Td>
                    <Td>
                      <Badge dot variant={a.state === "ready" ? "green" : a.state === "paused" ? "orange" : "neutral"}>
                        {t(stateKey[a.state] ?? "workspace.offline")}
                      </Badge>
                    </Td>
                    <Td>
                      <CurrentConversations t={t} list={current.get(a.id) ?? []} />
                    </Td>
                    <Td>{a.closedToday}</Td>
                  </Tr>
                ))}
              </TBody>
            </Table>
          )}
        </section>
        <section className="space-y-2">
          <h2 className="font-semibold">{t("supervision.queues")}</h2>
          <Table>
            <THead>
              <Tr>
                <Th>{t("admin.campaignName")}</Th>
                <Th>{t("admin.queue")}</Th>
                <Th>{t("admin.waiting")}</Th>
                <Th>{t("admin.open")}</Th>
              </Tr>
            </THead>
            <TBody>
              {campaigns.map((c) => (
                <Tr key={c.id}>
                  <Td>{c.name}</Td>
                  <Td>{c.queueCode ?? "—"}</Td>
                  <Td>{c.waiting}</Td>
                  <Td>{c.open}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        </section>
      </div>
    </div>
  );
}
