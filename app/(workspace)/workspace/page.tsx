import { requirePage } from "@/lib/auth/session";
import { currentConversation, waitingCount } from "@/lib/conversations/queries";
import { NO_ANSWER, presenceOf } from "@/lib/routing/presence";
import { getTranslator } from "@/lib/i18n/server";
import { campaignTimeZone } from "@/lib/campaigns/time-zone";
import { PageHeader } from "@/components/ui/page-header";
import { LiveRefresh } from "@/components/live/live-refresh";
import { PresenceControls } from "./presence-controls";
import { ConversationPanel } from "./conversation-panel";

export default async function WorkspacePage() {
  const user = await requirePage("workspace.use");
  const { t } = await getTranslator();
  const [presence, conversation, waiting] = await Promise.all([presenceOf(user.id), currentConversation(user.id), waitingCount()]);
  const state = presence.state;
  return (
    <div className="space-y-6">
      <LiveRefresh />
      <PageHeader
        title={t("workspace.title")}
        description={t("workspace.waitingInQueue", { count: waiting })}
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
      {conversation ? (
        <ConversationPanel key={conversation.id} conversation={conversation} timeZone={await campaignTimeZone(conversation.campaignId)} />
      ) : (
        <div className="rounded-card border border-dashed border-border p-10 text-center text-fg-muted" data-testid="no-conversation">
          {state === "ready" ? t("workspace.waitingForMessages") : t("workspace.goReadyHint")}
        </div>
      )}
    </div>
  );
}
