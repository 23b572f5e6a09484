import Link from "next/link";
import type { MessageKey, Translate } from "@/lib/i18n/translate";
import type { AgentFilter, AgentPage, CurrentConversation } from "@/lib/supervision/board";
import { BY_SUPERVISOR, NO_ANSWER } from "@/lib/routing/presence";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { buttonClassName } from "@/components/ui/button-styles";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { EmptyState, Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { routingWhy } from "./routing-why";
import { Elapsed } from "./elapsed";
import { AgentActions } from "./agent-actions";
import { ConversationActions } from "./conversation-actions";

const stateKey: Record<string, MessageKey> = { ready: "workspace.ready", paused: "workspace.pause", offline: "workspace.offline" };
const seconds = (at: Date, since: Date | null) => (since ? Math.max(0, (at.getTime() - since.getTime()) / 1000) : null);

/**
 * The agents in scope, a page at a time (5,000 agents stay usable): search, state and group
 * filters as a plain GET form, each agent's state and time in it, his current conversations
 * with their age and why routing gave each to him, and the actions the viewer's rights allow.
 */
export function AgentsTable({
  t,
  at,
  page,
  current,
  groups,
  filter,
  hiddenParams,
  pageHref,
  can,
}: {
  t: Translate;
  locale: string;
  at: Date;
  page: AgentPage;
  current: Map<number, CurrentConversation[]>;
  groups: { id: number; name: string }[];
  filter: AgentFilter;
  hiddenParams: Record<string, string>;
  pageHref: (page: number) => string;
  can: { agentState: boolean; takeBack: boolean; reassign: boolean };
}) {
  const pages = Math.max(1, Math.ceil(page.total / page.pageSize));
  return (
    <section aria-labelledby="agents-title" className="space-y-2">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <h2 id="agents-title" className="font-semibold">
          {t("wallboard.agents.title")}
        </h2>
        <form className="flex flex-wrap gap-2" role="search" action="/supervision" data-testid="agent-filters">
          {Object.entries(hiddenParams).map(([k, v]) => (
            <input key={k} type="hidden" name={k} value={v} />
          ))}
          <div className="w-72">
            <Input
              name="q"
              defaultValue={filter.search}
              placeholder={t("wallboard.agents.search")}
              aria-label={t("wallboard.agents.search")}
            />
          </div>
          <div className="w-44">
            <Select name="state" defaultValue={filter.state ?? ""} aria-label={t("wallboard.agents.state")}>
              <option value="">{t("wallboard.agents.allStates")}</option>
              {(["ready", "paused", "offline"] as const).map((s) => (
                <option key={s} value={s}>
                  {t(stateKey[s])} ({page.byState[s]})
                </option>
              ))}
            </Select>
          </div>
          {groups.length > 1 ? (
            <div className="w-48">
              <Select name="group" defaultValue={filter.groupId ? String(filter.groupId) : ""} aria-label={t("wallboard.agents.allGroups")}>
                <option value="">{t("wallboard.agents.allGroups")}</option>
                {groups.map((g) => (
                  <option key={g.id} value={g.id}>
                    {g.name}
                  </option>
                ))}
              </Select>
            </div>
          ) : null}
          <Button type="submit" variant="secondary">
            {t("wallboard.agents.filter")}
          </Button>
        </form>
      </div>
      {page.agents.length === 0 ? (
        <EmptyState title={t("wallboard.agents.none")} />
      ) : (
        <Table>
          <THead>
            <Tr>
              <Th>{t("wallboard.agents.agent")}</Th>
              <Th>{t("wallboard.agents.state")}</Th>
              <Th>{t("wallboard.agents.current")}</Th>
              <Th className="text-right">{t("wallboard.agents.handledToday")}</Th>
              {can.agentState ? <Th>{t("wallboard.agents.actions")}</Th> : null}
            </Tr>
          </THead>
          <TBody>
            {page.agents.map((a) => {
              const list = current.get(a.id) ?? [];
              return (
                <Tr key={a.id} data-testid={`agent-row-${a.login}`}>
                  <Td>
                    <div className="font-medium whitespace-nowrap">{a.name}</div>
                    <div className="text-xs text-fg-muted">{a.login}</div>
                  </Td>
                  <Td>
                    <Badge
                      dot
                      variant={a.state === "ready" ? "green" : a.state === "paused" ? "orange" : "neutral"}
                      data-testid="agent-state"
                    >
                      {t(stateKey[a.state] ?? "workspace.offline")}
                    </Badge>
                    <div className="mt-1 text-xs text-fg-muted">
                      {a.since ? (
                        <Elapsed seconds={seconds(at, a.since)} template={t("wallboard.agents.since", { duration: "{duration}" })} />
                      ) : null}
                      {a.state === "paused" && a.pauseReason === BY_SUPERVISOR ? (
                        <div>{t("wallboard.agents.pausedBySupervisor")}</div>
                      ) : null}
                      {a.state === "paused" && a.pauseReason === NO_ANSWER ? <div>{t("wallboard.agents.pausedNoAnswer")}</div> : null}
                    </div>
                  </Td>
                  <Td>
                    {list.length === 0 ? (
                      <span className="text-fg-muted">{t("routing.noCurrent")}</span>
                    ) : (
                      <ul className="space-y-2" data-testid="routing-why">
                        {list.map((c) => (
                          <li key={c.conversationId} className="text-sm" data-testid={`current-${c.authorHandle}`}>
                            <div className="flex flex-wrap items-center gap-x-2">
                              <span className="font-medium">@{c.authorHandle}</span>
                              <Badge variant={c.state === "offered" ? "accent" : "green"}>
                                {t(c.state === "offered" ? "routing.offered" : "routing.accepted")}
                              </Badge>
                              <span className="text-xs text-fg-muted">{c.campaignName}</span>
                              <span className="text-xs text-fg-muted">
                                ·{" "}
                                <Elapsed
                                  seconds={seconds(at, c.createdAt)}
                                  template={t("wallboard.agents.age", { duration: "{duration}" })}
                                />
                              </span>
                              <ConversationActions
                                conversationId={c.conversationId}
                                author={c.authorHandle}
                                canTakeBack={can.takeBack}
                                canReassign={can.reassign}
                              />
                            </div>
                            <div className="text-xs text-fg-muted">{routingWhy(t, c)}</div>
                          </li>
                        ))}
                      </ul>
                    )}
                  </Td>
                  <Td className="text-right text-lg font-semibold tabular-nums" data-testid="handled-today">
                    {a.handledToday}
                  </Td>
                  {can.agentState ? (
                    <Td>
                      <AgentActions agentId={a.id} label={a.login} state={a.state} />
                    </Td>
                  ) : null}
                </Tr>
              );
            })}
          </TBody>
        </Table>
      )}
      <nav className="flex items-center justify-between gap-2 text-sm" aria-label={t("wallboard.agents.title")}>
        <span className="text-fg-muted">{t("wallboard.agents.page", { page: page.page, pages, total: page.total })}</span>
        <span className="flex gap-2">
          {page.page > 1 ? (
            <Link href={pageHref(page.page - 1)} className={buttonClassName({ variant: "secondary", size: "sm" })}>
              {t("wallboard.agents.previous")}
            </Link>
          ) : null}
          {page.page < pages ? (
            <Link href={pageHref(page.page + 1)} className={buttonClassName({ variant: "secondary", size: "sm" })}>
              {t("wallboard.agents.next")}
            </Link>
          ) : null}
        </span>
      </nav>
    </section>
  );
}
