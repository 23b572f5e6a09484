import type { CustomerFileMapping } from "@/db/schema/scripts";
import { choiceKinds, dataKinds, type Command, type ScriptModel } from "./model";
import { knownNames, scriptVariableUses } from "./variables";

export type ProblemCode =
  | "noPages"
  | "duplicateObjectName"
  | "duplicateVariable"
  | "pageMissing"
  | "actionMissing"
  | "variableUndefined"
  | "fieldOnNoPage"
  | "noOptions"
  | "unmappedField"
  | "columnMissing"
  | "noCustomerFile"
  | "requiredUnreachable";

/** One reason not to generate; `params` fill the i18n message `designer.problems.<code>`. */
export type Problem = { code: ProblemCode; params: Record<string, string> };

function walk(commands: Command[], visit: (c: Command) => void) {
  for (const c of commands) {
    visit(c);
    if (c.type === "ifEquals") {
      walk(c.then, visit);
      walk(c.else, visit);
    }
  }
}

/** Pages an agent can reach from the first page through buttons and page events. */
export function reachablePages(model: ScriptModel): Set<string> {
  const seen = new Set<string>();
  const queue = model.pages.length ? [model.pages[0].id] : [];
  while (queue.length) {
    const id = queue.shift()!;
    if (seen.has(id)) continue;
    seen.add(id);
    const page = model.pages.find((p) => p.id === id);
    if (!page) continue;
    const actionIds = [page.onEnter, ...page.objects.map((o) => o.actionId)].filter((a): a is string => Boolean(a));
    for (const a of model.actions.filter((x) => actionIds.includes(x.id))) {
      walk(a.commands, (c) => {
        if (c.type === "goToPage") queue.push(c.pageId);
      });
    }
  }
  return seen;
}

/**
 * What «Générer le script» checks. The editor already prevents most dangling references; this
 * catches what editing order or a deleted customer-file column can still leave behind.
 */
export function validateForGeneration(
  model: ScriptModel,
  customerFile: { mapping: CustomerFileMapping; columns: readonly string[] } | null,
): Problem[] {
  const mapping = customerFile?.mapping ?? null;
  const problems: Problem[] = [];
  const add = (code: ProblemCode, params: Record<string, string> = {}) => problems.push({ code, params });
  if (model.pages.length === 0) add("noPages");

  const pageIds = new Set(model.pages.map((p) => p.id));
  const actionIds = new Set(model.actions.map((a) => a.id));
  const objects = model.pages.flatMap((p) => p.objects.map((o) => ({ ...o, page: p.name })));
  const objectIds = new Set(objects.map((o) => o.id));

  const seenNames = new Set<string>();
  for (const o of objects) {
    if (seenNames.has(o.name)) add("duplicateObjectName", { name: o.name });
    seenNames.add(o.name);
    if (o.actionId && !actionIds.has(o.actionId)) add("actionMissing", { where: o.name });
    if (choiceKinds.includes(o.kind) && o.options.length === 0) add("noOptions", { name: o.name });
  }
  const seenVars = new Set<string>();
  for (const v of model.variables) {
    if (seenVars.has(v.name)) add("duplicateVariable", { name: v.name });
    seenVars.add(v.name);
  }
  for (const p of model.pages) if (p.onEnter && !actionIds.has(p.onEnter)) add("actionMissing", { where: p.name });

  for (const a of model.actions) {
    walk(a.commands, (c) => {
      if (c.type === "goToPage" && !pageIds.has(c.pageId)) add("pageMissing", { action: a.name });
      if (c.type === "bookAppointment" && !objectIds.has(c.objectId)) add("fieldOnNoPage", { action: a.name });
    });
  }

  const known = knownNames(model);
  const reported = new Set<string>();
  for (const use of scriptVariableUses(model)) {
    if (known.has(use.name) || reported.has(use.name)) continue;
    reported.add(use.name);
    add("variableUndefined", { name: use.name });
  }

  const reachable = reachablePages(model);
  for (const p of model.pages) {
    if (reachable.has(p.id)) continue;
    for (const o of p.objects) if (o.required) add("requiredUnreachable", { name: o.name, page: p.name });
  }

  // Old columns kept in the table (unmapped) remain valid sources for variables.
  const columns = new Set([...(customerFile?.columns ?? []), ...(mapping?.columns.map((c) => c.column) ?? [])]);
  if (mapping) {
    const mapped = new Set([...mapping.columns.map((c) => c.objectId), ...mapping.excluded]);
    for (const o of objects) if (dataKinds.includes(o.kind) && !mapped.has(o.id)) add("unmappedField", { name: o.name });
  }
  for (const v of model.variables) {
    if (v.source !== "customerFile") continue;
    if (!mapping) add("noCustomerFile", { name: v.name });
    else if (!columns.has(v.ref)) add("columnMissing", { name: v.name, column: v.ref });
  }
  return problems;
}
