import { describe, expect, it } from "vitest";
import type { ScheduleDay } from "@/db/schema/calendars";
import { isOpenAt, openAtWallClock, wallClockAt, wallClockOf, type CalendarConfig, type HolidayRule } from "./hours";

const slots = (open1 = "", close1 = "", open2 = "", close2 = ""): ScheduleDay => ({ open1, close1, open2, close2 });
const weekday = slots("09:00", "12:00", "14:00", "18:00");
// Monday–Friday with a lunch break, Saturday continuous (slot 2 unused), Sunday closed.
const office = { days: [weekday, weekday, weekday, weekday, weekday, slots("09:00", "18:00"), slots()] };

const paris = (holidays: HolidayRule[] = [], schedule: CalendarConfig["schedule"] = office): CalendarConfig => ({
  schedule,
  holidays,
  timeZone: "Europe/Paris",
});
const at = (iso: string) => new Date(iso);

describe("isOpenAt: slots", () => {
  it("is open inside a slot, from its opening minute up to (not including) its closing minute", () => {
    // Friday 27 March 2026, Paris is UTC+1.
    expect(isOpenAt(paris(), at("2026-03-27T08:00:00Z"))).toEqual({ open: true, reason: "open", slot: { open: "09:00", close: "12:00" } });
    expect(isOpenAt(paris(), at("2026-03-27T07:59:00Z"))).toEqual({ open: false, reason: "outside_hours" });
    expect(isOpenAt(paris(), at("2026-03-27T11:00:00Z")).reason).toBe("outside_hours"); // 12:00, lunch
    expect(isOpenAt(paris(), at("2026-03-27T13:00:00Z")).slot).toEqual({ open: "14:00", close: "18:00" });
    expect(isOpenAt(paris(), at("2026-03-27T16:59:00Z")).open).toBe(true);
    expect(isOpenAt(paris(), at("2026-03-27T17:00:00Z")).open).toBe(false);
  });

  it("treats an unused second slot as a continuous day and a day without slots as closed", () => {
    // Saturday 28 March 2026 12:30 Paris: no lunch break on Saturdays.
    expect(isOpenAt(paris(), at("2026-03-28T11:30:00Z"))).toMatchObject({ open: true, slot: { open: "09:00", close: "18:00" } });
    expect(isOpenAt(paris(), at("2026-03-28T17:00:00Z")).reason).toBe("outside_hours");
    expect(isOpenAt(paris(), at("2026-03-29T10:00:00Z"))).toEqual({ open: false, reason: "closed_day" });
  });

  it("is open at any hour without a schedule", () => {
    expect(isOpenAt(paris([], null), at("2026-03-29T03:00:00Z"))).toEqual({ open: true, reason: "no_schedule" });
  });

  it("can close a day at 24:00 and open one at 00:00", () => {
    const late = paris([], { days: Array.from({ length: 7 }, () => slots("00:00", "02:00", "20:00", "24:00")) });
    expect(isOpenAt(late, at("2026-01-05T22:59:00Z")).open).toBe(true); // 23:59
    expect(isOpenAt(late, at("2026-01-05T23:00:00Z")).open).toBe(true); // 00:00 next day
    expect(isOpenAt(late, at("2026-01-06T01:00:00Z")).open).toBe(false); // 02:00
  });
});

