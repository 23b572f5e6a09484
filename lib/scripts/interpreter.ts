import { dataKinds, type Command, type ScriptModel, type ScriptObject } from "./model";
import { formatValue, interpolate, type VariableValue, type VariableValues } from "./variables";

/** Where a running script is: the page shown, every value, the pages seen, and whether it ended. */
export type RunState = { pageId: string | null; values: VariableValues; visited: string[]; ended: boolean };

/**
 * Commands with effects outside the script. The interpreter never performs them: the designer's
 * preview lists them, the agent workspace carries them out (save, qualify, email, booking, close).
 */
export type Effect =
  | { type: "saveCustomerFile"; values: VariableValues }
  | { type: "qualify"; status: string; detail?: string }
  | { type: "sendEmail"; template: string; to: string }
  | { type: "bookAppointment"; objectName: string; value: string }
  | { type: "endConversation" };

export type FieldProblem = "required" | "pattern" | "minLength" | "maxLength";
export type RunError = { code: "invalidFields"; fields: Record<string, FieldProblem> } | { code: "tooManySteps" } | { code: "ended" };
export type RunResult = { state: RunState; effects: Effect[]; error?: RunError };

// A script whose page events jump back and forth forever must stop, not freeze a browser.
const MAX_STEPS = 500;

export function objectsOf(model: ScriptModel, pageId: string | null): ScriptObject[] {
  return model.pages.find((p) => p.id === pageId)?.objects ?? [];
}

export function isVisible(object: ScriptObject, values: VariableValues): boolean {
  if (!object.visibleWhen) return true;
  return formatValue(values[object.visibleWhen.variable]) === object.visibleWhen.equals;
}

function initialValue(o: ScriptObject, values: VariableValues): VariableValue {
  const text = interpolate(o.defaultValue, values);
  if (o.kind === "checkbox") return text === "1" || text.toLowerCase() === "true";
  if (o.kind === "multiList" || o.kind === "objectionList")
    return text
      ? text
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean)
      : [];
  return text;
}

/** Starts a script: variables' defaults, then the given values (sample or real), then objects' defaults. */
export function startScript(model: ScriptModel, given: VariableValues = {}): RunResult {
  const values: VariableValues = {};
  for (const v of model.variables) values[v.name] = v.defaultValue;
  Object.assign(values, given);
  for (const page of model.pages) {
    for (const o of page.objects) {
      if (dataKinds.includes(o.kind) && !Object.prototype.hasOwnProperty.call(values, o.name)) values[o.name] = initialValue(o, values);
    }
  }
  const first = model.pages[0]?.id ?? null;
  const state: RunState = { pageId: first, values, visited: first ? [first] : [], ended: false };
  const run = new Run(model, state);
  if (first) run.enter(first);
  return run.result();
}

export function setValue(state: RunState, name: string, value: VariableValue): RunState {
  return { ...state, values: { ...state.values, [name]: value } };
}

/** Problems of the visible data fields on the pages seen so far (what an agent must fix). */
export function fieldProblems(model: ScriptModel, state: RunState): Record<string, FieldProblem> {
  const problems: Record<string, FieldProblem> = {};
  for (const pageId of state.visited) {
    for (const o of objectsOf(model, pageId)) {
      if (!dataKinds.includes(o.kind) || !isVisible(o, state.values)) continue;
      const problem = checkField(o, state.values[o.name]);
      if (problem) problems[o.name] = problem;
    }
  }
  return problems;
}

export function checkField(o: ScriptObject, value: VariableValue | undefined): FieldProblem | null {
  const empty = value === undefined || value === false || (Array.isArray(value) ? value.length === 0 : value === "");
  if (empty) return o.required ? "required" : null;
  if (typeof value !== "string") return null;
  if (o.minLength !== null && value.length < o.minLength) return "minLength";
  if (o.maxLength !== null && value.length > o.maxLength) return "maxLength";
  if (o.pattern && !new RegExp(`^(?:${o.pattern})$`).test(value)) return "pattern";
  return null;
}

/** Runs a named action (a button's or a page event's) from the given state. */
export function runAction(model: ScriptModel, state: RunState, actionId: string): RunResult {
  const run = new Run(model, { ...state, values: { ...state.values }, visited: [...state.visited] });
  if (state.ended) run.error = { code: "ended" };
  else run.action(actionId);
  return run.result();
}

class Run {
  effects: Effect[] = [];
  error: RunError | undefined;
  private steps = 0;
  constructor(
    private readonly model: ScriptModel,
    private readonly state: RunState,
  ) {}

  result(): RunResult {
    return { state: this.state, effects: this.effects, ...(this.error ? { error: this.error } : {}) };
  }

  action(actionId: string | null) {
    const action = this.model.actions.find((a) => a.id === actionId);
    if (action) this.commands(action.commands);
  }

  enter(pageId: string) {
    this.state.pageId = pageId;
    if (!this.state.visited.includes(pageId)) this.state.visited.push(pageId);
    this.action(this.model.pages.find((p) => p.id === pageId)?.onEnter ?? null);
  }

  /** Returns false when the run must stop (error, end of conversation). */
  commands(list: Command[]): boolean {
    for (const c of list) {
      if (this.error || this.state.ended) return false;
      if (++this.steps > MAX_STEPS) {
        this.error = { code: "tooManySteps" };
        return false;
      }
      if (!this.command(c)) return false;
    }
    return true;
  }

  private guardFields(): boolean {
    const fields = fieldProblems(this.model, this.state);
    if (Object.keys(fields).length === 0) return true;
    this.error = { code: "invalidFields", fields };
    return false;
  }

  private command(c: Command): boolean {
    const values = this.state.values;
    switch (c.type) {
      case "goToPage":
        if (this.model.pages.some((p) => p.id === c.pageId)) this.enter(c.pageId);
        return !this.error;
      case "setVariable":
        values[c.variable] = interpolate(c.value, values);
        return true;
      case "ifEquals":
        return this.commands(formatValue(values[c.variable]) === c.equals ? c.then : c.else);
      case "saveCustomerFile": {
        if (!this.guardFields()) return false;
        const saved: VariableValues = {};
        for (const p of this.model.pages) for (const o of p.objects) if (dataKinds.includes(o.kind)) saved[o.name] = values[o.name] ?? "";
        this.effects.push({ type: "saveCustomerFile", values: saved });
        return true;
      }
      case "qualify":
        if (!this.guardFields()) return false;
        this.effects.push(
          c.detail?.trim() ? { type: "qualify", status: c.status, detail: c.detail.trim() } : { type: "qualify", status: c.status },
        );
        return true;
      case "sendEmail":
        this.effects.push({ type: "sendEmail", template: c.template, to: interpolate(c.to, values) });
        return true;
      case "bookAppointment": {
        const o = this.model.pages.flatMap((p) => p.objects).find((x) => x.id === c.objectId);
        if (!o) return true;
        if (!formatValue(values[o.name])) {
          this.error = { code: "invalidFields", fields: { [o.name]: "required" } };
          return false;
        }
        this.effects.push({ type: "bookAppointment", objectName: o.name, value: formatValue(values[o.name]) });
        return true;
      }
      case "endConversation":
        if (!this.guardFields()) return false;
        this.effects.push({ type: "endConversation" });
        this.state.ended = true;
        return false;
    }
  }
}
