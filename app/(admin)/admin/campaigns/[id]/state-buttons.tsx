"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import type { CampaignState } from "@/db/schema/campaigns";
import { useT } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/translate";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useActionFeedback } from "@/components/admin/use-action-feedback";
import { startCampaignAction, stopCampaignAction } from "../actions";

/** Start (refused by the server while the summary has a red light, with the reasons) / stop. */
export function StateButtons({ id, name, state }: { id: number; name: string; state: CampaignState }) {
  const t = useT();
  const router = useRouter();
  const report = useActionFeedback();
  const [refusal, setRefusal] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);

  async function start() {
    setStarting(true);
    setRefusal(null);
    const result = await startCampaignAction({ id });
    setStarting(false);
    if (result.ok) {
      report(result, { success: "campaigns.startedToast" });
      router.refresh();
    } else if (result.error === "campaigns.errors.cannotStart") {
      setRefusal(t("campaigns.errors.cannotStart", result.params));
    } else {
      report(result);
    }
  }

  return (
    <div className="flex flex-col items-end gap-2">
      <div className="flex items-center gap-2">
        <Badge dot variant={state === "running" ? "green" : "neutral"}>
          {t(`campaigns.states.${state}` as MessageKey)}
        </Badge>
        {state === "running" ? (
          <ConfirmDialog
            title={t("campaigns.confirmStop", { name })}
            message={t("campaigns.confirmStopText")}
            confirmLabel={t("campaigns.stop")}
            trigger={<Button variant="secondary">{t("campaigns.stop")}</Button>}
            onConfirm={async () => {
              const ok = report(await stopCampaignAction({ id }), { success: "campaigns.stoppedToast" });
              if (ok) router.refresh();
              return ok;
            }}
          />
        ) : (
          <Button loading={starting} onClick={start}>
            {t("campaigns.start")}
          </Button>
        )}
      </div>
      {refusal && state !== "running" ? (
        <p role="alert" className="max-w-md rounded-control border border-danger/30 bg-danger-soft p-2 text-sm text-danger-soft-fg">
          {refusal}
        </p>
      ) : null}
    </div>
  );
}