describe("isOpenAt: daylight-saving changes in Europe/Paris (29 March and 25 October 2026)", () => {
  it("keeps 09:00 at 09:00 local on both sides of the March change", () => {
    // Friday before: 09:00 Paris = 08:00 UTC. Monday after: 09:00 Paris = 07:00 UTC.
    expect(isOpenAt(paris(), at("2026-03-27T08:00:00Z")).open).toBe(true);
    expect(isOpenAt(paris(), at("2026-03-30T07:00:00Z")).open).toBe(true);
    expect(isOpenAt(paris(), at("2026-03-30T06:59:00Z")).reason).toBe("outside_hours");
    expect(isOpenAt(paris(), at("2026-03-30T15:59:00Z")).open).toBe(true);
    expect(isOpenAt(paris(), at("2026-03-30T16:00:00Z")).reason).toBe("outside_hours"); // 18:00 CEST
  });

  it("jumps from 01:59 to 03:00 in the night of the March change", () => {
    expect(wallClockAt(at("2026-03-29T00:59:00Z"), "Europe/Paris")).toEqual({ date: "2026-03-29", weekday: 6, minutes: 1 * 60 + 59 });
    expect(wallClockAt(at("2026-03-29T01:00:00Z"), "Europe/Paris")).toEqual({ date: "2026-03-29", weekday: 6, minutes: 3 * 60 });
    const night = paris([], { days: [...office.days.slice(0, 6), slots("02:00", "03:00")] });
    // 02:00–03:00 does not exist that night: never open.
    expect(isOpenAt(night, at("2026-03-29T00:59:00Z")).open).toBe(false);
    expect(isOpenAt(night, at("2026-03-29T01:00:00Z")).open).toBe(false);
  });

  it("lives 02:00–03:00 twice in the night of the October change", () => {
    const night = paris([], { days: [...office.days.slice(0, 6), slots("02:00", "03:00")] });
    expect(wallClockAt(at("2026-10-25T00:30:00Z"), "Europe/Paris").minutes).toBe(150);
    expect(wallClockAt(at("2026-10-25T01:30:00Z"), "Europe/Paris").minutes).toBe(150);
    expect(isOpenAt(night, at("2026-10-25T00:30:00Z")).open).toBe(true); // 02:30 CEST
    expect(isOpenAt(night, at("2026-10-25T01:30:00Z")).open).toBe(true); // 02:30 CET
    expect(isOpenAt(night, at("2026-10-25T02:00:00Z")).open).toBe(false); // 03:00 CET
  });

  it("keeps 09:00 at 09:00 local on both sides of the October change", () => {
    expect(isOpenAt(paris(), at("2026-10-23T07:00:00Z")).open).toBe(true); // Friday 09:00 CEST
    expect(isOpenAt(paris(), at("2026-10-26T07:00:00Z")).reason).toBe("outside_hours"); // Monday 08:00 CET
    expect(isOpenAt(paris(), at("2026-10-26T08:00:00Z")).open).toBe(true); // Monday 09:00 CET
  });

  it("reads the weekday in the zone, not in UTC", () => {
    // Monday 22:30 UTC is already Tuesday 00:30 in Paris (summer time).
    const tuesdayNight = paris([], { days: [slots(), slots("00:00", "01:00"), slots(), slots(), slots(), slots(), slots()] });
    expect(wallClockAt(at("2026-03-30T22:30:00Z"), "Europe/Paris")).toEqual({ date: "2026-03-31", weekday: 1, minutes: 30 });
    expect(isOpenAt(tuesdayNight, at("2026-03-30T22:30:00Z")).open).toBe(true);
  });
});

describe("isOpenAt: America/New_York (changes on 8 March and 1 November 2026)", () => {
  const ny: CalendarConfig = { schedule: office, holidays: [], timeZone: "America/New_York" };

  it("follows New York's own change dates", () => {
    expect(isOpenAt(ny, at("2026-03-06T14:00:00Z")).open).toBe(true); // Fri 09:00 EST
    expect(isOpenAt(ny, at("2026-03-06T13:00:00Z")).reason).toBe("outside_hours"); // Fri 08:00 EST
    expect(isOpenAt(ny, at("2026-03-09T13:00:00Z")).open).toBe(true); // Mon 09:00 EDT
    expect(isOpenAt(ny, at("2026-11-02T13:30:00Z")).reason).toBe("outside_hours"); // Mon 08:30 EST
    expect(isOpenAt(ny, at("2026-11-02T14:00:00Z")).open).toBe(true); // Mon 09:00 EST
  });

  it("gives a different answer than Paris for the same instant", () => {
    expect(isOpenAt(paris(), at("2026-03-16T16:30:00Z")).open).toBe(true); // 17:30 in Paris
    expect(isOpenAt(ny, at("2026-03-16T16:30:00Z")).reason).toBe("outside_hours"); // 12:30 in New York, lunch
  });
});

