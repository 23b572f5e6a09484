import { describe, it, expect } from "vitest";
import { qualificationGroupSchema } from "./qualification.schema";

const status = (patch: Record<string, unknown> = {}) => ({ code: "vente", label: "Vente", category: "positive", benefit: "0", ...patch });
const issues = (input: unknown) => {
  const r = qualificationGroupSchema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}:${i.message}`);
};

describe("qualification group schema", () => {
  it("normalises codes, benefit and currency, and defaults what is optional", () => {
    const r = qualificationGroupSchema.parse({
      name: " Ventes ",
      currency: "usd",
      statuses: [status({ benefit: "49,9", subStatuses: [{ code: "web", label: "Sur le site" }] })],
    });
    expect(r).toMatchObject({ name: "Ventes", currency: "USD" });
    expect(r.statuses[0]).toMatchObject({
      code: "VENTE",
      benefit: "49.9",
      quotaValidation: false,
      quota: null,
      subStatuses: [{ code: "WEB" }],
    });
    expect(qualificationGroupSchema.parse(r)).toEqual(r);
  });

  it("refuses a code used twice in the group or in a status's details, whatever its case", () => {
    expect(issues({ name: "G", statuses: [status(), status({ code: "VENTE" })] })).toEqual([
      "statuses.1.code:qualifications.errors.duplicateCode",
    ]);
    const subs = [
      { code: "a", label: "A" },
      { code: "A", label: "A bis" },
    ];
    expect(issues({ name: "G", statuses: [status({ subStatuses: subs })] })).toEqual([
      "statuses.0.subStatuses.1.code:qualifications.errors.duplicateCode",
    ]);
  });

  it("refuses an unknown currency, a negative or over-precise benefit, a group without status", () => {
    expect(issues({ name: "G", currency: "EUROS", statuses: [status()] })).toEqual(["currency:qualifications.errors.currency"]);
    expect(issues({ name: "G", statuses: [status({ benefit: "-5" })] })).toEqual([
      "statuses.0.benefit:qualifications.errors.benefitFormat",
    ]);
    expect(issues({ name: "G", statuses: [status({ benefit: "1.234" })] })).toEqual([
      "statuses.0.benefit:qualifications.errors.benefitFormat",
    ]);
    expect(issues({ name: "G", statuses: [] })).toEqual(["statuses:qualifications.errors.noStatus"]);
    expect(issues({ name: "G", statuses: [status({ category: "maybe" })] })).toEqual(["statuses.0.category:common.requiredField"]);
  });

  it("keeps a quota only with quota validation, and only a whole positive number", () => {
    expect(qualificationGroupSchema.parse({ name: "G", statuses: [status({ quotaValidation: true, quota: 30 })] }).statuses[0].quota).toBe(
      30,
    );
    expect(
      qualificationGroupSchema.parse({ name: "G", statuses: [status({ quotaValidation: false, quota: 30 })] }).statuses[0].quota,
    ).toBeNull();
    expect(issues({ name: "G", statuses: [status({ quotaValidation: true, quota: 0 })] })).toEqual([
      "statuses.0.quota:qualifications.errors.quotaFormat",
    ]);
    expect(issues({ name: "G", statuses: [status({ quotaValidation: true, quota: Number.NaN })] })).toEqual([
      "statuses.0.quota:qualifications.errors.quotaFormat",
    ]);
  });
});
