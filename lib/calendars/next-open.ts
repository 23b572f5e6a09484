// When does a closed campaign open next? Pure, like hours.ts: the release of held conversations
// (lib/ingestion/held.ts) and the campaign page's «Fermée jusqu'au …» both read it.
import { NOON, daySlots, isOpenAt, wallClockAt, type CalendarConfig } from "./hours";

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
// Holidays recur yearly and schedules weekly: two years without an opening means never.
const HORIZON_DAYS = 2 * 366;

function dayUtc(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
}

function isoDate(utcMs: number): string {
  return new Date(utcMs).toISOString().slice(0, 10);
}

/** The wall clock of an instant as one comparable number: minutes since 1970-01-01 00:00, wall time. */
function wallKey(instant: number, timeZone: string): number {
  const w = wallClockAt(new Date(instant), timeZone);
  return dayUtc(w.date) / MINUTE + w.minutes;
}

/**
 * The first instant at which the zone's wall clock reads `date` `minutes` or later. Usually the
 * one instant showing that time; on a spring-forward day a time in the gap (02:30 in Paris) does
 * not exist and the answer is the end of the gap (03:00); on a fall-back day the earlier of the
 * two instants showing it (either is a correct opening time).
 */
export function instantAtWallClock(date: string, minutes: number, timeZone: string): Date {
  const target = dayUtc(date) / MINUTE + minutes;
  const asUtc = target * MINUTE;
  // Zone offsets are within ±14 h: the instant lies in [asUtc − 15 h, asUtc + 15 h], and the wall
  // clock at those bounds is below and above the target. Bisection finds an instant where the
  // wall clock first reaches the target (on a fall-back day, one of the two showing it).
  let lo = asUtc - 15 * 60 * MINUTE;
  let hi = asUtc + 15 * 60 * MINUTE;
  // Invariant: wallKey(lo) < target <= wallKey(hi).
  while (hi - lo > MINUTE) {
    const mid = lo + Math.floor((hi - lo) / 2 / MINUTE) * MINUTE;
    if (wallKey(mid, timeZone) >= target) hi = mid;
    else lo = mid;
  }
  return new Date(hi);
}

/**
 * The first instant at or after `from` at which the campaign is open, or null when it never opens
 * within two years (a schedule without any slot). Candidates on each day are the minutes at which
 * the state can change from closed to open: a slot's start, noon (a morning holiday ends), and
 * midnight (a holiday ends on a day without a schedule, or with a slot from 00:00).
 */
export function nextOpeningAt(config: CalendarConfig, from: Date): Date | null {
  if (isOpenAt(config, from).open) return from;
  if (config.schedule && config.schedule.days.every((day) => daySlots(day).length === 0)) return null;
  const start = wallClockAt(from, config.timeZone);
  const firstDay = dayUtc(start.date);
  for (let d = 0; d <= HORIZON_DAYS; d++) {
    const date = isoDate(firstDay + d * DAY);
    const weekday = (new Date(firstDay + d * DAY).getUTCDay() + 6) % 7;
    const candidates = new Set<number>([0, NOON]);
    if (config.schedule) {
      // A morning holiday keeps a slot straddling noon closed until noon: covered by NOON.
      for (const slot of daySlots(config.schedule.days[weekday])) candidates.add(slot.from);
    }
    for (const minutes of [...candidates].sort((a, b) => a - b)) {
      const at = instantAtWallClock(date, minutes, config.timeZone);
      if (at.getTime() <= from.getTime()) continue;
      if (isOpenAt(config, at).open) return at;
    }
  }
  return null;
}
