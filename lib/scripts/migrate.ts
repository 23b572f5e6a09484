import { SCRIPT_MODEL_VERSION, scriptModelSchema, type ScriptModel } from "./model";

type Raw = Record<string, unknown>;

/**
 * Version 1 is the first stored shape: objects had `type` and a pixel-free `x/y/w` layout,
 * buttons carried their action name, and global variables were bare names. Each step takes a
 * model of version n to n+1; stored drafts and generated versions are upgraded when read, never
 * rewritten in place (generated versions are immutable).
 */
const steps: Record<number, (m: Raw) => Raw> = {
  1: (m) => {
    const actions = Array.isArray(m.actions) ? (m.actions as Raw[]) : [];
    const actionIdByName = new Map(actions.map((a) => [String(a.name), String(a.id)]));
    const pages = (Array.isArray(m.pages) ? (m.pages as Raw[]) : []).map((p) => ({
      id: p.id,
      name: p.title ?? p.name,
      onEnter: null,
      objects: (Array.isArray(p.objects) ? (p.objects as Raw[]) : []).map((o) => ({
        id: o.id,
        kind: o.type === "text" ? "label" : o.type,
        name: o.name,
        label: o.label ?? "",
        text: o.text ?? "",
        evaluate: Boolean(o.evaluate),
        defaultValue: o.value ?? "",
        required: Boolean(o.required),
        options: Array.isArray(o.choices) ? (o.choices as string[]).map((c) => ({ value: c, label: c })) : [],
        layout: { row: Number(o.y ?? 0), col: Number(o.x ?? 0), width: Number(o.w ?? 12) },
        actionId: typeof o.action === "string" ? (actionIdByName.get(o.action) ?? null) : null,
      })),
    }));
    const variables = (Array.isArray(m.variables) ? (m.variables as unknown[]) : []).map((v) =>
      typeof v === "string" ? { name: v.replace(/^\$/, ""), source: "constant", ref: "", defaultValue: "" } : v,
    );
    return { ...m, version: 2, pages, actions, variables };
  },
};

export class ScriptModelVersionError extends Error {}

/** Brings a stored model (any known version) to the current shape, without validating it. */
export function migrateScriptModel(raw: unknown): unknown {
  if (!raw || typeof raw !== "object") return raw;
  let model = raw as Raw;
  let version = typeof model.version === "number" ? model.version : 1;
  if (version > SCRIPT_MODEL_VERSION) {
    throw new ScriptModelVersionError(`Script model version ${version} is newer than this Relais (${SCRIPT_MODEL_VERSION})`);
  }
  while (version < SCRIPT_MODEL_VERSION) {
    const step = steps[version];
    if (!step) throw new ScriptModelVersionError(`No migration from script model version ${version}`);
    model = step(model);
    version = model.version as number;
  }
  return model;
}

/** Reads a stored model: migrated, then validated by the one schema. Throws on invalid data. */
export function parseScriptModel(raw: unknown): ScriptModel {
  return scriptModelSchema.parse(migrateScriptModel(raw));
}

export function safeParseScriptModel(raw: unknown) {
  try {
    return scriptModelSchema.safeParse(migrateScriptModel(raw));
  } catch (err) {
    return { success: false as const, error: err as Error };
  }
}
