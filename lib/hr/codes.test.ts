import { describe, expect, it } from "vitest";
import { applyNamePattern, parseCodeRange, WIZARD_MAX_ACCOUNTS } from "./codes";

describe("parseCodeRange", () => {
  it("expands a range into four-digit codes", () => {
    const r = parseCodeRange("2000-2004");
    expect(r).toEqual({ ok: true, codes: ["2000", "2001", "2002", "2003", "2004"] });
  });

  it("keeps leading zeros and accepts an en dash, spaces, commas and single codes", () => {
    expect(parseCodeRange(" 0098 – 0100 ; 0500,0042 ")).toEqual({ ok: true, codes: ["0042", "0098", "0099", "0100", "0500"] });
  });

  it("removes duplicates of overlapping parts", () => {
    expect(parseCodeRange("1000-1002, 1001-1003")).toEqual({ ok: true, codes: ["1000", "1001", "1002", "1003"] });
  });

  it("refuses what is not a four-digit code", () => {
    expect(parseCodeRange("200-210")).toEqual({ ok: false, error: "hr.errors.rangeFormat" });
    expect(parseCodeRange("2000-abc")).toMatchObject({ ok: false, error: "hr.errors.rangeFormat" });
    expect(parseCodeRange("12345")).toMatchObject({ ok: false, error: "hr.errors.rangeFormat" });
  });

  it("refuses an empty, reversed or too large range", () => {
    expect(parseCodeRange("  ")).toEqual({ ok: false, error: "hr.errors.rangeEmpty" });
    expect(parseCodeRange("2049-2000")).toEqual({ ok: false, error: "hr.errors.rangeReversed" });
    expect(parseCodeRange("1000-1100")).toMatchObject({ ok: false, error: "hr.errors.rangeTooLarge" });
    expect(parseCodeRange(`1000-${1000 + WIZARD_MAX_ACCOUNTS - 1}`)).toMatchObject({ ok: true });
    // Parts that are each small enough but too many together.
    expect(parseCodeRange("1000-1060, 2000-2060")).toMatchObject({ ok: false, error: "hr.errors.rangeTooLarge" });
  });
});

describe("applyNamePattern", () => {
  it("puts the code in the name", () => {
    expect(applyNamePattern("Agent {code}", "2000")).toBe("Agent 2000");
    expect(applyNamePattern("  Equipe  A - {code} ({code}) ", "0042")).toBe("Equipe A - 0042 (0042)");
  });
});
