"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import type { CustomerFileMapping } from "@/db/schema/scripts";
import type { ObjectKind } from "@/lib/scripts/model";
import { columnTypeFor, isValidTableName } from "@/lib/scripts/identifiers";
import type { CustomerFilePlan } from "@/lib/scripts/customer-file";
import { useT } from "@/lib/i18n/client";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { useActionFeedback } from "@/components/admin/use-action-feedback";
import { previewCustomerFileAction, saveCustomerFileAction } from "../../../actions";
import { MappingTable, type Row } from "./mapping-table";
import { SummaryDialog } from "./summary-dialog";
import { TableColumns } from "./table-columns";

type Props = {
  scriptId: number;
  objects: { id: string; name: string; kind: ObjectKind; page: string }[];
  databases: { id: number; name: string; isDefault: boolean }[];
  current: { databaseId: number; tableName: string; mapping: CustomerFileMapping; columns: { name: string; type: string }[] } | null;
};

/** Step 2: connection, table, «Tout sélectionner», «Tout connecter», «Enregistrer» with a summary. */
export function CustomerFileForm({ scriptId, objects, databases, current }: Props) {
  const t = useT();
  const router = useRouter();
  const report = useActionFeedback();
  const [databaseId, setDatabaseId] = useState(current?.databaseId ?? databases.find((d) => d.isDefault)?.id ?? databases[0].id);
  const [tableName, setTableName] = useState(current?.tableName ?? "");
  const [tableError, setTableError] = useState<string | null>(null);
  // With a saved file, its mapping is shown as it is; otherwise the list starts empty.
  const [rows, setRows] = useState<Row[] | null>(() =>
    current
      ? objects.map((o) => {
          const col = current.mapping.columns.find((c) => c.objectId === o.id);
          return {
            ...o,
            type: columnTypeFor(o.kind)!,
            keep: Boolean(col) || !current.mapping.excluded.includes(o.id),
            column: col?.column ?? null,
          };
        })
      : null,
  );
  const [plan, setPlan] = useState<(CustomerFilePlan & { rows: number }) | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const input = () => ({
    scriptId,
    databaseId,
    tableName: tableName.trim(),
    columns: (rows ?? []).filter((r) => r.keep && r.column).map((r) => ({ objectId: r.id, column: r.column! })),
    excluded: (rows ?? []).filter((r) => !r.keep).map((r) => r.id),
  });

  async function askSummary() {
    setMessage(null);
    if (!isValidTableName(tableName.trim())) {
      setTableError(t("designer.customerFile.errors.tableName"));
      return;
    }
    setTableError(null);
    if (!rows) return setMessage(t("designer.customerFile.selectFirst"));
    if (rows.some((r) => r.keep && !r.column)) return setMessage(t("designer.customerFile.connectFirst"));
    const result = await previewCustomerFileAction(input());
    if (report(result)) setPlan(result.data);
  }

  async function save() {
    const result = await saveCustomerFileAction(input());
    if (!report(result, { success: "designer.customerFile.saved" })) return false;
    setPlan(null);
    router.refresh();
    return true;
  }

  return (
    <div className="space-y-4">
      <div className="grid max-w-2xl gap-4 sm:grid-cols-2">
        <FormField label={t("designer.customerFile.database")} htmlFor="cf-database" required>
          <Select value={databaseId} onChange={(e) => setDatabaseId(Number(e.target.value))}>
            {databases.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField
          label={t("designer.customerFile.tableName")}
          htmlFor="cf-table"
          hint={t("designer.customerFile.tableHint")}
          error={tableError ?? undefined}
          required
        >
          <Input
            value={tableName}
            placeholder="C_xxx"
            maxLength={63}
            autoComplete="off"
            className="font-mono"
            onChange={(e) => setTableName(e.target.value)}
          />
        </FormField>
      </div>
      <div className="flex flex-wrap gap-2">
        <Button
          variant="secondary"
          onClick={() => setRows(objects.map((o) => ({ ...o, type: columnTypeFor(o.kind)!, keep: true, column: null })))}
        >
          {t("designer.customerFile.selectAll")}
        </Button>
        <Button
          variant="secondary"
          disabled={!rows}
          onClick={() => setRows((rs) => rs && rs.map((r) => ({ ...r, column: r.keep ? r.name : null })))}
        >
          {t("designer.customerFile.connectAll")}
        </Button>
        <Button onClick={askSummary} disabled={!rows || objects.length === 0}>
          {t("designer.customerFile.save")}
        </Button>
      </div>
      {message ? (
        <p role="alert" className="text-sm text-danger">
          {message}
        </p>
      ) : null}
      {objects.length === 0 ? (
        <p className="text-sm text-fg-muted">{t("designer.customerFile.noObjects")}</p>
      ) : rows ? (
        <MappingTable
          rows={rows}
          onToggle={(id, keep) => setRows((rs) => rs && rs.map((r) => (r.id === id ? { ...r, keep, column: keep ? r.column : null } : r)))}
        />
      ) : (
        <p className="text-sm text-fg-muted">{t("designer.customerFile.selectFirst")}</p>
      )}
      {current ? <TableColumns tableName={current.tableName} columns={current.columns} mapping={current.mapping} /> : null}
      {plan ? (
        <SummaryDialog
          plan={plan}
          table={tableName.trim()}
          database={databases.find((d) => d.id === databaseId)?.name ?? ""}
          onConfirm={save}
          onClose={() => setPlan(null)}
        />
      ) : null}
    </div>
  );
}
