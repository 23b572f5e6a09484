import { relations } from "drizzle-orm";
import { pgTable, serial, text, timestamp, integer, jsonb, boolean, date, index } from "drizzle-orm/pg-core";
import { bytea } from "./columns";
import { campaigns } from "./campaigns";

/**
 * One weekday of a work schedule: two slots in wall-clock "HH:MM" ("24:00" may close a day);
 * "" marks an unused slot, and a day with both slots unused is closed.
 */
export type ScheduleDay = { open1: string; close1: string; open2: string; close2: string };

/** A work schedule («Planning de travail»): service hours per weekday, Monday first. */
export const workSchedules = pgTable("work_schedules", {
  id: serial("id").primaryKey(),
  name: text("name").notNull().unique(),
  // IANA zone the slots are read in, so "09:00" stays 09:00 across daylight-saving changes.
  timeZone: text("time_zone").notNull().default("Europe/Paris"),
  days: jsonb("days").$type<ScheduleDay[]>().notNull(),
  archivedAt: timestamp("archived_at", { withTimezone: true }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
export type WorkSchedule = typeof workSchedules.$inferSelect;

/** A holiday group («groupe de jours fériés»), chosen by campaigns and default parameters. */
export const holidayGroups = pgTable("holiday_groups", {
  id: serial("id").primaryKey(),
  name: text("name").notNull().unique(),
  archivedAt: timestamp("archived_at", { withTimezone: true }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
export type HolidayGroup = typeof holidayGroups.$inferSelect;

/**
 * A holiday's sound message, kept in the database (not on disk) so that it survives restarts and
 * every host serves it. Uploaded before the holiday that plays it is saved.
 */
export const holidaySounds = pgTable("holiday_sounds", {
  id: serial("id").primaryKey(),
  fileName: text("file_name").notNull(),
  mimeType: text("mime_type").notNull(),
  size: integer("size").notNull(),
  data: bytea("data").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
export type HolidaySound = typeof holidaySounds.$inferSelect;

export const holidayParts = ["full", "morning", "afternoon"] as const;
export type HolidayPart = (typeof holidayParts)[number];

/** A holiday: one date, or the same day every year; a whole day or a half day. */
export const holidays = pgTable(
  "holidays",
  {
    id: serial("id").primaryKey(),
    groupId: integer("group_id")
      .notNull()
      .references(() => holidayGroups.id),
    label: text("label").notNull(),
    date: date("date", { mode: "string" }).notNull(),
    recurring: boolean("recurring").notNull().default(false),
    part: text("part").$type<HolidayPart>().notNull().default("full"),
    soundId: integer("sound_id").references(() => holidaySounds.id),
    position: integer("position").notNull().default(0),
  },
  (t) => [index("holidays_group_idx").on(t.groupId)],
);
export type Holiday = typeof holidays.$inferSelect;

export const workSchedulesRelations = relations(workSchedules, ({ many }) => ({
  campaigns: many(campaigns),
}));

export const holidayGroupsRelations = relations(holidayGroups, ({ many }) => ({
  holidays: many(holidays),
  campaigns: many(campaigns),
}));

export const holidaySoundsRelations = relations(holidaySounds, ({ many }) => ({
  holidays: many(holidays),
}));

export const holidaysRelations = relations(holidays, ({ one }) => ({
  group: one(holidayGroups, { fields: [holidays.groupId], references: [holidayGroups.id] }),
  sound: one(holidaySounds, { fields: [holidays.soundId], references: [holidaySounds.id] }),
}));
