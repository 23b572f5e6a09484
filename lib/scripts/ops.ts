import {
  GRID_COLUMNS,
  type Command,
  type ObjectKind,
  type ScriptAction,
  type ScriptModel,
  type ScriptObject,
  type ScriptPage,
} from "./model";

/**
 * Editor operations on the model: pure functions returning a new model, so the editor is a
 * reducer and these are testable without a browser. Deleting something still referenced is
 * refused with the names of its users, so the editor never creates a dangling reference.
 */
export class InUseError extends Error {
  constructor(public readonly users: string[]) {
    super(`In use by ${users.join(", ")}`);
  }
}

export function nextId(prefix: string, taken: Iterable<string>): string {
  const set = new Set(taken);
  let n = 1;
  while (set.has(`${prefix}${n}`)) n++;
  return `${prefix}${n}`;
}

const allObjects = (m: ScriptModel) => m.pages.flatMap((p) => p.objects);

export function findObject(m: ScriptModel, objectId: string): { page: ScriptPage; object: ScriptObject } | null {
  for (const page of m.pages) {
    const object = page.objects.find((o) => o.id === objectId);
    if (object) return { page, object };
  }
  return null;
}

function walk(commands: Command[], visit: (c: Command) => void) {
  for (const c of commands) {
    visit(c);
    if (c.type === "ifEquals") {
      walk(c.then, visit);
      walk(c.else, visit);
    }
  }
}

function actionsWhere(m: ScriptModel, test: (c: Command) => boolean): string[] {
  return m.actions
    .filter((a) => {
      let hit = false;
      walk(a.commands, (c) => (hit ||= test(c)));
      return hit;
    })
    .map((a) => a.name);
}

export const pageUsers = (m: ScriptModel, pageId: string) => actionsWhere(m, (c) => c.type === "goToPage" && c.pageId === pageId);
export const objectUsers = (m: ScriptModel, objectId: string) =>
  actionsWhere(m, (c) => c.type === "bookAppointment" && c.objectId === objectId);
export function actionUsers(m: ScriptModel, actionId: string): string[] {
  return [
    ...m.pages.filter((p) => p.onEnter === actionId).map((p) => p.name),
    ...allObjects(m)
      .filter((o) => o.actionId === actionId)
      .map((o) => o.name),
  ];
}

const mapPages = (m: ScriptModel, f: (p: ScriptPage) => ScriptPage): ScriptModel => ({ ...m, pages: m.pages.map(f) });

export function addPage(m: ScriptModel, name: string): { model: ScriptModel; pageId: string } {
  const pageId = nextId(
    "p",
    m.pages.map((p) => p.id),
  );
  return { model: { ...m, pages: [...m.pages, { id: pageId, name, objects: [], onEnter: null }] }, pageId };
}

export function updatePage(m: ScriptModel, pageId: string, patch: Partial<Pick<ScriptPage, "name" | "onEnter">>): ScriptModel {
  return mapPages(m, (p) => (p.id === pageId ? { ...p, ...patch } : p));
}

function move<T>(list: T[], index: number, delta: number): T[] {
  const to = index + delta;
  if (index < 0 || to < 0 || to >= list.length) return list;
  const copy = [...list];
  const [item] = copy.splice(index, 1);
  copy.splice(to, 0, item);
  return copy;
}

/** The first page is where the script starts, so order matters. */
export function movePage(m: ScriptModel, pageId: string, delta: number): ScriptModel {
  return {
    ...m,
    pages: move(
      m.pages,
      m.pages.findIndex((p) => p.id === pageId),
      delta,
    ),
  };
}

export function deletePage(m: ScriptModel, pageId: string): ScriptModel {
  const page = m.pages.find((p) => p.id === pageId);
  if (!page) return m;
  const users = [...pageUsers(m, pageId), ...page.objects.flatMap((o) => objectUsers(m, o.id))];
  if (users.length) throw new InUseError(users);
  return { ...m, pages: m.pages.filter((p) => p.id !== pageId) };
}

const namePrefix: Record<ObjectKind, string> = {
  label: "TEXT",
  input: "INPUT",
  textarea: "NOTES",
  list: "LIST",
  multiList: "MULTI",
  objectionList: "OBJECTIONS",
  checkbox: "CHECK",
  radio: "CHOICE",
  date: "DATE",
  agenda: "APPOINTMENT",
  button: "BUTTON",
};

