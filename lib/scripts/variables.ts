import { SYSTEM_VARIABLES, type Command, type ScriptModel, type ScriptVariable } from "./model";

/** `$NAME` references; `$$` writes a literal `$`. */
const REFERENCE = /\$(\$|[A-Z_][A-Z0-9_]*)/g;

export type VariableValue = string | string[] | boolean;
export type VariableValues = Record<string, VariableValue>;

/** Names referenced in one text, in order of first use, without duplicates. */
export function extractVariables(text: string): string[] {
  const names = new Set<string>();
  for (const match of text.matchAll(REFERENCE)) if (match[1] !== "$") names.add(match[1]);
  return [...names];
}

export function formatValue(value: VariableValue | undefined): string {
  if (value === undefined) return "";
  if (Array.isArray(value)) return value.join(", ");
  if (typeof value === "boolean") return value ? "1" : "0";
  return value;
}

/**
 * Replaces `$NAME` by its value. The result is plain text: callers render it as a React text node,
 * so a customer named `<img src=x onerror=…>` shows as typed. An unknown variable stays as
 * written (`$INCONNU`), which shows the mistake instead of silently printing nothing.
 */
export function interpolate(text: string, values: VariableValues): string {
  return text.replace(REFERENCE, (whole, name: string) => {
    if (name === "$") return "$";
    return Object.prototype.hasOwnProperty.call(values, name) ? formatValue(values[name]) : whole;
  });
}

export type VariableUse = { name: string; where: "text" | "action" | "visibility" };

function commandUses(commands: Command[], out: VariableUse[]) {
  for (const c of commands) {
    if (c.type === "setVariable") {
      out.push({ name: c.variable, where: "action" });
      for (const n of extractVariables(c.value)) out.push({ name: n, where: "action" });
    } else if (c.type === "ifEquals") {
      out.push({ name: c.variable, where: "action" });
      commandUses(c.then, out);
      commandUses(c.else, out);
    } else if (c.type === "sendEmail") {
      for (const n of extractVariables(c.to)) out.push({ name: n, where: "action" });
    }
  }
}

/** Every variable the script's texts, actions and visibility rules use. */
export function scriptVariableUses(model: ScriptModel): VariableUse[] {
  const out: VariableUse[] = [];
  for (const page of model.pages) {
    for (const o of page.objects) {
      for (const t of [o.text, o.label, o.defaultValue]) for (const n of extractVariables(t)) out.push({ name: n, where: "text" });
      if (o.visibleWhen) out.push({ name: o.visibleWhen.variable, where: "visibility" });
    }
  }
  for (const a of model.actions) commandUses(a.commands, out);
  return out.filter((u) => u.name !== "");
}

/** Names a script may read: its global variables, its objects' names and the system variables. */
export function knownNames(model: ScriptModel): Set<string> {
  const names = new Set<string>(SYSTEM_VARIABLES);
  for (const v of model.variables) names.add(v.name);
  for (const p of model.pages) for (const o of p.objects) if (o.kind !== "label" && o.kind !== "button") names.add(o.name);
  return names;
}

/**
 * «Création Auto Variable»: every `$VAR` the script uses, minus `$INDICE` and `$GUID_CONTACT_ID`,
 * added to the existing list (existing entries and their sources are kept). A name that is also
 * a customer-file column is sourced from that column.
 */
export function autoCreateVariables(model: ScriptModel, customerColumns: readonly string[] = []): ScriptVariable[] {
  const result = [...model.variables];
  const present = new Set(result.map((v) => v.name));
  const columns = new Set(customerColumns);
  for (const { name } of scriptVariableUses(model)) {
    if (present.has(name) || (SYSTEM_VARIABLES as readonly string[]).includes(name)) continue;
    present.add(name);
    result.push(
      columns.has(name)
        ? { name, source: "customerFile", ref: name, defaultValue: "" }
        : { name, source: "constant", ref: "", defaultValue: "" },
    );
  }
  return result;
}
