import { requirePage } from "@/lib/auth/session";
import { NO_ANSWER, presenceOf } from "@/lib/routing/presence";
import { getDb } from "@/db/client";
import { waitingCount } from "@/lib/conversations/queries";
import { agentCapacity, assignedConversations, conversationDetails } from "@/lib/conversations/workspace-queries";
import { getTranslator } from "@/lib/i18n/server";
import { campaignTimeZones } from "@/lib/campaigns/time-zone";
import { policyForConversation, type ReplyPolicy } from "@/lib/conversations/reply-policy";
import { now } from "@/lib/clock";
import { PageHeader } from "@/components/ui/page-header";
import { LiveRefresh } from "@/components/live/live-refresh";
import { PresenceControls } from "./presence-controls";
import { WorkspaceDesk } from "./workspace-desk";

export default async function WorkspacePage() {
  const user = await requirePage("workspace.use");
  const { t } = await getTranslator();
  const db = await getDb();
  const [presence, list, waiting, capacity] = await Promise.all([
    presenceOf(user.id),
    assignedConversations(user.id),
    waitingCount(),
    agentCapacity(db, user.id),
  ]);
  const details = await conversationDetails(
    user.id,
    list.map((c) => c.id),
  );
  const zones = await campaignTimeZones([...new Set(list.map((c) => c.campaign_id))]);
  const state = presence.state;
  const policies: Record<number, ReplyPolicy | null> = Object.fromEntries(
    await Promise.all(list.map(async (c) => [c.id, await policyForConversation(db, c.id, now())] as const)),
  );
  return (
    <div className="space-y-4">
      <LiveRefresh />
      <PageHeader
        title={t("workspace.title")}
        description={`${t("workspace.waitingInQueue", { count: waiting })} · ${t("desk.capacity", { count: list.length, max: capacity.maxConversations })}`}
        actions={<PresenceControls state={state} />}
      />
      {state === "paused" && presence.pauseReason === NO_ANSWER ? (
        <div
          role="status"
          className="rounded-card border border-warning/30 bg-warning-soft p-4 text-warning-soft-fg"
          data-testid="paused-no-answer"
        >
          <p className="font-semibold">{t("routing.pausedNoAnswer.title")}</p>
          <p className="mt-1 text-sm">{t("routing.pausedNoAnswer.text")}</p>
        </div>
      ) : null}
      {list.length > 0 ? (
        <WorkspaceDesk
          items={list.map((c) => ({
            id: c.id,
            campaignId: c.campaign_id,
            campaignName: c.campaign_name,
            network: c.network,
            channel: c.channel,
            authorHandle: c.author_handle,
            authorName: c.author_name,
            language: c.language,
            followers: c.author_followers,
            lastInboundAt: c.last_inbound_at ? new Date(c.last_inbound_at).toISOString() : null,
            assignedAt: c.assigned_at ? new Date(c.assigned_at).toISOString() : null,
            unread: c.unread,
            timeZone: zones.get(c.campaign_id),
          }))}
          details={details}
          policies={policies}
          personalCallbacks={capacity.personalCallbacks}
        />
      ) : (
        <div className="rounded-card border border-dashed border-border p-10 text-center text-fg-muted" data-testid="no-conversation">
          {state === "ready" ? t("workspace.waitingForMessages") : t("workspace.goReadyHint")}
        </div>
      )}
    </div>
  );
}
