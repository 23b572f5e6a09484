import { describe, it, expect } from "vitest";
import { generatePassword, hashPassword, verifyPassword } from "./password";

describe("generated passwords", () => {
  it("are long, mix every character class and avoid look-alikes", () => {
    for (let i = 0; i < 200; i++) {
      const p = generatePassword();
      expect(p).toHaveLength(16);
      expect(p).toMatch(/[a-z]/);
      expect(p).toMatch(/[A-Z]/);
      expect(p).toMatch(/[2-9]/);
      expect(p).toMatch(/[-_.!?#%+=]/);
      expect(p).not.toMatch(/[0O1lI]/);
    }
  });

  it("do not repeat", () => {
    const set = new Set(Array.from({ length: 1000 }, () => generatePassword()));
    expect(set.size).toBe(1000);
  });

  it("refuse weak lengths", () => {
    expect(() => generatePassword(8)).toThrow();
  });

  it("verify against their hash only", async () => {
    const p = generatePassword();
    const hash = await hashPassword(p);
    expect(await verifyPassword(p, hash)).toBe(true);
    expect(await verifyPassword(p + "x", hash)).toBe(false);
  });
});
