import { describe, expect, it } from "vitest";
import type { ScheduleDay } from "@/db/schema/calendars";
import type { CalendarConfig, HolidayRule } from "./hours";
import { instantAtWallClock, nextOpeningAt } from "./next-open";

const slots = (open1 = "", close1 = "", open2 = "", close2 = ""): ScheduleDay => ({ open1, close1, open2, close2 });
const weekday = slots("09:00", "12:00", "14:00", "18:00");
// Monday–Friday with a lunch break, Saturday morning, Sunday closed.
const office = { days: [weekday, weekday, weekday, weekday, weekday, slots("09:00", "12:00"), slots()] };
const config = (
  holidays: HolidayRule[] = [],
  timeZone = "Europe/Paris",
  schedule: CalendarConfig["schedule"] = office,
): CalendarConfig => ({
  schedule,
  holidays,
  timeZone,
});
const iso = (d: Date | null) => d?.toISOString() ?? null;
const holiday = (date: string, part: HolidayRule["part"] = "full", recurring = false): HolidayRule => ({
  label: "H",
  date,
  recurring,
  part,
});

describe("nextOpeningAt: schedule gaps", () => {
  it("is the instant itself when open", () => {
    const t = new Date("2026-12-01T09:30:00Z");
    expect(nextOpeningAt(config(), t)).toBe(t);
  });

  it("opens after the lunch break the same day", () => {
    // Tuesday 1 December 2026, 12:30 Paris (UTC+1) → 14:00 Paris.
    expect(iso(nextOpeningAt(config(), new Date("2026-12-01T11:30:00Z")))).toBe("2026-12-01T13:00:00.000Z");
  });

  it("opens the next morning after closing time, and on Monday after a Saturday afternoon", () => {
    expect(iso(nextOpeningAt(config(), new Date("2026-12-01T19:00:00Z")))).toBe("2026-12-02T08:00:00.000Z");
    // Saturday 5 December 13:00 Paris: Saturday afternoon and Sunday closed → Monday 09:00.
    expect(iso(nextOpeningAt(config(), new Date("2026-12-05T12:00:00Z")))).toBe("2026-12-07T08:00:00.000Z");
  });

  it("never opens with a schedule without any slot", () => {
    expect(
      nextOpeningAt(config([], "Europe/Paris", { days: Array.from({ length: 7 }, () => slots()) }), new Date("2026-12-01T12:00:00Z")),
    ).toBe(null);
  });
});

describe("nextOpeningAt: holidays", () => {
  it("skips a full holiday and a run of them", () => {
    // Thursday 24 December 19:00 → Friday 25 is Christmas → Saturday 26 at 09:00.
    expect(iso(nextOpeningAt(config([holiday("2026-12-25")]), new Date("2026-12-24T18:00:00Z")))).toBe("2026-12-26T08:00:00.000Z");
    const both = [holiday("2026-12-25"), holiday("2026-12-26")];
    expect(iso(nextOpeningAt(config(both), new Date("2026-12-24T18:00:00Z")))).toBe("2026-12-28T08:00:00.000Z");
  });

  it("applies recurring holidays in later years", () => {
    // 25 December 2027 is a Saturday: closed; Monday 27 opens.
    expect(iso(nextOpeningAt(config([holiday("2020-12-25", "full", true)]), new Date("2027-12-24T18:00:00Z")))).toBe(
      "2027-12-27T08:00:00.000Z",
    );
  });

  it("opens at 14:00 after a morning holiday and stays closed the afternoon of an afternoon holiday", () => {
    expect(iso(nextOpeningAt(config([holiday("2026-12-02", "morning")]), new Date("2026-12-01T19:00:00Z")))).toBe(
      "2026-12-02T13:00:00.000Z",
    );
    // Afternoon holiday on Wednesday 2: at 12:30 it is closed until Thursday 09:00.
    expect(iso(nextOpeningAt(config([holiday("2026-12-02", "afternoon")]), new Date("2026-12-02T11:30:00Z")))).toBe(
      "2026-12-03T08:00:00.000Z",
    );
  });

  it("opens at noon when a morning holiday ends inside a continuous slot", () => {
    const continuous = { days: Array.from({ length: 7 }, () => slots("08:00", "18:00")) };
    expect(
      iso(nextOpeningAt(config([holiday("2026-12-02", "morning")], "Europe/Paris", continuous), new Date("2026-12-02T07:00:00Z"))),
    ).toBe("2026-12-02T11:00:00.000Z");
  });

  it("opens at midnight after a holiday when there is no schedule", () => {
    expect(iso(nextOpeningAt(config([holiday("2026-12-25")], "Europe/Paris", null), new Date("2026-12-25T10:00:00Z")))).toBe(
      "2026-12-25T23:00:00.000Z",
    );
  });
});

