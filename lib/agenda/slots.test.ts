import { describe, expect, it } from "vitest";
import { buildGrid, checkSlot, defaultGreyed, freeSlots, repCoversZone, zonedInstant, type SlotRep, type SlotSchedule } from "./slots";

const paris = (date: string, hhmm: string) => {
  const [h, m] = hhmm.split(":").map(Number);
  return zonedInstant(date, h * 60 + m, "Europe/Paris")!;
};
const schedule: SlotSchedule = { timeZone: "Europe/Paris", greyed: defaultGreyed(), holidays: [] };
const type = { durationMinutes: 60, spanStart: "00:00", spanEnd: "24:00" };
const rep: SlotRep = { quotaPerDay: null, quotaPerWeek: null, busy: [] };
const rights = { minNoticeMinutes: 0, maxDaysAhead: 365 };
// A Sunday evening before the tested week, so nothing is in the past.
const now = paris("2027-03-07", "20:00");
const hhmm = (d: Date) => d.toLocaleTimeString("fr-FR", { timeZone: "Europe/Paris", hour: "2-digit", minute: "2-digit" });
const dayOf = (s: SlotSchedule, date: string, t = type, r = rep, n: Date = now) =>
  freeSlots(buildGrid(s, paris(date, "00:00"), +paris(date, "00:00") + 26 * 3_600_000), s, t, r, n, rights)
    .filter((d) => d.toLocaleDateString("sv-SE", { timeZone: "Europe/Paris" }) === date)
    .map(hhmm);

