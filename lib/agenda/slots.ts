// Pure free-slot computation for the agenda (manual step 14): a week of quarter hours in the
// schedule's time zone, greyed quarters, holidays of the schedule's holiday group, the rep's
// existing appointments and quotas, the appointment type's duration and allowed span, and the
// agents' rights (how far ahead, how late). No database, no Node-only API: the booking engine and
// the browser's grid use the same code.
//
// Time zones: the grid walks real instants every 15 minutes and reads each one's wall clock with
// the engine's time-zone database. On the spring-forward day the missing wall-clock hour simply
// never appears; on the fall-back day the repeated hour appears twice, each quarter judged by its
// own wall clock. An appointment is consecutive instants, so it lasts its duration across a change.
import { NOON, toMinutes, wallClockAt, type HolidayRule } from "@/lib/calendars/hours";

export const QUARTER_MS = 15 * 60_000;
export const QUARTERS_PER_DAY = 96;
export const QUARTERS_PER_WEEK = 7 * QUARTERS_PER_DAY;

export interface SlotSchedule {
  timeZone: string;
  /** Unavailable quarters of the week: weekday * 96 + quarter (Monday = 0). */
  greyed: readonly number[];
  holidays: readonly HolidayRule[];
}

export interface SlotType {
  durationMinutes: number;
  /** "HH:MM": earliest start and latest end in the day (wall clock). */
  spanStart: string;
  spanEnd: string;
}

export interface SlotRep {
  quotaPerDay: number | null;
  quotaPerWeek: number | null;
  /** The rep's open (not cancelled) appointments. */
  busy: readonly { startsAt: Date; endsAt: Date }[];
}

export interface SlotRights {
  /** Bookings start at least this long after now. */
  minNoticeMinutes: number;
  /** Bookings start at most this many days after now. */
  maxDaysAhead: number;
}

/** Why a slot cannot be booked; i18n keys `agenda.refusals.<reason>`. */
export type SlotRefusal =
  | "badDuration"
  | "notQuarter"
  | "past"
  | "tooLate"
  | "tooFarAhead"
  | "outsideSpan"
  | "greyed"
  | "holiday"
  | "taken"
  | "quotaDay"
  | "quotaWeek";

export type SlotCheck = { ok: true } | { ok: false; reason: SlotRefusal; holiday?: string };

/** One quarter hour of the grid, as the schedule's wall clock shows it. */
export interface GridQuarter {
  start: number; // epoch ms
  date: string; // YYYY-MM-DD, wall clock
  weekday: number; // 0 = Monday
  minutes: number; // wall-clock minutes since midnight of its start
  /** Monday of its week (YYYY-MM-DD): the quota week. */
  week: string;
  greyed: boolean;
  /** Label of the holiday that closes it, if any. */
  holiday: string | null;
}

export interface Grid {
  from: number;
  quarters: GridQuarter[];
}

export const isQuarterAligned = (instant: Date | number): boolean => +instant % QUARTER_MS === 0;

/** The epoch-aligned quarter at or before an instant (every zone in use is a multiple of 15 min from UTC). */
export const floorQuarter = (ms: number): number => Math.floor(ms / QUARTER_MS) * QUARTER_MS;

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function holidayAt(holidays: readonly HolidayRule[], date: string, minutes: number): string | null {
  const monthDay = date.slice(5);
  for (const h of holidays) {
    const matches = h.recurring ? h.date.slice(5) === monthDay : h.date === date;
    if (!matches) continue;
    if (h.part === "full" || (h.part === "morning" && minutes < NOON) || (h.part === "afternoon" && minutes >= NOON)) return h.label;
  }
  return null;
}

/**
 * The quarters between two instants (from rounded down to a quarter, to excluded), each with its
 * wall clock and whether the schedule closes it. Built once per schedule and range, then shared
 * by every rep of the schedule (the wall-clock reads are the costly part).
 */
export function buildGrid(schedule: SlotSchedule, from: Date | number, to: Date | number): Grid {
  const greyed = new Set(schedule.greyed);
  const start = floorQuarter(+from);
  const quarters: GridQuarter[] = [];
  for (let t = start; t < +to; t += QUARTER_MS) {
    const clock = wallClockAt(new Date(t), schedule.timeZone);
    quarters.push({
      start: t,
      date: clock.date,
      weekday: clock.weekday,
      minutes: clock.minutes,
      week: addDays(clock.date, -clock.weekday),
      greyed: greyed.has(clock.weekday * QUARTERS_PER_DAY + Math.floor(clock.minutes / 15)),
      holiday: holidayAt(schedule.holidays, clock.date, clock.minutes),
    });
  }
  return { from: start, quarters };
}

interface RepLoad {
  busy: Set<number>;
  perDay: Map<string, number>;
  perWeek: Map<string, number>;
}

function loadOf(schedule: SlotSchedule, rep: SlotRep): RepLoad {
  const busy = new Set<number>();
  const perDay = new Map<string, number>();
  const perWeek = new Map<string, number>();
  for (const a of rep.busy) {
    for (let t = floorQuarter(+a.startsAt); t < +a.endsAt; t += QUARTER_MS) busy.add(t);
    const clock = wallClockAt(a.startsAt, schedule.timeZone);
    const week = addDays(clock.date, -clock.weekday);
    perDay.set(clock.date, (perDay.get(clock.date) ?? 0) + 1);
    perWeek.set(week, (perWeek.get(week) ?? 0) + 1);
  }
  return { busy, perDay, perWeek };
}

