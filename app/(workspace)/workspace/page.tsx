import { requirePage } from "@/lib/auth/session";
import { agentState, currentConversation, waitingCount } from "@/lib/conversations/queries";
import { getTranslator } from "@/lib/i18n/server";
import { campaignTimeZone } from "@/lib/campaigns/time-zone";
import { getDb } from "@/db/client";
import { policyForConversation } from "@/lib/conversations/reply-policy";
import { now } from "@/lib/outbox/clock";
import { PageHeader } from "@/components/ui/page-header";
import { LiveRefresh } from "@/components/live/live-refresh";
import { PresenceControls } from "./presence-controls";
import { ConversationPanel } from "./conversation-panel";

export default async function WorkspacePage() {
  const user = await requirePage("workspace.use");
  const { t } = await getTranslator();
  const [state, conversation, waiting] = await Promise.all([agentState(user.id), currentConversation(user.id), waitingCount()]);
  const policy = conversation ? await policyForConversation(await getDb(), conversation.id, now()) : null;
  return (
    <div className="space-y-6">
      <LiveRefresh />
      <PageHeader
        title={t("workspace.title")}
        description={t("workspace.waitingInQueue", { count: waiting })}
        actions={<PresenceControls state={state} />}
      />
      {conversation && policy ? (
        <ConversationPanel
          key={conversation.id}
          conversation={conversation}
          policy={policy}
          timeZone={await campaignTimeZone(conversation.campaignId)}
        />
      ) : (
        <div className="rounded-card border border-dashed border-border p-10 text-center text-fg-muted" data-testid="no-conversation">
          {state === "ready" ? t("workspace.waitingForMessages") : t("workspace.goReadyHint")}
        </div>
      )}
    </div>
  );
}
