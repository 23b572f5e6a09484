"use client";

import type { CustomerFileMapping } from "@/db/schema/scripts";
import { SYSTEM_COLUMNS } from "@/lib/scripts/identifiers";
import { useT } from "@/lib/i18n/client";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { Badge } from "@/components/ui/badge";

/** The real table as PostgreSQL has it: old columns stay, shown as not connected. */
export function TableColumns({
  tableName,
  columns,
  mapping,
}: {
  tableName: string;
  columns: { name: string; type: string }[];
  mapping: CustomerFileMapping;
}) {
  const t = useT();
  return (
    <section aria-labelledby="cf-current" className="space-y-2">
      <h3 id="cf-current" className="text-sm font-semibold">
        {t("designer.customerFile.current", { table: tableName })}
      </h3>
      <Table aria-label={t("designer.customerFile.currentColumns")}>
        <THead>
          <Tr>
            <Th>{t("designer.customerFile.column")}</Th>
            <Th>{t("designer.customerFile.columnType")}</Th>
            <Th>{t("designer.customerFile.connection")}</Th>
          </Tr>
        </THead>
        <TBody>
          {columns.map((c) => {
            const mapped = mapping.columns.find((m) => m.column === c.name);
            const system = (SYSTEM_COLUMNS as readonly string[]).includes(c.name);
            return (
              <Tr key={c.name}>
                <Td className="font-mono">{c.name}</Td>
                <Td className="font-mono">{c.type}</Td>
                <Td>
                  {system ? (
                    <Badge>{t("designer.customerFile.system")}</Badge>
                  ) : mapped ? (
                    <Badge variant="green">{t("designer.customerFile.connectedTo", { name: mapped.objectName })}</Badge>
                  ) : (
                    <Badge variant="orange">{t("designer.customerFile.notConnected")}</Badge>
                  )}
                </Td>
              </Tr>
            );
          })}
        </TBody>
      </Table>
    </section>
  );
}