describe("isOpenAt: holidays", () => {
  const christmas: HolidayRule = { label: "Noël", date: "2026-12-25", recurring: false, part: "full" };
  const mayDay: HolidayRule = { label: "Fête du travail", date: "2020-05-01", recurring: true, part: "full" };

  it("closes a whole single holiday, whatever the hour", () => {
    expect(isOpenAt(paris([christmas]), at("2026-12-25T09:00:00Z"))).toEqual({ open: false, reason: "holiday", holiday: "Noël" });
    expect(isOpenAt(paris([christmas]), at("2026-12-24T09:00:00Z")).open).toBe(true);
    // A single holiday does not come back the next year.
    expect(isOpenAt(paris([christmas]), at("2027-12-24T09:00:00Z")).open).toBe(true);
  });

  it("closes a recurring holiday every year, and a recurring 29 February only in leap years", () => {
    expect(isOpenAt(paris([mayDay]), at("2026-05-01T09:00:00Z"))).toMatchObject({ open: false, holiday: "Fête du travail" });
    expect(isOpenAt(paris([mayDay]), at("2031-05-01T09:00:00Z")).reason).toBe("holiday");
    const leap: HolidayRule = { label: "Bissextile", date: "2024-02-29", recurring: true, part: "full" };
    expect(isOpenAt(paris([leap]), at("2028-02-29T09:00:00Z")).reason).toBe("holiday");
    expect(isOpenAt(paris([leap], null), at("2027-02-28T09:00:00Z")).reason).toBe("no_schedule");
    expect(isOpenAt(paris([leap], null), at("2027-03-01T09:00:00Z")).reason).toBe("no_schedule");
  });

  it("closes only the morning (before 12:00) or only the afternoon (from 12:00) of a half holiday", () => {
    const eve: HolidayRule = { label: "Réveillon", date: "2026-12-24", recurring: false, part: "morning" };
    const nye: HolidayRule = { label: "Saint-Sylvestre", date: "2026-12-31", recurring: true, part: "afternoon" };
    expect(isOpenAt(paris([eve]), at("2026-12-24T09:00:00Z"))).toEqual({ open: false, reason: "holiday_morning", holiday: "Réveillon" });
    expect(isOpenAt(paris([eve]), at("2026-12-24T13:00:00Z")).open).toBe(true); // 14:00
    expect(isOpenAt(paris([nye]), at("2026-12-31T10:59:00Z")).open).toBe(true); // 11:59
    expect(isOpenAt(paris([nye]), at("2026-12-31T11:00:00Z"))).toEqual({
      open: false,
      reason: "holiday_afternoon",
      holiday: "Saint-Sylvestre",
    }); // 12:00
    // In the half that is not a holiday, the schedule still decides.
    expect(isOpenAt(paris([eve]), at("2026-12-24T18:30:00Z")).reason).toBe("outside_hours");
  });

  it("closes on holidays even without a schedule", () => {
    expect(isOpenAt(paris([christmas], null), at("2026-12-25T03:00:00Z")).reason).toBe("holiday");
    expect(isOpenAt(paris([christmas], null), at("2026-12-26T03:00:00Z")).reason).toBe("no_schedule");
  });

  it("reads the holiday's date in the time zone", () => {
    // 24 December 23:30 UTC is already Christmas in Paris, still Christmas Eve in New York.
    expect(isOpenAt(paris([christmas], null), at("2026-12-24T23:30:00Z")).reason).toBe("holiday");
    expect(isOpenAt({ schedule: null, holidays: [christmas], timeZone: "America/New_York" }, at("2026-12-24T23:30:00Z")).open).toBe(true);
  });
});

describe("wallClockOf (the schedule page's check)", () => {
  it("reads a typed date and time with its weekday", () => {
    expect(wallClockOf("2026-03-29", "02:30")).toEqual({ date: "2026-03-29", weekday: 6, minutes: 150 });
    expect(wallClockOf("2026-03-30", "09:00")?.weekday).toBe(0);
    expect(openAtWallClock({ schedule: office, holidays: [] }, wallClockOf("2026-03-30", "09:00")!).open).toBe(true);
  });

  it("refuses impossible dates and times", () => {
    expect(wallClockOf("2026-02-30", "09:00")).toBeNull();
    expect(wallClockOf("2026-03-30", "24:00")).toBeNull();
    expect(wallClockOf("", "09:00")).toBeNull();
  });
});
