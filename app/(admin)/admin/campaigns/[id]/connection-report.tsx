"use client";

import type { ConnectionReport } from "@/lib/campaigns/connection";
import { useFormat, useT } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/translate";

/** What «Tester la connexion» found, in words: the account, or exactly what to fix. */
export function ConnectionReportView({ report }: { report: ConnectionReport }) {
  const t = useT();
  const format = useFormat();
  if (report.ok) {
    return (
      <p role="status" className="rounded-control border border-success/30 bg-success-soft p-3 text-sm text-success-soft-fg">
        {t("campaigns.connection.ok", { name: report.account.name, handle: report.account.handle, id: report.account.id })}
      </p>
    );
  }
  const key = (report.reason ? `campaigns.connection.reasons.${report.reason}` : `campaigns.connection.kinds.${report.kind}`) as MessageKey;
  const retry = report.retryAt ? format.dateTime(report.retryAt, { style: "timeSeconds" }) : null;
  return (
    <div role="status" className="space-y-1 rounded-control border border-danger/30 bg-danger-soft p-3 text-sm text-danger-soft-fg">
      <p className="font-medium">{t(key)}</p>
      {report.kind === "rate_limited" && retry ? <p>{t("campaigns.connection.retryAt", { time: retry })}</p> : null}
      <p className="text-xs">{t("campaigns.connection.detail", { detail: report.detail ?? report.message })}</p>
    </div>
  );
}
