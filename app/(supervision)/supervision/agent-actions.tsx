"use client";

import { useRouter } from "next/navigation";
import { useT } from "@/lib/i18n/client";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useActionFeedback } from "@/components/admin/use-action-feedback";
import { useToast } from "@/components/ui/toast";
import { forceAgentStateAction } from "./actions";

/** Force Paused / Offline, each behind a confirmation (Cancel has the focus: Enter does nothing harmful). */
export function AgentActions({ agentId, label, state }: { agentId: number; label: string; state: string }) {
  const t = useT();
  const router = useRouter();
  const report = useActionFeedback();
  const { toast } = useToast();
  async function force(target: "paused" | "offline") {
    const result = await forceAgentStateAction({ agentId, state: target });
    if (!report(result)) return false;
    toast({ title: t("wallboard.actions.forced", { agent: label, released: result.data.released }), variant: "success" });
    router.refresh();
  }
  return (
    <div className="flex flex-wrap gap-1.5">
      {state === "ready" ? (
        <ConfirmDialog
          variant="primary"
          title={t("wallboard.actions.forcePauseTitle", { agent: label })}
          message={t("wallboard.actions.forcePauseText")}
          confirmLabel={t("wallboard.actions.forcePause")}
          onConfirm={() => force("paused")}
          trigger={
            <Button size="sm" variant="secondary" data-testid={`force-pause-${label}`}>
              {t("wallboard.actions.forcePause")}
            </Button>
          }
        />
      ) : null}
      {state !== "offline" ? (
        <ConfirmDialog
          title={t("wallboard.actions.forceOfflineTitle", { agent: label })}
          message={t("wallboard.actions.forceOfflineText")}
          confirmLabel={t("wallboard.actions.forceOffline")}
          onConfirm={() => force("offline")}
          trigger={
            <Button size="sm" variant="secondary" data-testid={`force-offline-${label}`}>
              {t("wallboard.actions.forceOffline")}
            </Button>
          }
        />
      ) : null}
    </div>
  );
}
