"use client";

import type { ReactNode } from "react";
import { choiceKinds, dataKinds, GRID_COLUMNS, OBJECT_NAME, type ScriptModel, type ScriptObject } from "@/lib/scripts/model";
import { findObject, updateObject } from "@/lib/scripts/ops";
import { knownNames } from "@/lib/scripts/variables";
import { useT } from "@/lib/i18n/client";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { Select } from "@/components/ui/select";
import { Checkbox } from "@/components/ui/checkbox";
import { OptionsEditor } from "./options-editor";
import type { Edit } from "./script-editor";

function Group({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="space-y-2 border-t border-border pt-3">
      <legend className="pr-2 text-xs font-semibold uppercase tracking-wide text-fg-muted">{title}</legend>
      {children}
    </fieldset>
  );
}

const numberOrNull = (v: string) => (v === "" ? null : Math.max(0, Math.floor(Number(v)) || 0));

/** Properties of the selected object («Propriétés»), applied to the model as they are typed. */
export function ObjectProperties({ model, objectId, edit }: { model: ScriptModel; objectId: string | null; edit: Edit }) {
  const t = useT();
  const found = objectId ? findObject(model, objectId) : null;
  if (!found) {
    return (
      <aside aria-labelledby="props-title" className="space-y-2 rounded-panel border border-border bg-surface p-3">
        <h2 id="props-title" className="text-sm font-semibold">
          {t("designer.props.title")}
        </h2>
        <p className="text-sm text-fg-muted">{t("designer.props.noSelection")}</p>
      </aside>
    );
  }
  const o = found.object;
  const set = (patch: Partial<ScriptObject>) => edit((m) => updateObject(m, o.id, patch));
  const isData = dataKinds.includes(o.kind);
  const duplicate = model.pages.flatMap((p) => p.objects).some((x) => x.id !== o.id && x.name === o.name);
  const nameError = !OBJECT_NAME.test(o.name)
    ? t("designer.errors.nameFormat")
    : duplicate
      ? t("designer.errors.duplicateName")
      : undefined;
  const variables = [...knownNames(model)].filter((n) => n !== o.name).sort();

  return (
    <aside aria-labelledby="props-title" className="space-y-3 rounded-panel border border-border bg-surface p-3">
      <h2 id="props-title" className="text-sm font-semibold">
        {t("designer.props.title")} — {t(`designer.editor.kinds.${o.kind}`)}
      </h2>
      <Group title={t("designer.props.general")}>
        <FormField label={t("designer.props.name")} htmlFor="prop-name" hint={t("designer.props.nameHint")} error={nameError} required>
          <Input
            value={o.name}
            maxLength={63}
            onChange={(e) => set({ name: e.target.value.toUpperCase().replace(/[^A-Z0-9_]/g, "_") })}
            className="font-mono"
          />
        </FormField>
        <FormField label={t("designer.props.label")} htmlFor="prop-label">
          <Input value={o.label} maxLength={500} onChange={(e) => set({ label: e.target.value })} />
        </FormField>
        {o.kind === "label" ? (
          <FormField label={t("designer.props.text")} htmlFor="prop-text" hint={t("designer.props.textHint")}>
            <Textarea value={o.text} rows={4} onChange={(e) => set({ text: e.target.value })} />
          </FormField>
        ) : null}
        {isData ? (
          <FormField label={t("designer.props.defaultValue")} htmlFor="prop-default">
            <Input value={o.defaultValue} onChange={(e) => set({ defaultValue: e.target.value })} />
          </FormField>
        ) : null}
      </Group>
      {choiceKinds.includes(o.kind) ? <OptionsEditor object={o} set={set} /> : null}
      <Group title={t("designer.props.behaviour")}>
        {o.kind === "label" ? (
          <div>
            <Checkbox label={t("designer.props.evaluate")} checked={o.evaluate} onChange={(e) => set({ evaluate: e.target.checked })} />
            <p className="text-xs text-fg-muted">{t("designer.props.evaluateHint")}</p>
          </div>
        ) : null}
        {isData ? (
          <Checkbox label={t("designer.props.required")} checked={o.required} onChange={(e) => set({ required: e.target.checked })} />
        ) : null}
        {o.kind === "button" ? (
          <FormField label={t("designer.props.action")} htmlFor="prop-action">
            <Select value={o.actionId ?? ""} onChange={(e) => set({ actionId: e.target.value || null })}>
              <option value="">{t("designer.editor.none")}</option>
              {model.actions.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </Select>
          </FormField>
        ) : null}
      </Group>
      {o.kind === "input" || o.kind === "textarea" ? (
        <Group title={t("designer.props.validation")}>
          <FormField label={t("designer.props.pattern")} htmlFor="prop-pattern">
            <Input value={o.pattern} maxLength={200} className="font-mono" onChange={(e) => set({ pattern: e.target.value })} />
          </FormField>
          <div className="grid grid-cols-2 gap-2">
            <FormField label={t("designer.props.minLength")} htmlFor="prop-min">
              <Input type="number" min={0} value={o.minLength ?? ""} onChange={(e) => set({ minLength: numberOrNull(e.target.value) })} />
            </FormField>
            <FormField label={t("designer.props.maxLength")} htmlFor="prop-max">
              <Input type="number" min={1} value={o.maxLength ?? ""} onChange={(e) => set({ maxLength: numberOrNull(e.target.value) })} />
            </FormField>
          </div>
        </Group>
      ) : null}
      <Group title={t("designer.props.layout")}>
        <div className="grid grid-cols-3 gap-2">
          {(["row", "col", "width"] as const).map((k) => (
            <FormField key={k} label={t(`designer.props.${k}`)} htmlFor={`prop-${k}`}>
              <Input
                type="number"
                min={k === "width" ? 1 : k === "row" ? 1 : 1}
                max={k === "row" ? 1000 : GRID_COLUMNS}
                value={k === "width" ? o.layout.width : o.layout[k] + 1}
                onChange={(e) => {
                  const n = Math.floor(Number(e.target.value)) || 1;
                  const layout = { ...o.layout, [k]: k === "width" ? Math.min(GRID_COLUMNS, Math.max(1, n)) : Math.max(0, n - 1) };
                  layout.col = Math.min(layout.col, GRID_COLUMNS - layout.width);
                  set({ layout });
                }}
              />
            </FormField>
          ))}
        </div>
      </Group>
      <Group title={t("designer.props.visibility")}>
        <FormField label={t("designer.props.visibleIf")} htmlFor="prop-visible-var">
          <Select
            value={o.visibleWhen?.variable ?? ""}
            onChange={(e) =>
              set({ visibleWhen: e.target.value ? { variable: e.target.value, equals: o.visibleWhen?.equals ?? "" } : null })
            }
          >
            <option value="">{t("designer.props.always")}</option>
            {variables.map((n) => (
              <option key={n} value={n}>
                ${n}
              </option>
            ))}
          </Select>
        </FormField>
        {o.visibleWhen ? (
          <FormField label={t("designer.props.equals")} htmlFor="prop-visible-eq">
            <Input
              value={o.visibleWhen.equals}
              onChange={(e) => set({ visibleWhen: { variable: o.visibleWhen!.variable, equals: e.target.value } })}
            />
          </FormField>
        ) : null}
      </Group>
    </aside>
  );
}