/** Adds an object below the page's last row, with a free name and a sensible width. */
export function addObject(m: ScriptModel, pageId: string, kind: ObjectKind, label: string): { model: ScriptModel; objectId: string } {
  const objects = allObjects(m);
  const objectId = nextId(
    "o",
    objects.map((o) => o.id),
  );
  const page = m.pages.find((p) => p.id === pageId);
  const row = page && page.objects.length ? Math.max(...page.objects.map((o) => o.layout.row)) + 1 : 0;
  const name = nextId(
    `${namePrefix[kind]}_`,
    objects.map((o) => o.name),
  );
  const object: ScriptObject = {
    id: objectId,
    kind,
    name,
    label,
    text: "",
    evaluate: false,
    defaultValue: "",
    required: false,
    pattern: "",
    minLength: null,
    maxLength: null,
    options: [],
    layout: { row, col: 0, width: kind === "button" ? 3 : kind === "label" ? GRID_COLUMNS : 6 },
    visibleWhen: null,
    actionId: null,
  };
  return { model: mapPages(m, (p) => (p.id === pageId ? { ...p, objects: [...p.objects, object] } : p)), objectId };
}

export function updateObject(m: ScriptModel, objectId: string, patch: Partial<ScriptObject>): ScriptModel {
  return mapPages(m, (p) => ({ ...p, objects: p.objects.map((o) => (o.id === objectId ? { ...o, ...patch } : o)) }));
}

/** Moves (rows/columns) or resizes an object on the 12-column grid, staying inside it. */
export function moveObject(m: ScriptModel, objectId: string, d: { row?: number; col?: number; width?: number }): ScriptModel {
  const found = findObject(m, objectId);
  if (!found) return m;
  const l = found.object.layout;
  const width = Math.min(GRID_COLUMNS, Math.max(1, l.width + (d.width ?? 0)));
  const col = Math.min(GRID_COLUMNS - width, Math.max(0, l.col + (d.col ?? 0)));
  const row = Math.min(999, Math.max(0, l.row + (d.row ?? 0)));
  return updateObject(m, objectId, { layout: { row, col, width } });
}

export function deleteObject(m: ScriptModel, objectId: string): ScriptModel {
  const users = objectUsers(m, objectId);
  if (users.length) throw new InUseError(users);
  return mapPages(m, (p) => ({ ...p, objects: p.objects.filter((o) => o.id !== objectId) }));
}

/** Objects in reading order (row, then column): the order of the keyboard and of screen readers. */
export function orderedObjects(page: ScriptPage): ScriptObject[] {
  return [...page.objects].sort((a, b) => a.layout.row - b.layout.row || a.layout.col - b.layout.col);
}

export function addAction(m: ScriptModel, name: string): { model: ScriptModel; actionId: string } {
  const actionId = nextId(
    "a",
    m.actions.map((a) => a.id),
  );
  return { model: { ...m, actions: [...m.actions, { id: actionId, name, commands: [] }] }, actionId };
}

export function updateAction(m: ScriptModel, actionId: string, patch: Partial<Pick<ScriptAction, "name" | "commands">>): ScriptModel {
  return { ...m, actions: m.actions.map((a) => (a.id === actionId ? { ...a, ...patch } : a)) };
}

export function deleteAction(m: ScriptModel, actionId: string): ScriptModel {
  const users = actionUsers(m, actionId);
  if (users.length) throw new InUseError(users);
  return { ...m, actions: m.actions.filter((a) => a.id !== actionId) };
}

/** A new command of a type, pointing at the first existing target so it is never dangling. */
export function newCommand(m: ScriptModel, type: Command["type"], variables: string[]): Command {
  switch (type) {
    case "goToPage":
      return { type, pageId: m.pages[0]?.id ?? "" };
    case "setVariable":
      return { type, variable: variables[0] ?? "", value: "" };
    case "ifEquals":
      return { type, variable: variables[0] ?? "", equals: "", then: [], else: [] };
    case "qualify":
      return { type, status: "" };
    case "sendEmail":
      return { type, template: "", to: "" };
    case "bookAppointment":
      return { type, objectId: allObjects(m).find((o) => o.kind === "agenda")?.id ?? "" };
    default:
      return { type } as Command;
  }
}

/**
 * What in a script takes appointments: its agenda objects and the actions that book one (names).
 * Empty when the script never touches the agenda (the campaign summary's agenda element).
 */
export function agendaUse(m: ScriptModel): string[] {
  const objects = allObjects(m)
    .filter((o) => o.kind === "agenda")
    .map((o) => o.name);
  return [...objects, ...actionsWhere(m, (c) => c.type === "bookAppointment")];
}
