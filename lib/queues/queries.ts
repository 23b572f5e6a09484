import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { campaigns, queues } from "@/db/schema";
import type { ListParams } from "@/lib/admin/list";
import { pagedList } from "@/lib/admin/list-query";

export const queueSortable = ["code", "description", "updatedAt"] as const;

export async function listQueues(params: ListParams) {
  const db = await getDb();
  return pagedList(db, params, {
    query: () =>
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
        .$dynamic(),
    search: [queues.code, queues.description],
    sortable: { code: queues.code, description: queues.description, updatedAt: queues.updatedAt },
    tiebreak: queues.id,
    archived: queues.archivedAt,
  });
}

export async function getQueue(id: number) {
  const db = await getDb();
  const [row] = await db.select().from(queues).where(eq(queues.id, id));
  return row ?? null;
}

/** Active queues for campaign and default-parameter choices. */
export async function queueOptions() {
  const db = await getDb();
  return db
    .select({ id: queues.id, code: queues.code, description: queues.description })
    .from(queues)
    .where(isNull(queues.archivedAt))
    .orderBy(asc(queues.code));
}

/** Names of what uses a queue (refuses archiving while not empty). */
export async function queueUsers(id: number): Promise<string[]> {
  const db = await getDb();
  const rows = await db
    .select({ name: campaigns.name })
    .from(campaigns)
    .where(and(eq(campaigns.queueId, id), isNull(campaigns.archivedAt)));
  return rows.map((r) => r.name);
}
