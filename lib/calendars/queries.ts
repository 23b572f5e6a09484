import { campaignsUsing, defaultsUsing } from "@/lib/admin/usage";
import { asc, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { workSchedules } from "@/db/schema";
import type { ListParams } from "@/lib/admin/list";
import { pagedList } from "@/lib/admin/list-query";

export const scheduleSortable = ["name", "timeZone", "updatedAt"] as const;

export async function listSchedules(params: ListParams) {
  const db = await getDb();
  return pagedList(db, params, {
    query: () =>
      db
        .select({
          id: workSchedules.id,
          name: workSchedules.name,
          timeZone: workSchedules.timeZone,
          days: workSchedules.days,
          archivedAt: workSchedules.archivedAt,
          updatedAt: workSchedules.updatedAt,
        })
        .from(workSchedules)
        .$dynamic(),
    search: [workSchedules.name, workSchedules.timeZone],
    sortable: { name: workSchedules.name, timeZone: workSchedules.timeZone, updatedAt: workSchedules.updatedAt },
    tiebreak: workSchedules.id,
    archived: workSchedules.archivedAt,
  });
}

export async function getSchedule(id: number) {
  const db = await getDb();
  const [row] = await db.select().from(workSchedules).where(eq(workSchedules.id, id));
  return row ?? null;
}

/** Active schedules for campaign and default-parameter choices. */
export async function scheduleOptions() {
  const db = await getDb();
  return db
    .select({ id: workSchedules.id, name: workSchedules.name })
    .from(workSchedules)
    .where(isNull(workSchedules.archivedAt))
    .orderBy(asc(workSchedules.name));
}

/**
 * Names of what uses a schedule (refuses archiving while not empty). Campaigns («Horaires de
 * service») and default parameters will point at schedules: add their lookups here when their
 * columns exist.
 */
export async function scheduleUsers(id: number): Promise<string[]> {
  const lookups: ((id: number) => Promise<string[]>)[] = [(i) => campaignsUsing("scheduleId", i), (i) => defaultsUsing("scheduleId", i)];
  return (await Promise.all(lookups.map((lookup) => lookup(id)))).flat();
}

/** Names of what uses a holiday group; same extension point as scheduleUsers. */
export async function holidayGroupUsers(id: number): Promise<string[]> {
  const lookups: ((id: number) => Promise<string[]>)[] = [
    (i) => campaignsUsing("holidayGroupId", i),
    (i) => defaultsUsing("holidayGroupId", i),
  ];
  return (await Promise.all(lookups.map((lookup) => lookup(id)))).flat();
}
