import { defaultsUsing } from "@/lib/admin/usage";
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import { getDb, type Db, type Tx } from "@/db/client";
import { campaigns, qualificationGroups, qualificationStatuses, qualificationSubStatuses } from "@/db/schema";
import type { ListParams } from "@/lib/admin/list";
import { pagedList } from "@/lib/admin/list-query";

export const qualificationGroupSortable = ["name", "currency", "updatedAt"] as const;

export async function listQualificationGroups(params: ListParams) {
  const db = await getDb();
  const g = qualificationGroups;
  return pagedList(db, params, {
    query: () =>
      db
        .select({
          id: g.id,
          name: g.name,
          currency: g.currency,
          archivedAt: g.archivedAt,
          updatedAt: g.updatedAt,
          // Qualified by hand: drizzle writes ${g.id} as a bare "id", which a subquery would take as its own.
          statuses: sql<number>`(select count(*)::int from qualification_statuses s where s.group_id = qualification_groups.id and s.archived_at is null)`,
          campaigns: sql<number>`(select count(*)::int from campaigns c where c.qualification_group_id = qualification_groups.id and c.archived_at is null)`,
        })
        .from(g)
        .$dynamic(),
    search: [g.name],
    sortable: { name: g.name, currency: g.currency, updatedAt: g.updatedAt },
    tiebreak: g.id,
    archived: g.archivedAt,
  });
}

/** A group with its active statuses and their details, in their order. */
export async function readQualificationGroup(db: Db | Tx, id: number) {
  const [group] = await db.select().from(qualificationGroups).where(eq(qualificationGroups.id, id));
  if (!group) return null;
  const statuses = await db
    .select({
      id: qualificationStatuses.id,
      code: qualificationStatuses.code,
      label: qualificationStatuses.label,
      category: qualificationStatuses.category,
      benefit: qualificationStatuses.benefit,
      quotaValidation: qualificationStatuses.quotaValidation,
      quota: qualificationStatuses.quota,
    })
    .from(qualificationStatuses)
    .where(and(eq(qualificationStatuses.groupId, id), isNull(qualificationStatuses.archivedAt)))
    .orderBy(asc(qualificationStatuses.position), asc(qualificationStatuses.id));
  const subs = await activeSubStatuses(
    db,
    statuses.map((s) => s.id),
  );
  return { ...group, statuses: statuses.map((s) => ({ ...s, subStatuses: subs.get(s.id) ?? [] })) };
}
export type QualificationGroupDetail = NonNullable<Awaited<ReturnType<typeof readQualificationGroup>>>;

export async function getQualificationGroup(id: number) {
  return readQualificationGroup(await getDb(), id);
}

/** Active details of the given statuses, grouped by status, in their order. */
export async function activeSubStatuses(db: Db | Tx, statusIds: number[]) {
  const byStatus = new Map<number, { id: number; code: string; label: string }[]>();
  if (statusIds.length === 0) return byStatus;
  const rows = await db
    .select({
      id: qualificationSubStatuses.id,
      statusId: qualificationSubStatuses.statusId,
      code: qualificationSubStatuses.code,
      label: qualificationSubStatuses.label,
    })
    .from(qualificationSubStatuses)
    .where(and(inArray(qualificationSubStatuses.statusId, statusIds), isNull(qualificationSubStatuses.archivedAt)))
    .orderBy(asc(qualificationSubStatuses.position), asc(qualificationSubStatuses.id));
  for (const { statusId, ...sub } of rows) {
    const list = byStatus.get(statusId) ?? [];
    list.push(sub);
    byStatus.set(statusId, list);
  }
  return byStatus;
}

/** Active groups for campaign and default-parameter choices. */
export async function qualificationGroupOptions() {
  const db = await getDb();
  return db
    .select({ id: qualificationGroups.id, name: qualificationGroups.name, currency: qualificationGroups.currency })
    .from(qualificationGroups)
    .where(isNull(qualificationGroups.archivedAt))
    .orderBy(asc(qualificationGroups.name));
}

/** Names of what uses a qualification group (refuses archiving while not empty). */
export async function qualificationGroupUsers(id: number): Promise<string[]> {
  const db = await getDb();
  const rows = await db
    .select({ name: campaigns.name })
    .from(campaigns)
    .where(and(eq(campaigns.qualificationGroupId, id), isNull(campaigns.archivedAt)))
    .orderBy(asc(campaigns.name));
  return [...rows.map((r) => r.name), ...(await defaultsUsing("qualificationGroupId", id))];
}
