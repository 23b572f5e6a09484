import { z } from "zod";

export const PAGE_SIZE = 25;

/** A list page's URL state: search, sort column and direction, page, archived toggle. */
export const listParamsSchema = z.object({
  q: z.string().trim().max(100).optional().default(""),
  sort: z.string().max(40).optional(),
  dir: z.enum(["asc", "desc"]).optional().default("asc"),
  page: z.coerce.number().int().min(1).max(100_000).optional().default(1),
  archived: z.enum(["0", "1"]).optional().default("0"),
});
export type ListParams = z.infer<typeof listParamsSchema>;

export function parseListParams(searchParams: Record<string, string | string[] | undefined>, sortable: readonly string[]): ListParams {
  const flat = Object.fromEntries(Object.entries(searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const parsed = listParamsSchema.safeParse(flat);
  const params = parsed.success ? parsed.data : listParamsSchema.parse({});
  if (!params.sort || !sortable.includes(params.sort)) params.sort = sortable[0];
  return params;
}

/** `%term%` for ILIKE with the user's wildcards taken literally. */
export function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export interface Page<T> {
  rows: T[];
  total: number;
  page: number;
  pageCount: number;
}

export function toPage<T>(rows: T[], total: number, page: number): Page<T> {
  return { rows, total, page, pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
}
