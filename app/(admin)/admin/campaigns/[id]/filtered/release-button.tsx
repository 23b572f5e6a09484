"use client";

import { useRouter } from "next/navigation";
import { useT } from "@/lib/i18n/client";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useToast } from "@/components/ui/toast";
import { useActionFeedback } from "@/components/admin/use-action-feedback";
import { releaseFilteredAction } from "./actions";

/** Releases one filtered message into the queue, after a confirmation (the release is audited). */
export function ReleaseButton({ campaignId, conversationId, handle }: { campaignId: number; conversationId: number; handle: string }) {
  const t = useT();
  const router = useRouter();
  const report = useActionFeedback();
  const { toast } = useToast();
  return (
    <ConfirmDialog
      variant="primary"
      title={t("filtered.confirmTitle", { handle })}
      message={t("filtered.confirmText")}
      confirmLabel={t("filtered.release")}
      trigger={
        <Button size="sm" variant="secondary">
          {t("filtered.release")}
        </Button>
      }
      onConfirm={async () => {
        const result = await releaseFilteredAction({ campaignId, conversationId });
        const ok = report(result);
        if (ok) {
          toast({ title: t(result.data.status === "held" ? "filtered.releasedHeld" : "filtered.releasedWaiting"), variant: "success" });
        }
        router.refresh();
        return ok;
      }}
    />
  );
}
