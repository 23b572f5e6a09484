"use client";

import type { ReactNode } from "react";
import type { ScriptObject } from "@/lib/scripts/model";
import type { FieldProblem } from "@/lib/scripts/interpreter";
import { interpolate, type VariableValue, type VariableValues } from "@/lib/scripts/variables";
import { useT } from "@/lib/i18n/client";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { Select } from "@/components/ui/select";
import { Checkbox } from "@/components/ui/checkbox";

export type ObjectViewProps = {
  object: ScriptObject;
  /** Unique per rendered script, so two renderers on one screen never share ids. */
  idPrefix: string;
  value: VariableValue | undefined;
  values: VariableValues;
  problem?: FieldProblem | null;
  /** The editor's canvas shows objects inert: clicking selects them instead. */
  inert?: boolean;
  onChange?: (value: VariableValue) => void;
  onPress?: () => void;
  /** Live workspace: the agenda object books through this instead of a date field. */
  renderAgenda?: (props: { name: string; value: string; onChange: (value: string) => void; inert: boolean }) => ReactNode;
};

/**
 * One script object as an agent sees it. Every text (labels, evaluated `$VARIABLES`, options) is
 * rendered as a React text node: values from customers are never interpreted as HTML.
 */
export function ObjectView({ object: o, idPrefix, value, values, problem, inert, onChange, onPress, renderAgenda }: ObjectViewProps) {
  const t = useT();
  const id = `${idPrefix}-${o.id}`;
  const label = interpolate(o.label, values);
  const errorId = problem ? `${id}-error` : undefined;
  const aria = {
    "aria-invalid": problem ? (true as const) : undefined,
    "aria-describedby": errorId,
    "aria-required": o.required || undefined,
  };
  const text = typeof value === "string" ? value : "";
  const list = Array.isArray(value) ? value : [];
  const change = (v: VariableValue) => onChange?.(v);
  const caption = (
    <span className="text-sm font-medium text-fg">
      {label}
      {o.required ? (
        <span aria-hidden="true" className="ml-0.5 text-danger">
          *
        </span>
      ) : null}
    </span>
  );
  const error = problem ? (
    <p id={errorId} role="alert" className="text-xs font-medium text-danger">
      {t(`designer.renderer.problems.${problem}`)}
    </p>
  ) : null;

  if (o.kind === "agenda" && renderAgenda)
    return (
      <div className="flex flex-col gap-1.5" data-testid="script-agenda">
        {caption}
        {renderAgenda({ name: o.name, value: text, onChange: (v) => onChange?.(v), inert: !!inert })}
        {error}
      </div>
    );
  switch (o.kind) {
    case "label":
      return (
        <div className="space-y-1" data-object={o.name}>
          {label ? <p className="text-sm font-semibold text-fg">{label}</p> : null}
          <p className="whitespace-pre-wrap text-sm text-fg">{o.evaluate ? interpolate(o.text, values) : o.text}</p>
        </div>
      );
    case "button":
      return (
        <Button type="button" variant="primary" onClick={onPress} disabled={inert} data-object={o.name}>
          {label || o.name}
        </Button>
      );
    case "checkbox":
      return (
        <div className="space-y-1">
          <Checkbox
            id={id}
            label={caption}
            checked={value === true}
            disabled={inert}
            onChange={(e) => change(e.target.checked)}
            {...aria}
          />
          {error}
        </div>
      );
    case "radio":
    case "multiList":
    case "objectionList": {
      const multiple = o.kind !== "radio";
      return (
        <fieldset className="space-y-1" {...(errorId ? { "aria-describedby": errorId } : {})} aria-invalid={problem ? true : undefined}>
          <legend>{caption}</legend>
          <div className="flex flex-wrap gap-x-4 gap-y-1">
            {o.options.map((opt, i) =>
              multiple ? (
                <Checkbox
                  key={i}
                  label={opt.label || opt.value}
                  checked={list.includes(opt.value)}
                  disabled={inert}
                  onChange={(e) => change(e.target.checked ? [...list, opt.value] : list.filter((v) => v !== opt.value))}
                />
              ) : (
                <label key={i} className="inline-flex items-center gap-2 text-sm">
                  <input
                    type="radio"
                    name={id}
                    value={opt.value}
                    checked={text === opt.value}
                    disabled={inert}
                    onChange={() => change(opt.value)}
                    className="accent-accent"
                  />
                  {opt.label || opt.value}
                </label>
              ),
            )}
          </div>
          {error}
        </fieldset>
      );
    }
    default: {
      let control;
      if (o.kind === "textarea")
        control = <Textarea id={id} value={text} disabled={inert} onChange={(e) => change(e.target.value)} {...aria} />;
      else if (o.kind === "list")
        control = (
          <Select
            id={id}
            value={text}
            disabled={inert}
            onChange={(e) => change(e.target.value)}
            placeholder={t("designer.renderer.choose")}
            {...aria}
          >
            {o.options.map((opt, i) => (
              <option key={i} value={opt.value}>
                {opt.label || opt.value}
              </option>
            ))}
          </Select>
        );
      else {
        const type = o.kind === "date" ? "date" : o.kind === "agenda" ? "datetime-local" : "text";
        control = <Input id={id} type={type} value={text} disabled={inert} onChange={(e) => change(e.target.value)} {...aria} />;
      }
      return (
        <div className="flex flex-col gap-1.5">
          <label htmlFor={id}>{caption}</label>
          {control}
          {o.kind === "agenda" ? <p className="text-xs text-fg-muted">{t("designer.renderer.agendaHint")}</p> : null}
          {error}
        </div>
      );
    }
  }
}
