import { describe, it, expect } from "vitest";
import { ruleSchema } from "./rule.schema";

const base = { skillGroupId: 1, skillId: 2, minLevel: 5 };
const parse = (element: string, operator: string, value: string) => ruleSchema.safeParse({ ...base, element, operator, value });
const valueOf = (element: string, operator: string, value: string) => {
  const r = parse(element, operator, value);
  return r.success ? r.data.value : null;
};
const errorOf = (element: string, operator: string, value: string) => {
  const r = parse(element, operator, value);
  return r.success ? null : r.error.issues.map((i) => `${i.path.join(".")}:${i.message}`);
};

describe("rule values, validated per element", () => {
  it("accepts ISO 639-1 language codes only, one unless the operator is a list", () => {
    expect(valueOf("lang", "equals", " FR ")).toBe("fr");
    expect(valueOf("lang", "in_list", "fr;EN, fr ,de")).toBe("fr, en, de");
    expect(errorOf("lang", "equals", "fra")).toEqual(["value:distribution.errors.lang"]);
    expect(errorOf("lang", "equals", "xx")).toEqual(["value:distribution.errors.lang"]);
    expect(errorOf("lang", "equals", "fr, en")).toEqual(["value:distribution.errors.lang"]);
    expect(errorOf("lang", "in_list", " , ")).toEqual(["value:distribution.errors.lang"]);
  });

  it("keeps keywords as typed, refuses empty or over-long ones", () => {
    expect(valueOf("keyword", "contains", "  Service   client ")).toBe("Service client");
    expect(valueOf("keyword", "in_list", "facture, remboursement,,facture")).toBe("facture, remboursement");
    expect(errorOf("keyword", "contains", "   ")).toEqual(["value:distribution.errors.keyword"]);
    expect(errorOf("keyword", "contains", "x".repeat(101))).toEqual(["value:distribution.errors.keyword"]);
  });

  it("accepts twitter or facebook as network, true or false as privacy", () => {
    expect(valueOf("network", "equals", "Facebook")).toBe("facebook");
    expect(errorOf("network", "equals", "instagram")).toEqual(["value:distribution.errors.network"]);
    expect(valueOf("private", "equals", "false")).toBe("false");
    expect(errorOf("private", "equals", "yes")).toEqual(["value:distribution.errors.private"]);
  });

  it("accepts a whole follower count of zero or more", () => {
    expect(valueOf("followers", "gte", "007")).toBe("7");
    expect(valueOf("followers", "lte", "0")).toBe("0");
    for (const bad of ["-1", "1.5", "1e3", "", "mille"])
      expect(errorOf("followers", "gte", bad)).toEqual(["value:distribution.errors.followers"]);
  });

  it("refuses an operator the element does not have", () => {
    expect(errorOf("followers", "contains", "10")).toEqual(["operator:distribution.errors.operator"]);
    expect(errorOf("private", "not_equals", "true")).toEqual(["operator:distribution.errors.operator"]);
    expect(errorOf("keyword", "gte", "x")).toEqual(["operator:distribution.errors.operator"]);
  });

  it("parses its own output to the same value (the form sends parsed values to the action)", () => {
    for (const [el, op, v] of [
      ["lang", "in_list", "FR;en"],
      ["keyword", "in_list", " a ,b "],
      ["followers", "gte", "010"],
    ] as const) {
      const once = valueOf(el, op, v)!;
      expect(valueOf(el, op, once)).toBe(once);
    }
  });

  it("requires a skill group, a skill and a level from 1 to 10", () => {
    const r = ruleSchema.safeParse({
      element: "lang",
      operator: "equals",
      value: "fr",
      skillGroupId: Number.NaN,
      skillId: undefined,
      minLevel: 11,
    });
    expect(r.success).toBe(false);
    const messages = r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}:${i.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        "skillGroupId:distribution.errors.skillGroup",
        "skillId:distribution.errors.skill",
        "minLevel:distribution.errors.level",
      ]),
    );
  });
});