describe("free slots", () => {
  it("offers every quarter hour where the whole appointment fits the grid", () => {
    // Monday 8 March 2027: 09:00–12:00 and 14:00–18:00 available; a 1-hour type.
    const slots = dayOf(schedule, "2027-03-08");
    expect(slots[0]).toBe("09:00");
    expect(slots).toContain("09:15");
    expect(slots).toContain("11:00");
    expect(slots).not.toContain("11:15"); // would end 12:15, in the greyed lunch break
    expect(slots).toContain("14:00");
    expect(slots.at(-1)).toBe("17:00");
    expect(slots).toHaveLength(9 + 13);
  });

  it("the type's duration and allowed span shape the starts", () => {
    const long = { durationMinutes: 90, spanStart: "09:30", spanEnd: "11:45" };
    expect(dayOf(schedule, "2027-03-08", long)).toEqual(["09:30", "09:45", "10:00", "10:15"]);
  });

  it("refuses a duration that is not a multiple of 15 minutes, or a start off the quarter", () => {
    expect(checkSlot(schedule, { ...type, durationMinutes: 50 }, rep, paris("2027-03-08", "09:00"), now, rights)).toEqual({
      ok: false,
      reason: "badDuration",
    });
    expect(checkSlot(schedule, type, rep, new Date(+paris("2027-03-08", "09:00") + 5 * 60_000), now, rights)).toEqual({
      ok: false,
      reason: "notQuarter",
    });
  });

  it("names the reason of a refused slot: greyed, past, too late, too far ahead", () => {
    expect(checkSlot(schedule, type, rep, paris("2027-03-08", "12:00"), now, rights)).toEqual({ ok: false, reason: "greyed" });
    expect(checkSlot(schedule, type, rep, paris("2027-03-08", "09:00"), paris("2027-03-08", "10:00"), rights)).toEqual({
      ok: false,
      reason: "past",
    });
    expect(
      checkSlot(schedule, type, rep, paris("2027-03-08", "09:00"), paris("2027-03-08", "08:30"), { ...rights, minNoticeMinutes: 60 }),
    ).toEqual({
      ok: false,
      reason: "tooLate",
    });
    expect(checkSlot(schedule, type, rep, paris("2027-03-30", "09:00"), now, { ...rights, maxDaysAhead: 7 })).toEqual({
      ok: false,
      reason: "tooFarAhead",
    });
    expect(checkSlot(schedule, type, rep, paris("2027-03-08", "09:00"), now, rights)).toEqual({ ok: true });
  });

  it("holidays close the day (or half of it) with the holiday's name", () => {
    const withHoliday: SlotSchedule = {
      ...schedule,
      holidays: [
        { label: "Armistice", date: "2000-03-08", recurring: true, part: "full" },
        { label: "Pont", date: "2027-03-09", recurring: false, part: "afternoon" },
      ],
    };
    expect(dayOf(withHoliday, "2027-03-08")).toEqual([]);
    expect(checkSlot(withHoliday, type, rep, paris("2027-03-08", "10:00"), now, rights)).toEqual({
      ok: false,
      reason: "holiday",
      holiday: "Armistice",
    });
    const tuesday = dayOf(withHoliday, "2027-03-09");
    expect(tuesday).toContain("11:00");
    expect(tuesday).not.toContain("14:00");
  });

  it("existing appointments take their quarters; a slot touching one is still free", () => {
    const busy: SlotRep = { ...rep, busy: [{ startsAt: paris("2027-03-08", "10:00"), endsAt: paris("2027-03-08", "10:30") }] };
    const slots = dayOf(schedule, "2027-03-08", type, busy);
    expect(slots).toContain("09:00"); // ends 10:00
    expect(slots).not.toContain("09:15");
    expect(slots).not.toContain("10:15");
    expect(slots).toContain("10:30");
    expect(checkSlot(schedule, type, busy, paris("2027-03-08", "09:45"), now, rights)).toEqual({ ok: false, reason: "taken" });
  });

  it("quotas per day and per week", () => {
    const one = { startsAt: paris("2027-03-08", "09:00"), endsAt: paris("2027-03-08", "10:00") };
    const daily: SlotRep = { quotaPerDay: 1, quotaPerWeek: null, busy: [one] };
    expect(checkSlot(schedule, type, daily, paris("2027-03-08", "15:00"), now, rights)).toEqual({ ok: false, reason: "quotaDay" });
    expect(checkSlot(schedule, type, daily, paris("2027-03-09", "15:00"), now, rights)).toEqual({ ok: true });
    const weekly: SlotRep = { quotaPerDay: null, quotaPerWeek: 1, busy: [one] };
    expect(checkSlot(schedule, type, weekly, paris("2027-03-12", "15:00"), now, rights)).toEqual({ ok: false, reason: "quotaWeek" });
    // Next Monday is a new quota week.
    expect(checkSlot(schedule, type, weekly, paris("2027-03-15", "15:00"), now, rights)).toEqual({ ok: true });
  });

  it("spring forward: the missing hour is never offered, appointments last their real duration", () => {
    // 28 March 2027 in Paris: 02:00 → 03:00. An all-day-open Sunday grid.
    const open: SlotSchedule = { timeZone: "Europe/Paris", greyed: [], holidays: [] };
    const slots = dayOf(open, "2027-03-28", { durationMinutes: 15, spanStart: "00:00", spanEnd: "24:00" });
    expect(slots).toContain("01:45");
    expect(slots).not.toContain("02:00");
    expect(slots).not.toContain("02:30");
    expect(slots).toContain("03:00");
    expect(slots).toHaveLength(92); // a 23-hour day
    expect(zonedInstant("2027-03-28", 150, "Europe/Paris")).toBeNull();
  });

  it("fall back: the repeated hour is offered twice (two real instants)", () => {
    // 31 October 2027 in Paris: 03:00 → 02:00.
    const open: SlotSchedule = { timeZone: "Europe/Paris", greyed: [], holidays: [] };
    const slots = dayOf(open, "2027-10-31", { durationMinutes: 15, spanStart: "00:00", spanEnd: "24:00" });
    expect(slots.filter((s) => s === "02:15")).toHaveLength(2);
    expect(slots).toHaveLength(100); // a 25-hour day
    // The wall clock read for 02:30 is the first of the two.
    expect(zonedInstant("2027-10-31", 150, "Europe/Paris")!.toISOString()).toBe("2027-10-31T00:30:00.000Z");
  });

  it("the grid is read in the schedule's time zone", () => {
    const ny: SlotSchedule = { ...schedule, timeZone: "America/New_York" };
    const start = zonedInstant("2027-03-08", 9 * 60, "America/New_York")!;
    expect(start.toISOString()).toBe("2027-03-08T14:00:00.000Z");
    expect(checkSlot(ny, type, rep, start, now, rights)).toEqual({ ok: true });
    // 09:00 in Paris is 03:00 in New York: greyed there.
    expect(checkSlot(ny, type, rep, paris("2027-03-08", "09:00"), now, rights)).toEqual({ ok: false, reason: "greyed" });
  });
});

describe("zones", () => {
  it("matches postal-code prefixes and region names; no zone covers everything", () => {
    expect(repCoversZone([], "75011")).toBe(true);
    expect(repCoversZone(["75", "92"], "75011")).toBe(true);
    expect(repCoversZone(["75", "92"], "69001")).toBe(false);
    expect(repCoversZone(["Île-de-France"], null, "ile-de-france")).toBe(true);
    expect(repCoversZone(["75"], null)).toBe(true);
  });
});
