"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import {
  agentFields,
  messageFields,
  VARIABLE_NAME,
  variableSourceKinds,
  type ScriptModel,
  type ScriptVariable,
  type VariableSourceKind,
} from "@/lib/scripts/model";
import { autoCreateVariables } from "@/lib/scripts/variables";
import { useT } from "@/lib/i18n/client";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { EmptyState, Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { useToast } from "@/components/ui/toast";
import { useActionFeedback } from "@/components/admin/use-action-feedback";
import { useUnsavedWarning } from "@/components/admin/use-unsaved-warning";
import { saveVariablesAction } from "../../../actions";

/** Step 3: «Création Auto Variable», sources, values, «Appliquer». */
export function VariablesForm({
  id,
  model,
  draftVersion,
  columns,
}: {
  id: number;
  model: ScriptModel;
  draftVersion: number;
  columns: string[] | null;
}) {
  const t = useT();
  const router = useRouter();
  const { toast } = useToast();
  const report = useActionFeedback();
  const [vars, setVars] = useState<ScriptVariable[]>(model.variables);
  const [version, setVersion] = useState(draftVersion);
  const [dirty, setDirty] = useState(false);
  const [newName, setNewName] = useState("");
  const [saving, setSaving] = useState(false);
  useUnsavedWarning(dirty);
  const change = (next: ScriptVariable[]) => {
    setVars(next);
    setDirty(true);
  };
  const update = (i: number, patch: Partial<ScriptVariable>) => change(vars.map((v, j) => (j === i ? { ...v, ...patch } : v)));
  const newError =
    newName &&
    (!VARIABLE_NAME.test(newName)
      ? t("designer.errors.nameFormat")
      : vars.some((v) => v.name === newName)
        ? t("designer.errors.duplicateName")
        : null);

  function autoCreate() {
    const next = autoCreateVariables({ ...model, variables: vars }, columns ?? []);
    toast({ title: t("designer.variables.autoCreated", { count: next.length - vars.length }) });
    change(next);
  }

  function refs(source: VariableSourceKind): { value: string; label: string }[] {
    if (source === "message") return messageFields.map((f) => ({ value: f, label: t(`designer.variables.messageFields.${f}`) }));
    if (source === "agent") return agentFields.map((f) => ({ value: f, label: t(`designer.variables.agentFields.${f}`) }));
    if (source === "customerFile") return (columns ?? []).map((c) => ({ value: c, label: c }));
    return [];
  }

  async function apply() {
    setSaving(true);
    const result = await saveVariablesAction({ id, draftVersion: version, variables: vars });
    setSaving(false);
    if (report(result, { success: "designer.variables.applied" })) {
      setVersion(result.data.draftVersion);
      setDirty(false);
      router.refresh();
    }
  }

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end gap-2">
        <Button variant="secondary" onClick={autoCreate}>
          {t("designer.variables.autoCreate")}
        </Button>
        <div>
          <label htmlFor="var-new" className="block text-xs font-medium">
            {t("designer.variables.newName")}
          </label>
          <Input
            id="var-new"
            value={newName}
            className="w-56 font-mono"
            aria-invalid={newError ? true : undefined}
            onChange={(e) => setNewName(e.target.value.toUpperCase())}
          />
        </div>
        <Button
          variant="secondary"
          disabled={!newName || Boolean(newError)}
          onClick={() => {
            change([...vars, { name: newName, source: "constant", ref: "", defaultValue: "" }]);
            setNewName("");
          }}
        >
          {t("designer.variables.add")}
        </Button>
        {newError ? (
          <p role="alert" className="text-xs text-danger">
            {newError}
          </p>
        ) : null}
        <Button className="ml-auto" onClick={apply} loading={saving}>
          {t("designer.variables.apply")}
        </Button>
      </div>
      {columns === null ? <p className="text-sm text-fg-muted">{t("designer.variables.noCustomerFile")}</p> : null}
      {vars.length === 0 ? (
        <EmptyState title={t("designer.variables.empty")} />
      ) : (
        <Table aria-label={t("designer.variables.title")}>
          <THead>
            <Tr>
              <Th>{t("designer.variables.name")}</Th>
              <Th>{t("designer.variables.source")}</Th>
              <Th>{t("designer.variables.ref")}</Th>
              <Th>{t("designer.variables.defaultValue")}</Th>
              <Th>{t("common.actions")}</Th>
            </Tr>
          </THead>
          <TBody>
            {vars.map((v, i) => (
              <Tr key={v.name}>
                <Td className="font-mono">${v.name}</Td>
                <Td>
                  <Select
                    aria-label={`${t("designer.variables.source")} $${v.name}`}
                    value={v.source}
                    onChange={(e) => {
                      const source = e.target.value as VariableSourceKind;
                      update(i, { source, ref: refs(source)[0]?.value ?? "" });
                    }}
                  >
                    {variableSourceKinds.map((s) => (
                      <option key={s} value={s} disabled={s === "customerFile" && !columns?.length}>
                        {t(`designer.variables.sources.${s}`)}
                      </option>
                    ))}
                  </Select>
                </Td>
                <Td>
                  {v.source === "constant" ? (
                    <span className="text-fg-muted">—</span>
                  ) : (
                    <Select
                      aria-label={`${t("designer.variables.ref")} $${v.name}`}
                      value={v.ref}
                      onChange={(e) => update(i, { ref: e.target.value })}
                      placeholder={v.source === "customerFile" ? t("designer.variables.chooseColumn") : undefined}
                    >
                      {refs(v.source).map((r) => (
                        <option key={r.value} value={r.value}>
                          {r.label}
                        </option>
                      ))}
                    </Select>
                  )}
                </Td>
                <Td>
                  <Input
                    aria-label={`${t("designer.variables.defaultValue")} $${v.name}`}
                    value={v.defaultValue}
                    onChange={(e) => update(i, { defaultValue: e.target.value })}
                  />
                </Td>
                <Td>
                  <Button size="sm" variant="ghost" onClick={() => change(vars.filter((_, j) => j !== i))}>
                    {t("designer.variables.remove", { name: `$${v.name}` })}
                  </Button>
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
    </div>
  );
}
