import { describe, it, expect } from "vitest";
import { changedFields } from "./audit-queries";

describe("audit change lines", () => {
  it("lists only the fields that changed, ignoring timestamps", () => {
    expect(changedFields({ code: "A", description: "x", updatedAt: "1" }, { code: "B", description: "x", updatedAt: "2" })).toEqual([
      { field: "code", before: "A", after: "B" },
    ]);
  });
  it("shows every field of a creation", () => {
    expect(changedFields(null, { code: "A" })).toEqual([{ field: "code", before: undefined, after: "A" }]);
  });
});
