"use client";

import type { ReportLine } from "@/lib/blacklists/import";
import { useT } from "@/lib/i18n/client";
import { Badge, type BadgeVariant } from "@/components/ui/badge";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import type { SentReport } from "./import-panel";

const variant: Record<ReportLine["outcome"], BadgeVariant> = { added: "green", duplicate: "neutral", existing: "neutral", refused: "red" };

export function ImportReportView({ report }: { report: SentReport }) {
  const t = useT();
  const outcome = (l: ReportLine) =>
    l.outcome === "refused"
      ? t("blacklists.import.outcome.refused", { reason: l.reason ? t(`blacklists.import.reason.${l.reason}`) : "" })
      : t(`blacklists.import.outcome.${l.outcome}`, { first: l.firstLine ?? "" });
  const counts = report.imported ? (["added", "duplicate", "existing", "blank"] as const) : (["refused"] as const);
  return (
    <section aria-label={t("blacklists.import.reportTitle", { file: report.fileName })} className="space-y-3">
      <h3 className="text-sm font-semibold">{t("blacklists.import.reportTitle", { file: report.fileName })}</h3>
      <p role="status" className={report.imported ? "text-sm text-fg" : "text-sm font-medium text-danger"}>
        {report.imported
          ? t("blacklists.import.imported", { added: report.counts.added })
          : t("blacklists.import.refused", { count: report.counts.refused })}
      </p>
      <ul className="flex flex-wrap gap-2 text-sm">
        {counts.map((k) => (
          <li key={k}>
            <Badge variant={k === "added" ? "green" : k === "refused" ? "red" : "neutral"}>
              {t(`blacklists.import.counts.${k}`, { count: report.counts[k] })}
            </Badge>
          </li>
        ))}
      </ul>
      {report.header ? <p className="text-sm text-fg-muted">{t("blacklists.import.header")}</p> : null}
      <Table>
        <THead>
          <Tr>
            <Th>{t("blacklists.import.line")}</Th>
            <Th>{t("blacklists.word")}</Th>
            <Th>{t("blacklists.import.result")}</Th>
          </Tr>
        </THead>
        <TBody>
          {report.lines.map((l) => (
            <Tr key={l.line}>
              <Td>{l.line}</Td>
              <Td className="break-all">{l.word}</Td>
              <Td>
                <Badge variant={variant[l.outcome]}>{outcome(l)}</Badge>
              </Td>
            </Tr>
          ))}
        </TBody>
      </Table>
      {report.omittedLines > 0 ? (
        <p className="text-sm text-fg-muted">{t("blacklists.import.omitted", { count: report.omittedLines })}</p>
      ) : null}
    </section>
  );
}
