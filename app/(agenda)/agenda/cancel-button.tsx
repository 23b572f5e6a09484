"use client";

import { useRouter } from "next/navigation";
import { cancelAppointmentAction } from "@/app/actions/agenda";
import { useT } from "@/lib/i18n/client";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useActionFeedback } from "@/components/admin/use-action-feedback";

export function CancelAppointmentButton({ appointmentId }: { appointmentId: number }) {
  const t = useT();
  const router = useRouter();
  const report = useActionFeedback();
  return (
    <ConfirmDialog
      title={t("agenda.view.confirmCancelTitle")}
      message={t("agenda.view.confirmCancelText")}
      confirmLabel={t("agenda.view.cancel")}
      trigger={
        <Button size="sm" variant="danger">
          {t("agenda.view.cancel")}
        </Button>
      }
      onConfirm={async () => {
        const ok = report(await cancelAppointmentAction({ appointmentId }), { success: "agenda.view.cancelled" });
        if (ok) router.refresh();
        return ok;
      }}
    />
  );
}
