import { describe, expect, it } from "vitest";
import { compileBlacklist } from "./match";

describe("blacklist matcher", () => {
  const match = compileBlacklist(["Arnaque", "prix cassé", "C'est nul", "!!!", "vol"]);

  it("finds whole words whatever the case and accents, returning them as typed", () => {
    expect(match("Attention : c'est une ARNAQUÉ !")).toEqual(["Arnaque"]);
    expect(match("arnaques en série")).toEqual([]);
    expect(match("Un volcan")).toEqual([]);
    expect(match("Vol à l'étalage")).toEqual(["vol"]);
  });

  it("finds phrases across punctuation and spacing, but only in order and whole", () => {
    expect(match("PRIX   CASSE, vraiment")).toEqual(["prix cassé"]);
    expect(match("le prix n'est pas cassé")).toEqual([]);
    expect(match("Franchement c’est nul")).toEqual(["C'est nul"]); // typographic and straight apostrophes alike
    expect(match("franchement c'est NUL.")).toEqual(["C'est nul"]);
  });

  it("reports each word once, in order of appearance", () => {
    expect(match("vol, arnaque, vol")).toEqual(["vol", "Arnaque"]);
  });

  it("looks for symbol-only entries as text", () => {
    expect(match("Super!!! offre")).toEqual(["!!!"]);
  });

  it("finds nothing with an empty blacklist", () => {
    expect(compileBlacklist([])("arnaque")).toEqual([]);
  });
});
