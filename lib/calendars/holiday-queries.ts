import { asc, eq, ilike, inArray, isNull, or, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { holidayGroups, holidays, holidaySounds } from "@/db/schema";
import { likePattern, type ListParams } from "@/lib/admin/list";
import { pagedList } from "@/lib/admin/list-query";
import type { HolidayRule } from "./hours";

export const holidayGroupSortable = ["name", "updatedAt"] as const;

export async function listHolidayGroups(params: ListParams) {
  const db = await getDb();
  return pagedList(db, params, {
    query: () =>
      db
        .select({
          id: holidayGroups.id,
          name: holidayGroups.name,
          archivedAt: holidayGroups.archivedAt,
          updatedAt: holidayGroups.updatedAt,
          holidays: sql<number>`(select count(*)::int from holidays h where h.group_id = ${holidayGroups.id})`,
        })
        .from(holidayGroups)
        .$dynamic(),
    // A group is found by its name or by the label of one of its holidays.
    search: (q) =>
      or(
        ilike(holidayGroups.name, likePattern(q)),
        sql`exists (select 1 from holidays h where h.group_id = ${holidayGroups.id} and h.label ilike ${likePattern(q)})`,
      ),
    sortable: { name: holidayGroups.name, updatedAt: holidayGroups.updatedAt },
    tiebreak: holidayGroups.id,
    archived: holidayGroups.archivedAt,
  });
}

/** Holidays of a group in their order, with the name and size of their sound (never its bytes). */
export async function holidaysOf(groupIds: number[]) {
  if (groupIds.length === 0) return [];
  const db = await getDb();
  return db
    .select({
      id: holidays.id,
      groupId: holidays.groupId,
      label: holidays.label,
      date: holidays.date,
      recurring: holidays.recurring,
      part: holidays.part,
      soundId: holidays.soundId,
      soundName: holidaySounds.fileName,
      soundSize: holidaySounds.size,
    })
    .from(holidays)
    .leftJoin(holidaySounds, eq(holidaySounds.id, holidays.soundId))
    .where(inArray(holidays.groupId, groupIds))
    .orderBy(asc(holidays.position), asc(holidays.id));
}

export async function getHolidayGroup(id: number) {
  const db = await getDb();
  const [group] = await db.select().from(holidayGroups).where(eq(holidayGroups.id, id));
  if (!group) return null;
  return { ...group, holidays: await holidaysOf([id]) };
}

/** Active holiday groups for campaign and default-parameter choices. */
export async function holidayGroupOptions() {
  const db = await getDb();
  return db
    .select({ id: holidayGroups.id, name: holidayGroups.name })
    .from(holidayGroups)
    .where(isNull(holidayGroups.archivedAt))
    .orderBy(asc(holidayGroups.name));
}

/** Active groups with their rules, for the schedule page's "would it be open at …?" check. */
export async function holidayGroupsForCheck(): Promise<{ id: number; name: string; holidays: HolidayRule[] }[]> {
  const groups = await holidayGroupOptions();
  const rows = await holidaysOf(groups.map((g) => g.id));
  return groups.map((g) => ({
    ...g,
    holidays: rows.filter((h) => h.groupId === g.id).map(({ label, date, recurring, part }) => ({ label, date, recurring, part })),
  }));
}

/** The rules the open/closed computation needs for one group. */
export async function holidayRules(groupId: number): Promise<HolidayRule[]> {
  const db = await getDb();
  return db
    .select({ label: holidays.label, date: holidays.date, recurring: holidays.recurring, part: holidays.part })
    .from(holidays)
    .where(eq(holidays.groupId, groupId));
}

/** A stored sound with its bytes, for the route that plays it. */
export async function getHolidaySound(id: number) {
  const db = await getDb();
  const [row] = await db
    .select({ fileName: holidaySounds.fileName, mimeType: holidaySounds.mimeType, size: holidaySounds.size, data: holidaySounds.data })
    .from(holidaySounds)
    .where(eq(holidaySounds.id, id));
  return row ?? null;
}
