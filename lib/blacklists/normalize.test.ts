import { describe, expect, it } from "vitest";
import { cleanWord, normalizeWord, wordProblem } from "./normalize";

describe("keyword normalisation", () => {
  it("ignores case, accents and extra whitespace but keeps the word as typed", () => {
    expect(normalizeWord("  Épée   Noire ")).toBe("epee noire");
    expect(normalizeWord("ÇA CRAINT")).toBe("ca craint");
    expect(normalizeWord("Noël\u00a0 maïs")).toBe("noel mais");
    expect(cleanWord("  Épée \t Noire ")).toBe("Épée Noire");
  });

  it("treats precomposed and decomposed accents alike", () => {
    expect(normalizeWord("e\u0301te\u0301")).toBe(normalizeWord("été"));
  });

  it("refuses empty words, words over 100 characters and control characters", () => {
    expect(wordProblem("   ")).toBe("empty");
    expect(wordProblem("a".repeat(100))).toBeNull();
    expect(wordProblem("é".repeat(100))).toBeNull();
    expect(wordProblem("a".repeat(101))).toBe("tooLong");
    expect(wordProblem("bad\u0000word")).toBe("controlChar");
    expect(wordProblem("bell\u0007")).toBe("controlChar");
    expect(wordProblem("tab\tseparated")).toBeNull();
  });

  it("counts characters, not UTF-16 units (emoji are one character)", () => {
    expect(wordProblem("😀".repeat(100))).toBeNull();
  });
});
