// Graph API request plumbing shared by the edges: the `fields` syntax with nested expansion
// (`messages.limit(5){id,message}`), and cursor paging as Graph does it.

export interface FieldSpec {
  name: string;
  limit?: number;
  /** Other modifiers of an expanded edge, e.g. `.order(reverse_chronological)`. */
  modifiers?: Record<string, string>;
  sub?: FieldSpec[];
}

/** Parses a `fields` value; returns an error message for malformed syntax. */
export function parseFields(raw: string): FieldSpec[] | string {
  const parts: string[] = [];
  let depth = 0;
  let current = "";
  for (const ch of raw) {
    if (ch === "{" || ch === "(") depth++;
    if (ch === "}" || ch === ")") depth--;
    if (depth < 0) return `Syntax error "Unexpected '${ch}'" in fields`;
    if (ch === "," && depth === 0) {
      parts.push(current);
      current = "";
    } else current += ch;
  }
  if (depth !== 0) return `Syntax error "Expected '}'" in fields`;
  parts.push(current);
  const specs: FieldSpec[] = [];
  for (const part of parts.map((p) => p.trim()).filter(Boolean)) {
    const m = /^([a-z_]+)((?:\.[a-z_]+\([^)]*\))*)(?:\{(.*)\})?$/s.exec(part);
    if (!m) return `Syntax error "Unexpected '${part}'" in fields`;
    const spec: FieldSpec = { name: m[1] };
    for (const [, key, value] of (m[2] ?? "").matchAll(/\.([a-z_]+)\(([^)]*)\)/g)) {
      if (key === "limit" && /^\d+$/.test(value)) spec.limit = Number(value);
      else if (key !== "limit") spec.modifiers = { ...spec.modifiers, [key]: value };
    }
    if (m[3] !== undefined) {
      const sub = parseFields(m[3]);
      if (typeof sub === "string") return sub;
      spec.sub = sub;
    }
    specs.push(spec);
  }
  return specs;
}

export function fieldsOrDefault(url: URL, defaults: string): FieldSpec[] | string {
  return parseFields(url.searchParams.get("fields") || defaults);
}

export function encodeCursor(id: string): string {
  return Buffer.from(id, "utf8").toString("base64");
}

function decodeCursor(cursor: string): string {
  return Buffer.from(cursor, "base64").toString("utf8");
}

export interface Paged<T> {
  /** The items of this page that the caller may see (deleted ones are dropped after the cut). */
  items: T[];
  paging?: { cursors: { before: string; after: string }; next?: string; previous?: string };
}

export const DEFAULT_LIMIT = 25;
export const MAX_LIMIT = 100;

export function limitParam(raw: string | null | undefined, fallback = DEFAULT_LIMIT): number {
  const n = Number(raw);
  return Number.isInteger(n) && n > 0 ? Math.min(n, MAX_LIMIT) : fallback;
}

/**
 * Cuts one page out of `all` the way Graph does: the page is a window of `limit` items, and
 * items the caller cannot see are removed AFTER the cut. Pages can therefore be short, even
 * empty, and still have `next`; `next` is given whenever the window was full. Returns a string
 * for an unknown cursor.
 */
export function pageOf<T extends { id: string }>(
  all: T[],
  opts: { limit: number; after?: string | null; before?: string | null; visible?: (t: T) => boolean; linkBase?: URL },
): Paged<T> | string {
  let start = 0;
  let end: number;
  if (opts.after) {
    const idx = all.findIndex((t) => t.id === decodeCursor(opts.after!));
    if (idx < 0) return "The after cursor is not valid";
    start = idx + 1;
    end = Math.min(all.length, start + opts.limit);
  } else if (opts.before) {
    const idx = all.findIndex((t) => t.id === decodeCursor(opts.before!));
    if (idx < 0) return "The before cursor is not valid";
    end = idx;
    start = Math.max(0, end - opts.limit);
  } else {
    end = Math.min(all.length, opts.limit);
  }
  const window = all.slice(start, end);
  const items = opts.visible ? window.filter(opts.visible) : window;
  if (!window.length) return { items };
  const cursors = { before: encodeCursor(window[0].id), after: encodeCursor(window[window.length - 1].id) };
  const paging: NonNullable<Paged<T>["paging"]> = { cursors };
  if (opts.linkBase) {
    const link = (key: "after" | "before", value: string) => {
      const u = new URL(opts.linkBase!.href);
      u.searchParams.delete("after");
      u.searchParams.delete("before");
      u.searchParams.set("limit", String(opts.limit));
      u.searchParams.set(key, value);
      return u.href;
    };
    if (window.length === opts.limit) paging.next = link("after", cursors.after);
    if (start > 0) paging.previous = link("before", cursors.before);
  }
  return { items, paging };
}
