import { integer, numeric, pgTable, primaryKey, text, timestamp, unique } from "drizzle-orm/pg-core";
import type { QualificationCategory } from "./qualifications";

// Reporting rollups (lib/reporting/queries.ts), maintained by statement-level triggers on
// `conversations` in the transaction that changes the facts (migration 0022): never edited by the
// application, never recomputed from today's configuration (the qualification columns are the
// ones copied on the conversation when it was qualified). Periods are UTC hours or UTC days, so a
// report whose period starts and ends on whole hours (every time zone with a whole-hour offset,
// DST included) reads them; any other range reads the facts. No foreign keys: derived data.

/** Conversations that arrived (created_at) per campaign and UTC hour or day. */
export const reportArrivals = pgTable(
  "report_arrivals",
  {
    campaignId: integer("campaign_id").notNull(),
    grain: text("grain").$type<"hour" | "day">().notNull(),
    period: timestamp("period", { withTimezone: true }).notNull(),
    received: integer("received").notNull().default(0),
    filtered: integer("filtered").notNull().default(0),
    /** Of those, the ones that reached an agent (offered, assigned or qualified), and the filtered ones among them. */
    reached: integer("reached").notNull().default(0),
    reachedFiltered: integer("reached_filtered").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.grain, t.period] })],
);

/** Handled conversations (qualified, closed_at in the period) per campaign and UTC day. */
export const reportHandledDays = pgTable(
  "report_handled_days",
  {
    campaignId: integer("campaign_id").notNull(),
    day: timestamp("day", { withTimezone: true }).notNull(),
    handled: integer("handled").notNull().default(0),
    positive: integer("positive").notNull().default(0),
    argued: integer("argued").notNull().default(0),
    notArgued: integer("not_argued").notNull().default(0),
    benefit: numeric("benefit", { precision: 14, scale: 2 }).notNull().default("0"),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.day] })],
);

/** Handled conversations per campaign, UTC hour and qualification as it was given. */
export const reportStatusHours = pgTable(
  "report_status_hours",
  {
    campaignId: integer("campaign_id").notNull(),
    hour: timestamp("hour", { withTimezone: true }).notNull(),
    statusId: integer("status_id"),
    code: text("code"),
    label: text("label"),
    category: text("category").$type<QualificationCategory>(),
    n: integer("n").notNull().default(0),
    benefit: numeric("benefit", { precision: 14, scale: 2 }).notNull().default("0"),
  },
  // Also the index of a campaign's hours (its first two columns).
  (t) => [unique("report_status_hours_key").on(t.campaignId, t.hour, t.statusId, t.code, t.label, t.category).nullsNotDistinct()],
);
