"use client";

import type { CustomerFileColumn } from "@/db/schema/scripts";
import type { ObjectKind } from "@/lib/scripts/model";
import { useT } from "@/lib/i18n/client";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { Badge } from "@/components/ui/badge";

export type Row = {
  id: string;
  name: string;
  kind: ObjectKind;
  page: string;
  type: CustomerFileColumn["type"];
  keep: boolean;
  column: string | null;
};

/** The script's objects that become columns: ticked ones are kept, connected ones read and write. */
export function MappingTable({ rows, onToggle }: { rows: Row[]; onToggle: (id: string, keep: boolean) => void }) {
  const t = useT();
  return (
    <Table aria-label={t("designer.customerFile.title")}>
      <THead>
        <Tr>
          <Th>{t("designer.customerFile.keep")}</Th>
          <Th>{t("designer.customerFile.object")}</Th>
          <Th>{t("designer.customerFile.kind")}</Th>
          <Th>{t("designer.customerFile.column")}</Th>
          <Th>{t("designer.customerFile.columnType")}</Th>
          <Th>{t("designer.customerFile.connection")}</Th>
        </Tr>
      </THead>
      <TBody>
        {rows.map((r) => (
          <Tr key={r.id}>
            <Td>
              <input
                type="checkbox"
                className="size-4 accent-accent"
                checked={r.keep}
                aria-label={t("designer.customerFile.keepNamed", { name: r.name })}
                onChange={(e) => onToggle(r.id, e.target.checked)}
              />
            </Td>
            <Td className="font-mono">
              {r.name} <span className="font-sans text-xs text-fg-muted">({r.page})</span>
            </Td>
            <Td>{t(`designer.editor.kinds.${r.kind}`)}</Td>
            <Td className="font-mono">{r.column ?? "—"}</Td>
            <Td className="font-mono">{r.type}</Td>
            <Td>
              {r.column ? (
                <Badge variant="green">{t("designer.customerFile.readWrite")}</Badge>
              ) : (
                <Badge>{t("designer.customerFile.notConnected")}</Badge>
              )}
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
