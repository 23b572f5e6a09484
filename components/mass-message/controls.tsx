"use client";

import { useRouter } from "next/navigation";
import { useT } from "@/lib/i18n/client";
import type { MassMessageStatus } from "@/db/schema/mass-messages";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useActionFeedback } from "@/components/admin/use-action-feedback";
import { cancelMassMessageAction, pauseMassMessageAction, resumeMassMessageAction } from "@/app/actions/mass-message";

/** Pause, resume, cancel (after a confirmation). The server refuses a change the state no longer allows. */
export function Controls({ id, status }: { id: number; status: MassMessageStatus }) {
  const t = useT();
  const router = useRouter();
  const report = useActionFeedback();
  const run = async (action: typeof pauseMassMessageAction) => {
    const ok = report(await action({ massMessageId: id }));
    router.refresh();
    return ok;
  };
  return (
    <div className="flex flex-wrap gap-2">
      {status === "running" ? (
        <Button variant="secondary" onClick={() => run(pauseMassMessageAction)}>
          {t("massMessage.pause")}
        </Button>
      ) : null}
      {status === "paused" ? <Button onClick={() => run(resumeMassMessageAction)}>{t("massMessage.resume")}</Button> : null}
      {status === "running" || status === "paused" ? (
        <ConfirmDialog
          title={t("massMessage.confirmCancelTitle")}
          message={t("massMessage.confirmCancel")}
          confirmLabel={t("massMessage.cancel")}
          trigger={<Button variant="danger">{t("massMessage.cancel")}</Button>}
          onConfirm={() => run(cancelMassMessageAction)}
        />
      ) : null}
    </div>
  );
}
