import { relations } from "drizzle-orm";
import { pgTable, serial, text, timestamp, integer, jsonb, boolean, index, primaryKey, bigint, uniqueIndex } from "drizzle-orm/pg-core";
import { customerDatabases } from "./databases";
import { holidayGroups } from "./calendars";
import { users } from "./auth";
import { campaigns } from "./campaigns";
import { conversations } from "./conversations";

/**
 * An address book («Carnet d'adresses», manual step 13): its contacts are a real table
 * (`table_name`, fixed columns, see lib/agenda/address-book-table.ts) in the schema of a named
 * database, like a customer file.
 */
export const addressBooks = pgTable("address_books", {
  id: serial("id").primaryKey(),
  name: text("name").notNull().unique(),
  databaseId: integer("database_id")
    .notNull()
    .references(() => customerDatabases.id),
  tableName: text("table_name").notNull(),
  archivedAt: timestamp("archived_at", { withTimezone: true }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
export type AddressBook = typeof addressBooks.$inferSelect;

/**
 * A sales-rep schedule («Planning de commerciaux», step 14). `greyed` holds the unavailable
 * quarter hours of the week as indices `weekday * 96 + quarter` (Monday = 0, 00:00 = quarter 0),
 * read in `time_zone` wall-clock time. The «Droits des agents» tab is the `agents_*` columns.
 */
export const salesRepSchedules = pgTable("sales_rep_schedules", {
  id: serial("id").primaryKey(),
  name: text("name").notNull().unique(),
  timeZone: text("time_zone").notNull().default("Europe/Paris"),
  holidayGroupId: integer("holiday_group_id").references(() => holidayGroups.id),
  greyed: jsonb("greyed").$type<number[]>().notNull().default([]),
  agentsMayBook: boolean("agents_may_book").notNull().default(true),
  agentsMayMove: boolean("agents_may_move").notNull().default(false),
  agentsMayCancel: boolean("agents_may_cancel").notNull().default(false),
  // How far ahead an agent may book (days from now), and how late (minutes before the start).
  maxDaysAhead: integer("max_days_ahead").notNull().default(60),
  minNoticeMinutes: integer("min_notice_minutes").notNull().default(60),
  archivedAt: timestamp("archived_at", { withTimezone: true }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
export type SalesRepSchedule = typeof salesRepSchedules.$inferSelect;

/** «Type de rendez-vous»: a duration (multiple of 15 minutes) and the span of the day it may take. */
export const appointmentTypes = pgTable(
  "appointment_types",
  {
    id: serial("id").primaryKey(),
    scheduleId: integer("schedule_id")
      .notNull()
      .references(() => salesRepSchedules.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    durationMinutes: integer("duration_minutes").notNull(),
    // Wall-clock "HH:MM": the appointment starts at or after `span_start` and ends by `span_end`.
    spanStart: text("span_start").notNull().default("00:00"),
    spanEnd: text("span_end").notNull().default("24:00"),
    position: integer("position").notNull().default(0),
  },
  (t) => [index("appointment_types_schedule_idx").on(t.scheduleId, t.position)],
);
export type AppointmentType = typeof appointmentTypes.$inferSelect;

/** «Lieux de rendez-vous». */
export const appointmentLocations = pgTable(
  "appointment_locations",
  {
    id: serial("id").primaryKey(),
    scheduleId: integer("schedule_id")
      .notNull()
      .references(() => salesRepSchedules.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    position: integer("position").notNull().default(0),
  },
  (t) => [index("appointment_locations_schedule_idx").on(t.scheduleId, t.position)],
);
export type AppointmentLocation = typeof appointmentLocations.$inferSelect;

/**
 * A sales rep («Commercial», step 15). `user_id` is the optional login (role sales_rep).
 * `zones` are postal-code prefixes ("75", "920") or region names matched against a customer.
 */
export const salesReps = pgTable(
  "sales_reps",
  {
    id: serial("id").primaryKey(),
    userId: integer("user_id").references(() => users.id),
    civility: text("civility").notNull().default(""),
    lastName: text("last_name").notNull(),
    firstName: text("first_name").notNull().default(""),
    email: text("email").notNull().default(""),
    phone: text("phone").notNull().default(""),
    colour: text("colour").notNull().default("#2563eb"),
    active: boolean("active").notNull().default(true),
    scheduleId: integer("schedule_id").references(() => salesRepSchedules.id),
    zones: text("zones").array().notNull().default([]),
    quotaPerDay: integer("quota_per_day"),
    quotaPerWeek: integer("quota_per_week"),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("sales_reps_user_uq").on(t.userId), index("sales_reps_schedule_idx").on(t.scheduleId)],
);
export type SalesRep = typeof salesReps.$inferSelect;

/** A booked appointment; cancelled ones stay (history) with `cancelled_at`. */
export const appointments = pgTable(
  "appointments",
  {
    id: serial("id").primaryKey(),
    repId: integer("rep_id")
      .notNull()
      .references(() => salesReps.id),
    typeId: integer("type_id")
      .notNull()
      .references(() => appointmentTypes.id),
    locationId: integer("location_id").references(() => appointmentLocations.id),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    campaignId: integer("campaign_id").references(() => campaigns.id),
    conversationId: integer("conversation_id").references(() => conversations.id),
    addressBookId: integer("address_book_id").references(() => addressBooks.id),
    // The row of the address book's table and of the customer file (real tables, no FK possible).
    contactId: bigint("contact_id", { mode: "number" }),
    customerGuid: text("customer_guid"),
    customerName: text("customer_name").notNull().default(""),
    notes: text("notes").notNull().default(""),
    bookedBy: integer("booked_by").references(() => users.id),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    cancelledBy: integer("cancelled_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("appointments_rep_time_idx").on(t.repId, t.startsAt)],
);
export type Appointment = typeof appointments.$inferSelect;

/**
 * The exclusivity of bookings, in the database: every quarter hour an open appointment holds is
 * one row, and (rep, quarter) is the primary key. Two agents booking overlapping times for one
 * rep insert a common row: one transaction commits, the other gets a unique violation — on
 * PGlite and PostgreSQL alike (an exclusion constraint needs btree_gist, an extension PGlite
 * loads only as a separate bundle). Cancelling or moving deletes the rows.
 */
export const appointmentSlots = pgTable(
  "appointment_slots",
  {
    repId: integer("rep_id")
      .notNull()
      .references(() => salesReps.id),
    slotStart: timestamp("slot_start", { withTimezone: true }).notNull(),
    appointmentId: integer("appointment_id")
      .notNull()
      .references(() => appointments.id, { onDelete: "cascade" }),
  },
  (t) => [
    primaryKey({ name: "appointment_slots_pk", columns: [t.repId, t.slotStart] }),
    index("appointment_slots_appt_idx").on(t.appointmentId),
  ],
);

export const salesRepSchedulesRelations = relations(salesRepSchedules, ({ one, many }) => ({
  holidayGroup: one(holidayGroups, { fields: [salesRepSchedules.holidayGroupId], references: [holidayGroups.id] }),
  types: many(appointmentTypes),
  locations: many(appointmentLocations),
  reps: many(salesReps),
}));
export const appointmentTypesRelations = relations(appointmentTypes, ({ one }) => ({
  schedule: one(salesRepSchedules, { fields: [appointmentTypes.scheduleId], references: [salesRepSchedules.id] }),
}));
export const appointmentLocationsRelations = relations(appointmentLocations, ({ one }) => ({
  schedule: one(salesRepSchedules, { fields: [appointmentLocations.scheduleId], references: [salesRepSchedules.id] }),
}));
export const salesRepsRelations = relations(salesReps, ({ one, many }) => ({
  schedule: one(salesRepSchedules, { fields: [salesReps.scheduleId], references: [salesRepSchedules.id] }),
  user: one(users, { fields: [salesReps.userId], references: [users.id] }),
  appointments: many(appointments),
}));
export const appointmentsRelations = relations(appointments, ({ one }) => ({
  rep: one(salesReps, { fields: [appointments.repId], references: [salesReps.id] }),
  type: one(appointmentTypes, { fields: [appointments.typeId], references: [appointmentTypes.id] }),
  location: one(appointmentLocations, { fields: [appointments.locationId], references: [appointmentLocations.id] }),
}));
export const addressBooksRelations = relations(addressBooks, ({ one }) => ({
  database: one(customerDatabases, { fields: [addressBooks.databaseId], references: [customerDatabases.id] }),
}));
