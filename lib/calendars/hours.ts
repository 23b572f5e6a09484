// Pure open/closed computation, shared by ingestion (through open.ts) and the schedule page's
// "would it be open at …?" check in the browser. No database, no Node-only API.
import type { HolidayPart, ScheduleDay } from "@/db/schema/calendars";

export const DEFAULT_TIME_ZONE = "Europe/Paris";
/** Half-day holidays split the day at noon, wall-clock time. */
export const NOON = 12 * 60;

export type OpenReason = "no_schedule" | "open" | "outside_hours" | "closed_day" | "holiday" | "holiday_morning" | "holiday_afternoon";

export interface OpenResult {
  open: boolean;
  reason: OpenReason;
  /** The label of the holiday that closes, when one does. */
  holiday?: string;
  /** The slot ("HH:MM") the instant falls in, when open by the schedule. */
  slot?: { open: string; close: string };
}

export interface HolidayRule {
  label: string;
  /** YYYY-MM-DD; for a recurring holiday only the month and day count. */
  date: string;
  recurring: boolean;
  part: HolidayPart;
}

export interface CalendarConfig {
  /** Seven days, Monday first; null = no schedule, open at any hour. */
  schedule: { days: readonly ScheduleDay[] } | null;
  holidays: readonly HolidayRule[];
  /** IANA zone in which slots and holidays are read. */
  timeZone: string;
}

/** A moment as a clock on the wall of the schedule's time zone shows it. */
export interface WallClock {
  date: string; // YYYY-MM-DD
  weekday: number; // 0 = Monday … 6 = Sunday
  minutes: number; // minutes since midnight, 0–1439
}

const WEEKDAY_SHORT = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    // h23: some engines print midnight as "24" with hour12: false.
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      weekday: "short",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/**
 * Converts an instant to the zone's wall clock with the engine's time-zone database, so the
 * daylight-saving rules of any year and zone apply (adding a fixed offset would be wrong for
 * half the year).
 */
export function wallClockAt(instant: Date, timeZone: string): WallClock {
  const parts: Record<string, string> = {};
  for (const p of formatterFor(timeZone).formatToParts(instant)) parts[p.type] = p.value;
  return {
    date: `${parts.year.padStart(4, "0")}-${parts.month}-${parts.day}`,
    weekday: WEEKDAY_SHORT.indexOf(parts.weekday),
    minutes: (Number(parts.hour) % 24) * 60 + Number(parts.minute),
  };
}

/** The wall clock for a date ("YYYY-MM-DD") and time ("HH:MM") typed by a person. */
export function wallClockOf(date: string, time: string): WallClock | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !t) return null;
  const utc = new Date(Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3])));
  if (utc.getUTCDate() !== Number(d[3])) return null;
  const minutes = Number(t[1]) * 60 + Number(t[2]);
  if (minutes >= 24 * 60) return null;
  return { date, weekday: (utc.getUTCDay() + 6) % 7, minutes };
}

/** "HH:MM" (00:00–24:00) to minutes; "" or anything else to null. */
export function toMinutes(hhmm: string): number | null {
  const m = /^(\d{2}):(\d{2})$/.exec(hhmm);
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

/** The slots of a day that are in use, in order. */
export function daySlots(day: ScheduleDay | undefined): { open: string; close: string; from: number; to: number }[] {
  if (!day) return [];
  const slots = [];
  for (const [open, close] of [
    [day.open1, day.close1],
    [day.open2, day.close2],
  ]) {
    const from = toMinutes(open);
    const to = toMinutes(close);
    if (from !== null && to !== null && to > from) slots.push({ open, close, from, to });
  }
  return slots;
}

function holidayOn(holidays: readonly HolidayRule[], clock: WallClock): OpenResult | null {
  const monthDay = clock.date.slice(5);
  for (const h of holidays) {
    // A recurring 29 February only falls in leap years.
    const matches = h.recurring ? h.date.slice(5) === monthDay : h.date === clock.date;
    if (!matches) continue;
    if (h.part === "full") return { open: false, reason: "holiday", holiday: h.label };
    if (h.part === "morning" && clock.minutes < NOON) return { open: false, reason: "holiday_morning", holiday: h.label };
    if (h.part === "afternoon" && clock.minutes >= NOON) return { open: false, reason: "holiday_afternoon", holiday: h.label };
  }
  return null;
}

/** Open or closed at a wall-clock moment: holidays first, then the day's slots. */
export function openAtWallClock(config: Omit<CalendarConfig, "timeZone">, clock: WallClock): OpenResult {
  const holiday = holidayOn(config.holidays, clock);
  if (holiday) return holiday;
  if (!config.schedule) return { open: true, reason: "no_schedule" };
  const slots = daySlots(config.schedule.days[clock.weekday]);
  if (slots.length === 0) return { open: false, reason: "closed_day" };
  const slot = slots.find((s) => clock.minutes >= s.from && clock.minutes < s.to);
  return slot ? { open: true, reason: "open", slot: { open: slot.open, close: slot.close } } : { open: false, reason: "outside_hours" };
}

/**
 * Is a campaign with this schedule and these holidays open at `instant`? Without a schedule it is
 * open at any hour, but its holidays still close it.
 */
export function isOpenAt(config: CalendarConfig, instant: Date): OpenResult {
  return openAtWallClock(config, wallClockAt(instant, config.timeZone));
}
