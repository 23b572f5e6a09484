import { describe, expect, it } from "vitest";
import { bucketsOf } from "./buckets";
import { addDays, dayIn, lastMonth, rangeInputSchema, resolveRange, startOfDay } from "./range";

const PARIS = "Europe/Paris";
// Tuesday 1 December 2026, 00:30 in Paris = 23:30 UTC on 30 November.
const now = new Date("2026-11-30T23:30:00Z");

describe("report ranges in the campaign's time zone", () => {
  it("reads today as the campaign's calendar day, not UTC's", () => {
    const r = resolveRange({ preset: "today" }, PARIS, now);
    expect(r.firstDay).toBe("2026-12-01");
    expect(r.from.toISOString()).toBe("2026-11-30T23:00:00.000Z");
    expect(r.to.toISOString()).toBe("2026-12-01T23:00:00.000Z");
    expect(r.bucket).toBe("hour");
    // The same instant is still 30 November in New York.
    expect(resolveRange({ preset: "today" }, "America/New_York", now).firstDay).toBe("2026-11-30");
  });

  it("gives every preset its days", () => {
    const days = (preset: "yesterday" | "thisWeek" | "last7Days" | "thisMonth") => {
      const r = resolveRange({ preset }, PARIS, now);
      return [r.firstDay, r.lastDay];
    };
    expect(days("yesterday")).toEqual(["2026-11-30", "2026-11-30"]);
    expect(days("thisWeek")).toEqual(["2026-11-30", "2026-12-06"]); // Monday to Sunday
    expect(days("last7Days")).toEqual(["2026-11-25", "2026-12-01"]);
    expect(days("thisMonth")).toEqual(["2026-12-01", "2026-12-31"]);
    expect(resolveRange({ preset: "thisMonth" }, PARIS, new Date("2028-02-10T12:00:00Z")).lastDay).toBe("2028-02-29");
    expect(resolveRange({ preset: "thisWeek" }, PARIS, new Date("2026-12-06T20:00:00Z")).firstDay).toBe("2026-11-30"); // a Sunday
  });

  it("takes a custom range's two days inclusive and refuses bad ones", () => {
    const r = resolveRange({ preset: "custom", from: "2026-11-01", to: "2026-11-30" }, PARIS, now);
    expect(r.from.toISOString()).toBe("2026-10-31T23:00:00.000Z");
    expect(r.to.toISOString()).toBe("2026-11-30T23:00:00.000Z");
    expect(r.bucket).toBe("day");
    expect(rangeInputSchema.safeParse({ preset: "custom" }).success).toBe(false);
    expect(rangeInputSchema.safeParse({ preset: "custom", from: "2026-02-30", to: "2026-03-01" }).success).toBe(false);
    expect(rangeInputSchema.safeParse({ preset: "custom", from: "2026-03-02", to: "2026-03-01" }).success).toBe(false);
    expect(rangeInputSchema.safeParse({ preset: "custom", from: "2024-01-01", to: "2026-03-01" }).success).toBe(false);
    expect(rangeInputSchema.safeParse({ preset: "lastYear" }).success).toBe(false);
  });

  it("makes DST days 23 and 25 hours long", () => {
    const spring = resolveRange({ preset: "custom", from: "2026-03-29", to: "2026-03-29" }, PARIS, now);
    expect((spring.to.getTime() - spring.from.getTime()) / 3_600_000).toBe(23);
    expect(bucketsOf(spring)).toHaveLength(23);
    expect(bucketsOf(spring)).not.toContain("2026-03-29T02:00");
    const autumn = resolveRange({ preset: "custom", from: "2026-10-25", to: "2026-10-25" }, PARIS, now);
    expect((autumn.to.getTime() - autumn.from.getTime()) / 3_600_000).toBe(25);
    // 02:00 happens twice; date_trunc on the wall clock makes it one bucket.
    expect(bucketsOf(autumn)).toHaveLength(24);
  });

  it("starts a day after the gap where midnight does not exist", () => {
    // Santiago moves from 00:00 to 01:00 on 6 September 2026.
    const start = startOfDay("2026-09-06", "America/Santiago");
    expect(dayIn(start, "America/Santiago")).toBe("2026-09-06");
    expect(dayIn(new Date(start.getTime() - 1000), "America/Santiago")).toBe("2026-09-05");
  });

  it("counts an instant just before local midnight in the day it belongs to", () => {
    const r = resolveRange({ preset: "custom", from: "2026-07-01", to: "2026-07-31" }, PARIS, now);
    expect(new Date("2026-07-31T21:59:59Z") < r.to).toBe(true); // 23:59:59 in Paris (UTC+2)
    expect(new Date("2026-07-31T22:00:00Z") < r.to).toBe(false);
    expect(r.from.toISOString()).toBe("2026-06-30T22:00:00.000Z");
  });

  it("labels hour and day buckets as the SQL does", () => {
    const day = resolveRange({ preset: "today" }, PARIS, now);
    expect(bucketsOf(day)[0]).toBe("2026-12-01T00:00");
    expect(bucketsOf(day).at(-1)).toBe("2026-12-01T23:00");
    const month = lastMonth(PARIS, now);
    expect([month.firstDay, month.lastDay]).toEqual(["2026-11-01", "2026-11-30"]);
    expect(bucketsOf(month)).toHaveLength(30);
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
  });
});