/** Checks a start at grid index `i` (the grid must cover the whole appointment). */
function checkAt(grid: Grid, i: number, type: SlotType, rep: SlotRep, load: RepLoad, now: number, rights: SlotRights): SlotCheck {
  const quarters = type.durationMinutes / 15;
  const first = grid.quarters[i];
  if (!first || !Number.isInteger(quarters) || quarters < 1) return { ok: false, reason: "badDuration" };
  if (first.start < now) return { ok: false, reason: "past" };
  if (first.start < now + rights.minNoticeMinutes * 60_000) return { ok: false, reason: "tooLate" };
  if (first.start > now + rights.maxDaysAhead * 86_400_000) return { ok: false, reason: "tooFarAhead" };
  const last = grid.quarters[i + quarters - 1];
  const spanStart = toMinutes(type.spanStart) ?? 0;
  const spanEnd = toMinutes(type.spanEnd) ?? 24 * 60;
  if (!last || last.date !== first.date || first.minutes < spanStart || last.minutes + 15 > spanEnd)
    return { ok: false, reason: "outsideSpan" };
  for (let k = i; k < i + quarters; k++) {
    const q = grid.quarters[k];
    if (q.holiday) return { ok: false, reason: "holiday", holiday: q.holiday };
    if (q.greyed) return { ok: false, reason: "greyed" };
  }
  for (let k = i; k < i + quarters; k++) if (load.busy.has(grid.quarters[k].start)) return { ok: false, reason: "taken" };
  if (rep.quotaPerDay !== null && (load.perDay.get(first.date) ?? 0) >= rep.quotaPerDay) return { ok: false, reason: "quotaDay" };
  if (rep.quotaPerWeek !== null && (load.perWeek.get(first.week) ?? 0) >= rep.quotaPerWeek) return { ok: false, reason: "quotaWeek" };
  return { ok: true };
}

/** Every start (quarter hour) in the grid where this type can be booked for this rep. */
export function freeSlots(
  grid: Grid,
  schedule: SlotSchedule,
  type: SlotType,
  rep: SlotRep,
  now: Date | number,
  rights: SlotRights,
): Date[] {
  const load = loadOf(schedule, rep);
  const out: Date[] = [];
  for (let i = 0; i < grid.quarters.length; i++) {
    if (checkAt(grid, i, type, rep, load, +now, rights).ok) out.push(new Date(grid.quarters[i].start));
  }
  return out;
}

/** Whether one start can be booked, and why not: what the booking engine asks before it writes. */
export function checkSlot(
  schedule: SlotSchedule,
  type: SlotType,
  rep: SlotRep,
  start: Date,
  now: Date | number,
  rights: SlotRights,
): SlotCheck {
  if (!Number.isInteger(type.durationMinutes / 15) || type.durationMinutes < 15) return { ok: false, reason: "badDuration" };
  if (!isQuarterAligned(start)) return { ok: false, reason: "notQuarter" };
  const grid = buildGrid(schedule, start, +start + type.durationMinutes * 60_000);
  return checkAt(grid, 0, type, rep, loadOf(schedule, rep), +now, rights);
}

/** The instant of a wall-clock time in a zone (the first one on a fall-back day; null in a spring-forward gap). */
export function zonedInstant(date: string, minutes: number, timeZone: string): Date | null {
  const guess = Date.parse(`${date}T00:00:00Z`) + minutes * 60_000;
  // The offsets in force a day around the guess give the candidates; keep those that read back.
  const offsetAt = (t: number) => {
    const c = wallClockAt(new Date(t), timeZone);
    return Date.parse(`${c.date}T00:00:00Z`) + c.minutes * 60_000 - floorMinute(t);
  };
  const candidates = new Set<number>();
  for (const o of [offsetAt(guess - 86_400_000), offsetAt(guess), offsetAt(guess + 86_400_000)]) candidates.add(guess - o);
  const matching = [...candidates]
    .filter((t) => {
      const c = wallClockAt(new Date(t), timeZone);
      return c.date === date && c.minutes === minutes;
    })
    .sort((a, b) => a - b);
  return matching.length ? new Date(matching[0]) : null;
}

const floorMinute = (t: number) => Math.floor(t / 60_000) * 60_000;

/**
 * Whether a rep covers a customer: no zone = everywhere; a zone of digits is a postal-code prefix,
 * any other zone a region name (case and accents ignored). No customer postal code = every rep.
 */
export function repCoversZone(zones: readonly string[], postalCode: string | null | undefined, region?: string | null): boolean {
  if (zones.length === 0) return true;
  const code = (postalCode ?? "").replace(/\s+/g, "");
  if (!code && !region) return true;
  const norm = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().trim();
  return zones.some((z) => {
    const zone = z.trim();
    if (/^[0-9A-Za-z]+$/.test(zone) && /\d/.test(zone)) return code.toUpperCase().startsWith(zone.toUpperCase());
    return !!region && norm(region) === norm(zone);
  });
}

/** How many quarters of the week are not greyed (0 = a schedule fully greyed). */
export function availableQuarterCount(greyed: readonly number[]): number {
  return QUARTERS_PER_WEEK - new Set(greyed.filter((q) => q >= 0 && q < QUARTERS_PER_WEEK)).size;
}

/** The default grid of a new schedule: Monday–Friday 09:00–12:00 and 14:00–18:00 available. */
export function defaultGreyed(): number[] {
  const out: number[] = [];
  for (let d = 0; d < 7; d++)
    for (let q = 0; q < QUARTERS_PER_DAY; q++) {
      const m = q * 15;
      const open = d < 5 && ((m >= 9 * 60 && m < 12 * 60) || (m >= 14 * 60 && m < 18 * 60));
      if (!open) out.push(d * QUARTERS_PER_DAY + q);
    }
  return out;
}
