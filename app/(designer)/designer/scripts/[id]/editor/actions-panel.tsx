"use client";

import { useState } from "react";
import { VARIABLE_NAME, type ScriptModel } from "@/lib/scripts/model";
import { addAction, deleteAction, updateAction } from "@/lib/scripts/ops";
import { knownNames } from "@/lib/scripts/variables";
import { useT } from "@/lib/i18n/client";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { CommandList } from "./command-list";
import type { Edit } from "./script-editor";

/** Named command lists, run by buttons or page events. */
export function ActionsPanel({ model, edit }: { model: ScriptModel; edit: Edit }) {
  const t = useT();
  const [newVar, setNewVar] = useState("");
  const variables = [...knownNames(model)].sort();
  const newVarError =
    newVar &&
    (!VARIABLE_NAME.test(newVar)
      ? t("designer.errors.nameFormat")
      : variables.includes(newVar)
        ? t("designer.errors.duplicateName")
        : null);

  function addVariable() {
    if (!newVar || newVarError) return;
    // A variable used only in actions gets the value "" (manual, step 3).
    edit((m) => ({ ...m, variables: [...m.variables, { name: newVar, source: "constant", ref: "", defaultValue: "" }] }));
    setNewVar("");
  }

  return (
    <section aria-labelledby="actions-title" className="space-y-3 rounded-panel border border-border bg-surface p-3">
      <div className="flex flex-wrap items-center gap-3">
        <h2 id="actions-title" className="text-sm font-semibold">
          {t("designer.actions.title")}
        </h2>
        <p className="text-xs text-fg-muted">{t("designer.actions.description")}</p>
        <Button
          size="sm"
          variant="secondary"
          className="ml-auto"
          onClick={() => edit((m) => addAction(m, t("designer.editor.newActionName", { n: m.actions.length + 1 })).model)}
        >
          {t("designer.actions.add")}
        </Button>
      </div>
      <div className="flex flex-wrap items-end gap-2">
        <div>
          <label htmlFor="new-variable" className="block text-xs font-medium">
            {t("designer.actions.newVariable")}
          </label>
          <Input
            id="new-variable"
            value={newVar}
            className="w-56 font-mono"
            aria-invalid={newVarError ? true : undefined}
            onChange={(e) => setNewVar(e.target.value.toUpperCase())}
          />
        </div>
        <Button size="sm" variant="secondary" onClick={addVariable} disabled={!newVar || Boolean(newVarError)}>
          {t("designer.actions.addVariable")}
        </Button>
        {newVarError ? (
          <p role="alert" className="text-xs text-danger">
            {newVarError}
          </p>
        ) : null}
      </div>
      {model.actions.length === 0 ? <p className="text-sm text-fg-muted">{t("designer.actions.empty")}</p> : null}
      <ul className="space-y-3">
        {model.actions.map((a) => (
          <li key={a.id} className="space-y-2 rounded-control border border-border p-3">
            <div className="flex flex-wrap items-end gap-2">
              <div className="grow">
                <label htmlFor={`action-name-${a.id}`} className="block text-xs font-medium">
                  {t("designer.actions.name")}
                </label>
                <Input
                  id={`action-name-${a.id}`}
                  value={a.name}
                  maxLength={80}
                  onChange={(e) => edit((m) => updateAction(m, a.id, { name: e.target.value }))}
                />
              </div>
              <Button size="sm" variant="ghost" className="text-danger" onClick={() => edit((m) => deleteAction(m, a.id))}>
                {t("designer.actions.delete")}
              </Button>
            </div>
            <CommandList
              label={`${a.name} — ${t("designer.actions.commands")}`}
              idPrefix={a.id}
              commands={a.commands}
              model={model}
              variables={variables}
              depth={0}
              onChange={(commands) => edit((m) => updateAction(m, a.id, { commands }))}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}
