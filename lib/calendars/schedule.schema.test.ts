import { describe, expect, it } from "vitest";
import { scheduleDaySchema, scheduleSchema } from "./schedule.schema";

const day = (open1 = "", close1 = "", open2 = "", close2 = "") => ({ open1, close1, open2, close2 });
const closedWeek = () => Array.from({ length: 7 }, () => day());

/** The issues of one day as "field: message" (what the form shows under each field). */
function issues(input: ReturnType<typeof day>) {
  const r = scheduleDaySchema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
}

describe("schedule day validation", () => {
  it("normalises typed times and clears zero slots (the manual's 0 for a continuous day)", () => {
    expect(scheduleDaySchema.parse(day("9", "12h", "14h30", "18:00"))).toEqual(day("09:00", "12:00", "14:30", "18:00"));
    expect(scheduleDaySchema.parse(day("9:00", "18:00", "0", "0"))).toEqual(day("09:00", "18:00"));
    expect(scheduleDaySchema.parse(day("00:00", "0", "", ""))).toEqual(day());
    expect(scheduleDaySchema.parse(day("0", "8", "20:00", "24:00"))).toEqual(day("00:00", "08:00", "20:00", "24:00"));
  });

  it("gives the same result when its output is parsed again (form then action)", () => {
    const once = scheduleDaySchema.parse(day("9", "12", "13h", "17h45"));
    expect(scheduleDaySchema.parse(once)).toEqual(once);
  });

  it("refuses a closing time not after the opening time", () => {
    expect(issues(day("12:00", "09:00"))).toEqual(["close1: schedules.errors.closeAfterOpen"]);
    expect(issues(day("09:00", "09:00"))).toEqual(["close1: schedules.errors.closeAfterOpen"]);
    expect(issues(day("09:00", "12:00", "18:00", "14:00"))).toEqual(["close2: schedules.errors.closeAfterOpen"]);
  });

  it("refuses a second slot that starts before the first one ends, accepts one that starts when it ends", () => {
    expect(issues(day("09:00", "13:00", "12:00", "18:00"))).toEqual(["open2: schedules.errors.slot2AfterSlot1"]);
    expect(issues(day("09:00", "12:00", "12:00", "18:00"))).toEqual([]);
  });

  it("asks for the first slot before the second", () => {
    expect(issues(day("", "", "14:00", "18:00"))).toEqual(["open2: schedules.errors.slot1First"]);
  });

  it("asks for the missing half of a slot", () => {
    expect(issues(day("09:00", ""))).toEqual(["close1: schedules.errors.closeMissing"]);
    expect(issues(day("", "12:00"))).toEqual(["open1: schedules.errors.openMissing"]);
  });

  it("refuses unreadable times", () => {
    for (const bad of ["25:00", "24:30", "9:75", "abc", "9.30", "-1"]) {
      expect(issues(day(bad, "18:00")), bad).toEqual(["open1: schedules.errors.timeFormat"]);
    }
  });
});

describe("schedule validation", () => {
  it("defaults the time zone to Europe/Paris and accepts UTC and IANA zones", () => {
    expect(scheduleSchema.parse({ name: " Bureau ", days: closedWeek() })).toMatchObject({ name: "Bureau", timeZone: "Europe/Paris" });
    expect(scheduleSchema.parse({ name: "x", timeZone: "UTC", days: closedWeek() }).timeZone).toBe("UTC");
    expect(scheduleSchema.parse({ name: "x", timeZone: "America/New_York", days: closedWeek() }).timeZone).toBe("America/New_York");
  });

  it("refuses an unknown time zone, a missing name and a week that is not seven days", () => {
    const r = scheduleSchema.safeParse({ name: "", timeZone: "Mars/Olympus_Mons", days: closedWeek().slice(1) });
    expect(r.success).toBe(false);
    const byPath = Object.fromEntries(r.error!.issues.map((i) => [i.path.join("."), i.message]));
    expect(byPath).toEqual({ name: "common.requiredField", timeZone: "schedules.errors.timeZone", days: "errors.invalidInput" });
  });

  it("reports a day's errors under that day's fields", () => {
    const days = closedWeek();
    days[2] = day("18:00", "09:00");
    const r = scheduleSchema.safeParse({ name: "x", days });
    expect(r.error?.issues.map((i) => i.path.join("."))).toEqual(["days.2.close1"]);
  });
});
