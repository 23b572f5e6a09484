// Report date ranges: a preset (or two calendar days) read in the campaign's time zone, turned
// into a half-open UTC interval [from, to). Pure functions over Intl, so the same code runs in
// tests, on the server and in the browser, and a day across a DST change is 23 or 25 hours long.
import { z } from "zod";

export const rangePresets = ["today", "yesterday", "thisWeek", "last7Days", "thisMonth", "custom"] as const;
export type RangePreset = (typeof rangePresets)[number];

/** A calendar day, "2026-12-01". */
export type Day = string;

export interface ReportRange {
  preset: RangePreset;
  timeZone: string;
  /** First day included and last day included, in `timeZone`. */
  firstDay: Day;
  lastDay: Day;
  /** UTC instants: from included, to excluded. */
  from: Date;
  to: Date;
  /** The chart's bucket: hours when the range is at most two days, else days. */
  bucket: "hour" | "day";
}

const dayPattern = /^\d{4}-\d{2}-\d{2}$/;

export const rangeInputSchema = z
  .object({
    preset: z.enum(rangePresets).default("today"),
    from: z.string().regex(dayPattern, "reporting.errors.badDay").optional(),
    to: z.string().regex(dayPattern, "reporting.errors.badDay").optional(),
  })
  .refine((v) => v.preset !== "custom" || (v.from && v.to && isValidDay(v.from) && isValidDay(v.to)), {
    message: "reporting.errors.customNeedsDays",
    path: ["from"],
  })
  .refine((v) => v.preset !== "custom" || !v.from || !v.to || v.from <= v.to, {
    message: "reporting.errors.fromAfterTo",
    path: ["to"],
  })
  .refine((v) => v.preset !== "custom" || !v.from || !v.to || dayCount(v.from, v.to) <= MAX_DAYS, {
    message: "reporting.errors.rangeTooLong",
    path: ["to"],
  });
export type RangeInput = z.input<typeof rangeInputSchema>;

/** A custom range is at most about a year: longer reports belong to an export, not a page. */
export const MAX_DAYS = 366;

function isValidDay(day: Day): boolean {
  const [y, m, d] = day.split("-").map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function parts(day: Day): [number, number, number] {
  const [y, m, d] = day.split("-").map(Number);
  return [y, m, d];
}

/** Adds calendar days to a day (no time zone involved). */
export function addDays(day: Day, days: number): Day {
  const [y, m, d] = parts(day);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Days from `a` to `b` inclusive. */
export function dayCount(a: Day, b: Day): number {
  const [ya, ma, da] = parts(a);
  const [yb, mb, db] = parts(b);
  return Math.round((Date.UTC(yb, mb - 1, db) - Date.UTC(ya, ma - 1, da)) / 86_400_000) + 1;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function wallClock(instant: Date, timeZone: string) {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, f);
  }
  const p = Object.fromEntries(f.formatToParts(instant).map((x) => [x.type, x.value]));
  return { y: Number(p.year), m: Number(p.month), d: Number(p.day), h: Number(p.hour), min: Number(p.minute), s: Number(p.second) };
}

/** The calendar day an instant falls on in `timeZone`. */
export function dayIn(instant: Date, timeZone: string): Day {
  const w = wallClock(instant, timeZone);
  return `${w.y}-${String(w.m).padStart(2, "0")}-${String(w.d).padStart(2, "0")}`;
}

/** Offset of `timeZone` from UTC at `instant`, in ms (Paris in winter: +3,600,000). */
function offsetAt(instant: Date, timeZone: string): number {
  const w = wallClock(instant, timeZone);
  return Date.UTC(w.y, w.m - 1, w.d, w.h, w.min, w.s) - Math.floor(instant.getTime() / 1000) * 1000;
}

/**
 * The instant a day starts in `timeZone`. Where midnight does not exist (a DST change at 00:00,
 * as in Santiago or Beirut) the day starts at the first instant after the gap.
 */
export function startOfDay(day: Day, timeZone: string): Date {
  const [y, m, d] = parts(day);
  const wall = Date.UTC(y, m - 1, d);
  const first = wall - offsetAt(new Date(wall), timeZone);
  const second = wall - offsetAt(new Date(first), timeZone);
  // Midnight twice (clocks back at 01:00): the earlier. Midnight skipped: the one on `day`.
  const onDay = [first, second].filter((t) => dayIn(new Date(t), timeZone) === day);
  return new Date(onDay.length ? Math.min(...onDay) : first);
}

/** Monday of the ISO week of `day`. */
function mondayOf(day: Day): Day {
  const [y, m, d] = parts(day);
  const weekday = (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7; // Monday = 0
  return addDays(day, -weekday);
}

/** The range a preset means at `now` in `timeZone` (custom: the two given days). */
export function resolveRange(input: RangeInput, timeZone: string, now: Date): ReportRange {
  const parsed = rangeInputSchema.parse(input);
  const today = dayIn(now, timeZone);
  let firstDay: Day;
  let lastDay: Day;
  switch (parsed.preset) {
    case "today":
      firstDay = lastDay = today;
      break;
    case "yesterday":
      firstDay = lastDay = addDays(today, -1);
      break;
    case "thisWeek":
      firstDay = mondayOf(today);
      lastDay = addDays(firstDay, 6);
      break;
    case "last7Days":
      firstDay = addDays(today, -6);
      lastDay = today;
      break;
    case "thisMonth":
      firstDay = `${today.slice(0, 7)}-01`;
      lastDay = addDays(`${addDays(firstDay, 31).slice(0, 7)}-01`, -1);
      break;
    case "custom":
      firstDay = parsed.from!;
      lastDay = parsed.to!;
      break;
  }
  return {
    preset: parsed.preset,
    timeZone,
    firstDay,
    lastDay,
    from: startOfDay(firstDay, timeZone),
    to: startOfDay(addDays(lastDay, 1), timeZone),
    bucket: dayCount(firstDay, lastDay) <= 2 ? "hour" : "day",
  };
}

/** The previous calendar month of `now` in `timeZone`, as a custom range (tests, benchmarks). */
export function lastMonth(timeZone: string, now: Date): ReportRange {
  const first = `${addDays(`${dayIn(now, timeZone).slice(0, 7)}-01`, -1).slice(0, 7)}-01`;
  const last = addDays(`${dayIn(now, timeZone).slice(0, 7)}-01`, -1);
  return resolveRange({ preset: "custom", from: first, to: last }, timeZone, now);
}