describe("nextOpeningAt: time zones and daylight saving", () => {
  it("reads the schedule in its own zone", () => {
    // Tuesday 1 December 2026 20:00 UTC is 15:00 in New York (open) and 21:00 in Paris (closed).
    expect(iso(nextOpeningAt(config([], "America/New_York"), new Date("2026-12-01T20:00:00Z")))).toBe("2026-12-01T20:00:00.000Z");
    // 23:30 UTC = 18:30 New York: Wednesday 09:00 EST = 14:00 UTC.
    expect(iso(nextOpeningAt(config([], "America/New_York"), new Date("2026-12-01T23:30:00Z")))).toBe("2026-12-02T14:00:00.000Z");
    // Tokyo (UTC+9, no DST): Tuesday 1 December 10:00 UTC = 19:00 → Wednesday 09:00 JST = 00:00 UTC.
    expect(iso(nextOpeningAt(config([], "Asia/Tokyo"), new Date("2026-12-01T10:00:00Z")))).toBe("2026-12-02T00:00:00.000Z");
  });

  it("keeps 09:00 local across the spring and autumn changes (Paris, 29 March and 25 October 2026)", () => {
    // Saturday 28 March 13:00 CET → Monday 30 March 09:00 CEST = 07:00 UTC.
    expect(iso(nextOpeningAt(config(), new Date("2026-03-28T12:00:00Z")))).toBe("2026-03-30T07:00:00.000Z");
    // Saturday 24 October 13:00 CEST → Monday 26 October 09:00 CET = 08:00 UTC.
    expect(iso(nextOpeningAt(config(), new Date("2026-10-24T11:00:00Z")))).toBe("2026-10-26T08:00:00.000Z");
  });

  it("opens at the end of the gap when a slot starts at a time the spring change skips", () => {
    const night = { days: Array.from({ length: 7 }, () => slots("02:30", "05:00")) };
    // Sunday 29 March 2026 in Paris: 02:30 does not exist; the slot opens at 03:00 CEST = 01:00 UTC.
    expect(iso(nextOpeningAt(config([], "Europe/Paris", night), new Date("2026-03-28T22:00:00Z")))).toBe("2026-03-29T01:00:00.000Z");
  });

  it("converts a wall clock to an instant", () => {
    expect(instantAtWallClock("2026-07-14", 9 * 60, "Europe/Paris").toISOString()).toBe("2026-07-14T07:00:00.000Z");
    expect(instantAtWallClock("2026-01-14", 9 * 60, "Europe/Paris").toISOString()).toBe("2026-01-14T08:00:00.000Z");
    expect(instantAtWallClock("2026-03-29", 2 * 60 + 30, "Europe/Paris").toISOString()).toBe("2026-03-29T01:00:00.000Z");
    // 02:30 happens twice on 25 October: either instant is 02:30 on the wall.
    expect(["2026-10-25T00:30:00.000Z", "2026-10-25T01:30:00.000Z"]).toContain(
      instantAtWallClock("2026-10-25", 2 * 60 + 30, "Europe/Paris").toISOString(),
    );
  });
});
