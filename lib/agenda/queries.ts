import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import {
  addressBooks,
  appointmentLocations,
  appointmentTypes,
  customerDatabases,
  holidayGroups,
  salesReps,
  salesRepSchedules,
  users,
} from "@/db/schema";
import type { ListParams } from "@/lib/admin/list";
import { pagedList } from "@/lib/admin/list-query";

export const scheduleSortable = ["name", "updatedAt"] as const;
export const repSortable = ["name", "schedule", "updatedAt"] as const;
export const addressBookSortable = ["name", "database", "updatedAt"] as const;

export const repName = (r: { firstName: string; lastName: string }) => [r.firstName, r.lastName].filter(Boolean).join(" ");

export async function listSalesRepSchedules(params: ListParams) {
  const db = await getDb();
  return pagedList(db, params, {
    query: () =>
      db
        .select({
          id: salesRepSchedules.id,
          name: salesRepSchedules.name,
          timeZone: salesRepSchedules.timeZone,
          greyed: salesRepSchedules.greyed,
          holidayGroupName: holidayGroups.name,
          archivedAt: salesRepSchedules.archivedAt,
          updatedAt: salesRepSchedules.updatedAt,
          reps: sql<number>`(select count(*)::int from sales_reps r where r.schedule_id = ${salesRepSchedules.id} and r.archived_at is null)`,
          types: sql<number>`(select count(*)::int from appointment_types t where t.schedule_id = ${salesRepSchedules.id})`,
        })
        .from(salesRepSchedules)
        .leftJoin(holidayGroups, eq(holidayGroups.id, salesRepSchedules.holidayGroupId))
        .$dynamic(),
    search: [salesRepSchedules.name],
    sortable: { name: salesRepSchedules.name, updatedAt: salesRepSchedules.updatedAt },
    tiebreak: salesRepSchedules.id,
    archived: salesRepSchedules.archivedAt,
  });
}

export async function getSalesRepSchedule(id: number) {
  const db = await getDb();
  const [row] = await db.select().from(salesRepSchedules).where(eq(salesRepSchedules.id, id));
  if (!row) return null;
  const [types, locations] = await Promise.all([
    db
      .select()
      .from(appointmentTypes)
      .where(eq(appointmentTypes.scheduleId, id))
      .orderBy(asc(appointmentTypes.position), asc(appointmentTypes.id)),
    db
      .select()
      .from(appointmentLocations)
      .where(eq(appointmentLocations.scheduleId, id))
      .orderBy(asc(appointmentLocations.position), asc(appointmentLocations.id)),
  ]);
  return { ...row, types, locations };
}

export async function salesRepScheduleOptions() {
  const db = await getDb();
  return db
    .select({ id: salesRepSchedules.id, name: salesRepSchedules.name })
    .from(salesRepSchedules)
    .where(isNull(salesRepSchedules.archivedAt))
    .orderBy(asc(salesRepSchedules.name));
}

/** The reps on a schedule (archiving the schedule is refused while it has some). */
export async function scheduleUsers(id: number): Promise<string[]> {
  const db = await getDb();
  const reps = await db
    .select({ firstName: salesReps.firstName, lastName: salesReps.lastName })
    .from(salesReps)
    .where(and(eq(salesReps.scheduleId, id), isNull(salesReps.archivedAt)));
  return reps.map(repName);
}

export async function listSalesReps(params: ListParams) {
  const db = await getDb();
  return pagedList(db, params, {
    query: () =>
      db
        .select({
          id: salesReps.id,
          firstName: salesReps.firstName,
          lastName: salesReps.lastName,
          email: salesReps.email,
          colour: salesReps.colour,
          active: salesReps.active,
          zones: salesReps.zones,
          scheduleName: salesRepSchedules.name,
          login: users.login,
          archivedAt: salesReps.archivedAt,
          updatedAt: salesReps.updatedAt,
        })
        .from(salesReps)
        .leftJoin(salesRepSchedules, eq(salesRepSchedules.id, salesReps.scheduleId))
        .leftJoin(users, eq(users.id, salesReps.userId))
        .$dynamic(),
    search: [salesReps.lastName, salesReps.firstName, salesReps.email],
    sortable: { name: [salesReps.lastName, salesReps.firstName], schedule: salesRepSchedules.name, updatedAt: salesReps.updatedAt },
    tiebreak: salesReps.id,
    archived: salesReps.archivedAt,
  });
}

export async function getSalesRep(id: number) {
  const db = await getDb();
  const [row] = await db
    .select({
      id: salesReps.id,
      userId: salesReps.userId,
      login: users.login,
      civility: salesReps.civility,
      lastName: salesReps.lastName,
      firstName: salesReps.firstName,
      email: salesReps.email,
      phone: salesReps.phone,
      colour: salesReps.colour,
      active: salesReps.active,
      scheduleId: salesReps.scheduleId,
      zones: salesReps.zones,
      quotaPerDay: salesReps.quotaPerDay,
      quotaPerWeek: salesReps.quotaPerWeek,
      archivedAt: salesReps.archivedAt,
      updatedAt: salesReps.updatedAt,
    })
    .from(salesReps)
    .leftJoin(users, eq(users.id, salesReps.userId))
    .where(eq(salesReps.id, id));
  return row ?? null;
}

/** Every non-archived rep, for the agenda's picker. */
export async function repOptions() {
  const db = await getDb();
  return db
    .select({
      id: salesReps.id,
      firstName: salesReps.firstName,
      lastName: salesReps.lastName,
      colour: salesReps.colour,
      userId: salesReps.userId,
      active: salesReps.active,
    })
    .from(salesReps)
    .where(isNull(salesReps.archivedAt))
    .orderBy(asc(salesReps.lastName), asc(salesReps.firstName));
}

export async function listAddressBooks(params: ListParams) {
  const db = await getDb();
  return pagedList(db, params, {
    query: () =>
      db
        .select({
          id: addressBooks.id,
          name: addressBooks.name,
          tableName: addressBooks.tableName,
          databaseName: customerDatabases.name,
          schemaName: customerDatabases.schemaName,
          archivedAt: addressBooks.archivedAt,
          updatedAt: addressBooks.updatedAt,
        })
        .from(addressBooks)
        .innerJoin(customerDatabases, eq(customerDatabases.id, addressBooks.databaseId))
        .$dynamic(),
    search: [addressBooks.name, customerDatabases.name],
    sortable: { name: addressBooks.name, database: customerDatabases.name, updatedAt: addressBooks.updatedAt },
    tiebreak: addressBooks.id,
    archived: addressBooks.archivedAt,
  });
}

export async function getAddressBook(id: number) {
  const db = await getDb();
  const [row] = await db
    .select({
      id: addressBooks.id,
      name: addressBooks.name,
      databaseId: addressBooks.databaseId,
      databaseName: customerDatabases.name,
      schemaName: customerDatabases.schemaName,
      tableName: addressBooks.tableName,
      archivedAt: addressBooks.archivedAt,
      updatedAt: addressBooks.updatedAt,
    })
    .from(addressBooks)
    .innerJoin(customerDatabases, eq(customerDatabases.id, addressBooks.databaseId))
    .where(eq(addressBooks.id, id));
  return row ?? null;
}

export async function addressBookOptions() {
  const db = await getDb();
  return db
    .select({ id: addressBooks.id, name: addressBooks.name })
    .from(addressBooks)
    .where(isNull(addressBooks.archivedAt))
    .orderBy(asc(addressBooks.name));
}
