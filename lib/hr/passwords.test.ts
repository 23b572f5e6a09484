import { describe, expect, it } from "vitest";
import { newAccountPassword } from "./passwords";

describe("newAccountPassword", () => {
  it("is strong and never starts like a spreadsheet formula", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const p = newAccountPassword();
      expect(p).toHaveLength(16);
      expect(p).not.toMatch(/^[=+\-@]/);
      expect(p).toMatch(/[a-z]/);
      expect(p).toMatch(/[A-Z]/);
      expect(p).toMatch(/[2-9]/);
      seen.add(p);
    }
    expect(seen.size).toBe(2000);
  });
});
