import { campaignsUsing, defaultsUsing } from "@/lib/admin/usage";
import { and, asc, count, desc, eq, ilike, isNotNull, isNull, or } from "drizzle-orm";
import { getDb } from "@/db/client";
import { workSchedules } from "@/db/schema";
import { likePattern, PAGE_SIZE, toPage, type ListParams } from "@/lib/admin/list";

export const scheduleSortable = ["name", "timeZone", "updatedAt"] as const;

export async function listSchedules(params: ListParams) {
  const db = await getDb();
  const where = and(
    params.archived === "1" ? isNotNull(workSchedules.archivedAt) : isNull(workSchedules.archivedAt),
    params.q ? or(ilike(workSchedules.name, likePattern(params.q)), ilike(workSchedules.timeZone, likePattern(params.q))) : undefined,
  );
  const column =
    { name: workSchedules.name, timeZone: workSchedules.timeZone, updatedAt: workSchedules.updatedAt }[params.sort as (typeof scheduleSortable)[number]] ??
    workSchedules.name;
  const [rows, [{ total }]] = await Promise.all([
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
      .where(where)
      .orderBy(params.dir === "desc" ? desc(column) : asc(column), asc(workSchedules.id))
      .limit(PAGE_SIZE)
      .offset((params.page - 1) * PAGE_SIZE),
    db.select({ total: count() }).from(workSchedules).where(where),
  ]);
  return toPage(rows, total, params.page);
}

export async function getSchedule(id: number) {
  const db = await getDb();
  const [row] = await db.select().from(workSchedules).where(eq(workSchedules.id, id));
  return row ?? null;
}

/** Active schedules for campaign and default-parameter choices. */
export async function scheduleOptions() {
  const db = await getDb();
  return db.select({ id: workSchedules.id, name: workSchedules.name }).from(workSchedules).where(isNull(workSchedules.archivedAt)).orderBy(asc(workSchedules.name));
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
  const lookups: ((id: number) => Promise<string[]>)[] = [(i) => campaignsUsing("holidayGroupId", i), (i) => defaultsUsing("holidayGroupId", i)];
  return (await Promise.all(lookups.map((lookup) => lookup(id)))).flat();
}
