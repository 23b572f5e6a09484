import { describe, expect, it } from "vitest";
import { buildIcs, escapeText, fold } from "./ics";

describe("appointment .ics", () => {
  it("is one VEVENT with UTC times, escaped text and CRLF lines", () => {
    const ics = buildIcs({
      uid: "appointment-7@relais",
      start: new Date("2027-03-08T08:00:00Z"),
      end: new Date("2027-03-08T09:00:00Z"),
      summary: "Visite — Dupont, Jean; VIP",
      location: "Agence\nParis",
      now: new Date("2027-03-01T10:00:00Z"),
    });
    expect(ics).toContain(
      "BEGIN:VEVENT\r\nUID:appointment-7@relais\r\nDTSTAMP:20270301T100000Z\r\nDTSTART:20270308T080000Z\r\nDTEND:20270308T090000Z",
    );
    expect(ics).toContain("SUMMARY:Visite — Dupont\\, Jean\\; VIP");
    expect(ics).toContain("LOCATION:Agence\\nParis");
    expect(ics.endsWith("END:VCALENDAR\r\n")).toBe(true);
  });

  it("folds long lines at 75 octets without cutting a character, and marks a cancellation", () => {
    const line = "DESCRIPTION:" + escapeText("é".repeat(100));
    const folded = fold(line).split("\r\n ");
    expect(folded.length).toBeGreaterThan(1);
    for (const part of folded) expect(Buffer.byteLength(part, "utf8")).toBeLessThanOrEqual(75);
    expect(folded.join("")).toBe(line);
    const cancel = buildIcs({ uid: "u", start: new Date(0), end: new Date(900_000), summary: "x", status: "CANCELLED", sequence: 2 });
    expect(cancel).toContain("METHOD:CANCEL");
    expect(cancel).toContain("STATUS:CANCELLED");
    expect(cancel).toContain("SEQUENCE:2");
  });
});
