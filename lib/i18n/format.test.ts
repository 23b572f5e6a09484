import { describe, expect, it } from "vitest";
import { createFormat } from "./format";

// ICU versions differ on which space goes before "PM" or between French thousands (a plain,
// no-break or narrow no-break one): the tests compare with any space written as " ".
const spaces = (text: string) => text.replace(/\s/g, " ");
const winter = new Date("2026-12-01T15:35:00Z");
const summer = new Date("2026-07-01T15:35:00Z");

describe("createFormat", () => {
  it("shows a UTC instant in Paris time, one hour later in winter and two in summer, in the French way", () => {
    const fr = createFormat("fr", "Europe/Paris");
    expect(fr.dateTime(winter)).toBe("1 déc. 2026, 16:35");
    expect(fr.dateTime(summer)).toBe("1 juil. 2026, 17:35");
    expect(fr.date(winter)).toBe("1 déc. 2026");
    expect(fr.time(winter)).toBe("16:35");
    expect(fr.dateTime(winter, { style: "dateTimeSeconds" })).toBe("1 déc. 2026, 16:35:00");
  });

  it("shows the same instant the English way", () => {
    const en = createFormat("en", "Europe/Paris");
    expect(spaces(en.dateTime(winter))).toBe("Dec 1, 2026, 4:35 PM");
    expect(en.date(winter)).toBe("Dec 1, 2026");
    expect(spaces(en.time(winter))).toBe("4:35 PM");
  });

  it("a call may name another time zone (a campaign's), and the date may change with it", () => {
    const fr = createFormat("fr", "Europe/Paris");
    expect(fr.dateTime(winter, { timeZone: "America/Toronto" })).toBe("1 déc. 2026, 10:35");
    expect(fr.dateTime(new Date("2026-12-01T23:30:00Z"), { timeZone: "Asia/Tokyo" })).toBe("2 déc. 2026, 08:30");
    expect(createFormat("fr", "UTC").dateTime(winter)).toBe("1 déc. 2026, 15:35");
  });

  it("accepts what a Date becomes on its way to the client (ISO string, epoch ms)", () => {
    const fr = createFormat("fr", "Europe/Paris");
    expect(fr.dateTime(winter.toISOString())).toBe("1 déc. 2026, 16:35");
    expect(fr.dateTime(winter.getTime())).toBe("1 déc. 2026, 16:35");
  });

  it("formats numbers and lists per locale", () => {
    expect(spaces(createFormat("fr").number(1234567))).toBe("1 234 567");
    expect(createFormat("en").number(1234567)).toBe("1,234,567");
    expect(createFormat("fr").list(["a", "b", "c"])).toBe("a, b et c");
    expect(createFormat("en").list(["a", "b", "c"])).toBe("a, b, and c");
  });
});
