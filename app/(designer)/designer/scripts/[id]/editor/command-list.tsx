"use client";

import { useState } from "react";
import { commandTypes, type Command, type CommandType, type ScriptModel } from "@/lib/scripts/model";
import { newCommand } from "@/lib/scripts/ops";
import { useT } from "@/lib/i18n/client";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";

type Props = {
  label: string;
  idPrefix: string;
  commands: Command[];
  model: ScriptModel;
  variables: string[];
  depth: number;
  onChange: (commands: Command[]) => void;
};

const MAX_DEPTH = 4;

/**
 * Commands of an action. Targets (pages, variables, agenda objects) are chosen from lists of what
 * exists, so a new reference can never dangle; «Si … alors … sinon» nests lists.
 */
export function CommandList({ label, idPrefix, commands, model, variables, depth, onChange }: Props) {
  const t = useT();
  const [type, setType] = useState<CommandType>("goToPage");
  const set = (i: number, c: Command) => onChange(commands.map((x, j) => (j === i ? c : x)));
  const types = depth >= MAX_DEPTH ? commandTypes.filter((c) => c !== "ifEquals") : commandTypes;
  const agendas = model.pages.flatMap((p) => p.objects).filter((o) => o.kind === "agenda");

  function field(i: number, key: string, text: string, control: React.ReactElement) {
    return (
      <label className="flex items-center gap-1 text-xs" htmlFor={`${idPrefix}-${i}-${key}`}>
        <span className="font-medium">{text}</span>
        {control}
      </label>
    );
  }

  function editor(c: Command, i: number) {
    const id = (key: string) => `${idPrefix}-${i}-${key}`;
    const variableSelect = (value: string, onPick: (v: string) => void) => (
      <Select
        id={id("variable")}
        value={value}
        onChange={(e) => onPick(e.target.value)}
        className="h-8 w-44"
        placeholder={variables.length ? undefined : "—"}
      >
        {!variables.includes(value) && value ? <option value={value}>${value} ?</option> : null}
        {variables.map((v) => (
          <option key={v} value={v}>
            ${v}
          </option>
        ))}
      </Select>
    );
    switch (c.type) {
      case "goToPage":
        return field(
          i,
          "page",
          t("designer.actions.page"),
          <Select id={id("page")} value={c.pageId} onChange={(e) => set(i, { ...c, pageId: e.target.value })} className="h-8 w-44">
            {model.pages.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </Select>,
        );
      case "setVariable":
        return (
          <>
            {field(
              i,
              "variable",
              t("designer.actions.variable"),
              variableSelect(c.variable, (v) => set(i, { ...c, variable: v })),
            )}
            {field(
              i,
              "value",
              t("designer.actions.value"),
              <Input id={id("value")} value={c.value} className="h-8 w-48" onChange={(e) => set(i, { ...c, value: e.target.value })} />,
            )}
          </>
        );
      case "ifEquals":
        return (
          <>
            {field(
              i,
              "variable",
              t("designer.actions.variable"),
              variableSelect(c.variable, (v) => set(i, { ...c, variable: v })),
            )}
            {field(
              i,
              "equals",
              t("designer.actions.equals"),
              <Input id={id("equals")} value={c.equals} className="h-8 w-40" onChange={(e) => set(i, { ...c, equals: e.target.value })} />,
            )}
            <div className="basis-full space-y-2 border-l-2 border-border pl-3">
              {(["then", "else"] as const).map((branch) => (
                <div key={branch}>
                  <p className="text-xs font-semibold">{t(`designer.actions.${branch}`)}</p>
                  <CommandList
                    label={`${label} — ${t(`designer.actions.${branch}`)}`}
                    idPrefix={`${idPrefix}-${i}-${branch}`}
                    commands={c[branch]}
                    model={model}
                    variables={variables}
                    depth={depth + 1}
                    onChange={(list) => set(i, { ...c, [branch]: list })}
                  />
                </div>
              ))}
            </div>
          </>
        );
      case "qualify":
        return (
          <>
            {field(
              i,
              "status",
              t("designer.actions.status"),
              <Input
                id={id("status")}
                value={c.status}
                maxLength={40}
                className="h-8 w-40"
                onChange={(e) => set(i, { ...c, status: e.target.value })}
              />,
            )}
            {field(
              i,
              "detail",
              t("designer.actions.detail"),
              <Input
                id={id("detail")}
                value={c.detail ?? ""}
                maxLength={40}
                className="h-8 w-40"
                onChange={(e) => set(i, { ...c, detail: e.target.value || undefined })}
              />,
            )}
          </>
        );
      case "sendEmail":
        return (
          <>
            {field(
              i,
              "template",
              t("designer.actions.template"),
              <Input
                id={id("template")}
                value={c.template}
                maxLength={80}
                className="h-8 w-44"
                onChange={(e) => set(i, { ...c, template: e.target.value })}
              />,
            )}
            {field(
              i,
              "to",
              t("designer.actions.to"),
              <Input id={id("to")} value={c.to} className="h-8 w-44" onChange={(e) => set(i, { ...c, to: e.target.value })} />,
            )}
          </>
        );
      case "bookAppointment":
        return agendas.length ? (
          field(
            i,
            "agenda",
            t("designer.actions.agendaObject"),
            <Select id={id("agenda")} value={c.objectId} onChange={(e) => set(i, { ...c, objectId: e.target.value })} className="h-8 w-44">
              {agendas.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </Select>,
          )
        ) : (
          <p className="text-xs text-danger">{t("designer.actions.noAgenda")}</p>
        );
      default:
        return null;
    }
  }

  return (
    <div className="space-y-2">
      {commands.length === 0 ? <p className="text-xs text-fg-muted">{t("designer.actions.noCommands")}</p> : null}
      <ol className="space-y-2" aria-label={label}>
        {commands.map((c, i) => (
          <li key={i} className="flex flex-wrap items-center gap-2 rounded-control bg-surface-muted px-2 py-1">
            <span className="text-xs font-semibold">{t(`designer.actions.types.${c.type}`)}</span>
            {editor(c, i)}
            <span className="ml-auto flex gap-1">
              <Button
                size="sm"
                variant="ghost"
                disabled={i === 0}
                aria-label={`${t("designer.editor.moveUp")} ${i + 1}`}
                onClick={() => onChange(swap(commands, i, i - 1))}
              >
                ↑
              </Button>
              <Button
                size="sm"
                variant="ghost"
                disabled={i === commands.length - 1}
                aria-label={`${t("designer.editor.moveDown")} ${i + 1}`}
                onClick={() => onChange(swap(commands, i, i + 1))}
              >
                ↓
              </Button>
              <Button size="sm" variant="ghost" onClick={() => onChange(commands.filter((_, j) => j !== i))}>
                {t("designer.actions.remove")}
              </Button>
            </span>
          </li>
        ))}
      </ol>
      <div className="flex items-center gap-2">
        <label htmlFor={`${idPrefix}-new`} className="sr-only">
          {t("designer.actions.commandType")}
        </label>
        <Select id={`${idPrefix}-new`} value={type} onChange={(e) => setType(e.target.value as CommandType)} className="h-8 w-64">
          {types.map((c) => (
            <option key={c} value={c}>
              {t(`designer.actions.types.${c}`)}
            </option>
          ))}
        </Select>
        <Button size="sm" variant="secondary" onClick={() => onChange([...commands, newCommand(model, type, variables)])}>
          {t("designer.actions.addCommand")}
        </Button>
      </div>
    </div>
  );
}

function swap<T>(list: T[], a: number, b: number): T[] {
  const copy = [...list];
  [copy[a], copy[b]] = [copy[b], copy[a]];
  return copy;
}
