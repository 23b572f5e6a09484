"use client";

import type { CustomerFilePlan } from "@/lib/scripts/customer-file";
import { useT } from "@/lib/i18n/client";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

/** The summary popup of «Enregistrer»: what will be created, kept and left unconnected. */
export function SummaryDialog({
  plan,
  table,
  database,
  onConfirm,
  onClose,
}: {
  plan: CustomerFilePlan & { rows: number };
  table: string;
  database: string;
  onConfirm: () => Promise<boolean>;
  onClose: () => void;
}) {
  const t = useT();
  const list = (cols: { column?: string; name?: string }[]) => cols.map((c) => c.column ?? c.name).join(", ");
  return (
    <ConfirmDialog
      open
      onOpenChange={(open) => !open && onClose()}
      variant="primary"
      title={t("designer.customerFile.summaryTitle")}
      confirmLabel={t("designer.customerFile.save")}
      message={
        <span className="block space-y-1">
          <span className="block font-medium text-fg">{t("designer.customerFile.summaryTable", { table, database })}</span>
          <span className="block">
            {plan.tableExists ? t("designer.customerFile.summaryRows", { rows: plan.rows }) : t("designer.customerFile.summaryNewTable")}
          </span>
          <span className="block">
            {plan.add.length
              ? t("designer.customerFile.summaryAdd", { columns: list(plan.add) })
              : t("designer.customerFile.summaryNothing")}
          </span>
          {plan.keep.length ? <span className="block">{t("designer.customerFile.summaryKeep", { columns: list(plan.keep) })}</span> : null}
          {plan.unmapped.length ? (
            <span className="block">{t("designer.customerFile.summaryUnmapped", { columns: list(plan.unmapped) })}</span>
          ) : null}
          {plan.conflicts.length ? (
            <span className="block text-danger">
              {t("designer.customerFile.errors.typeConflict", {
                columns: plan.conflicts.map((c) => `${c.column} (${c.existing} → ${c.wanted})`).join(", "),
              })}
            </span>
          ) : null}
        </span>
      }
      onConfirm={onConfirm}
    />
  );
}
