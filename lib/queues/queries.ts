import { and, asc, count, desc, eq, ilike, isNotNull, isNull, or, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { campaigns, queues } from "@/db/schema";
import { likePattern, PAGE_SIZE, toPage, type ListParams } from "@/lib/admin/list";

export const queueSortable = ["code", "description", "updatedAt"] as const;

export async function listQueues(params: ListParams) {
  const db = await getDb();
  const where = and(
    params.archived === "1" ? isNotNull(queues.archivedAt) : isNull(queues.archivedAt),
    params.q ? or(ilike(queues.code, likePattern(params.q)), ilike(queues.description, likePattern(params.q))) : undefined,
  );
  const column = { code: queues.code, description: queues.description, updatedAt: queues.updatedAt }[params.sort as (typeof queueSortable)[number]] ?? queues.code;
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({
        id: queues.id,
        code: queues.code,
        description: queues.description,
        archivedAt: queues.archivedAt,
        updatedAt: queues.updatedAt,
        // Written out: drizzle drops the table name of a single-table query, so ${queues.id} would bind to c.id.
        campaigns: sql<number>`(select count(*)::int from campaigns c where c.queue_id = "queues"."id" and c.archived_at is null)`,
      })
      .from(queues)
      .where(where)
      .orderBy(params.dir === "desc" ? desc(column) : asc(column), asc(queues.id))
      .limit(PAGE_SIZE)
      .offset((params.page - 1) * PAGE_SIZE),
    db.select({ total: count() }).from(queues).where(where),
  ]);
  return toPage(rows, total, params.page);
}

export async function getQueue(id: number) {
  const db = await getDb();
  const [row] = await db.select().from(queues).where(eq(queues.id, id));
  return row ?? null;
}

/** Active queues for campaign and default-parameter choices. */
export async function queueOptions() {
  const db = await getDb();
  return db.select({ id: queues.id, code: queues.code, description: queues.description }).from(queues).where(isNull(queues.archivedAt)).orderBy(asc(queues.code));
}

/** Names of what uses a queue (refuses archiving while not empty). */
export async function queueUsers(id: number): Promise<string[]> {
  const db = await getDb();
  const rows = await db.select({ name: campaigns.name }).from(campaigns).where(and(eq(campaigns.queueId, id), isNull(campaigns.archivedAt)));
  return rows.map((r) => r.name);
}
