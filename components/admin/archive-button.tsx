"use client";

import { useRouter } from "next/navigation";
import type { ActionResult } from "@/lib/auth/action";
import { useT } from "@/lib/i18n/client";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Button } from "@/components/ui/button";
import { useActionFeedback } from "./use-action-feedback";

export type ArchiveAction = (input: { id: number; archived: boolean }) => Promise<ActionResult<unknown>>;

/** Archive (with confirmation) or restore one object through its server action. */
export function ArchiveButton({ id, name, archived, action }: { id: number; name: string; archived: boolean; action: ArchiveAction }) {
  const t = useT();
  const router = useRouter();
  const report = useActionFeedback();
  if (archived) {
    return (
      <Button
        size="sm"
        variant="secondary"
        onClick={async () => {
          if (report(await action({ id, archived: false }), { success: "adminCommon.restoredToast" })) router.refresh();
        }}
      >
        {t("adminCommon.restore")}
      </Button>
    );
  }
  return (
    <ConfirmDialog
      title={t("adminCommon.confirmArchiveTitle", { name })}
      message={t("adminCommon.confirmArchiveText")}
      confirmLabel={t("adminCommon.archive")}
      trigger={
        <Button size="sm" variant="ghost">
          {t("adminCommon.archive")}
        </Button>
      }
      onConfirm={async () => {
        const ok = report(await action({ id, archived: true }), { success: "adminCommon.archivedToast" });
        if (ok) router.refresh();
        return ok;
      }}
    />
  );
}
