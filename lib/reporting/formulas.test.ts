import { describe, expect, it } from "vitest";
import { conversionRate, formatDuration, quotaProgress, sumMoney } from "./formulas";

describe("report formulas", () => {
  it("conversion = Positive ÷ (Positive + Argued), not-argued contacts aside", () => {
    expect(conversionRate(3, 1)).toBe(0.75);
    expect(conversionRate(0, 4)).toBe(0);
    expect(conversionRate(2, 0)).toBe(1);
  });

  it("has no conversion rate when nobody was argued with (0 ÷ 0), nor for an empty range", () => {
    expect(conversionRate(0, 0)).toBeNull();
  });

  it("gives quota progress only against a target", () => {
    expect(quotaProgress(5, 20)).toBe(0.25);
    expect(quotaProgress(30, 20)).toBe(1.5);
    expect(quotaProgress(5, null)).toBeNull();
    expect(quotaProgress(0, 0)).toBeNull();
  });

  it("shows durations readably and a dash without data", () => {
    expect(formatDuration(null)).toBe("—");
    expect(formatDuration(12.4)).toBe("12 s");
    expect(formatDuration(245)).toBe("4 min 05 s");
    expect(formatDuration(3720)).toBe("1 h 02 min");
  });

  it("adds money exactly", () => {
    expect(sumMoney(["0.10", "0.20", null, "1", "-0.05"])).toBe("1.25");
    expect(sumMoney([])).toBe("0.00");
  });
});
