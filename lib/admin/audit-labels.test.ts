import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { roles } from "@/db/schema/auth";
import { createTranslator, getMessages } from "@/lib/i18n/translate";
import { objectTypeName } from "./audit-labels";

/** Every `objectType: "…"` the code records, found in the sources (plus the account roles, recorded as such). */
function recordedTypes(): string[] {
  const root = path.resolve(import.meta.dirname, "../..");
  const found = new Set<string>(roles);
  const visit = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(file);
      else if (/\.tsx?$/.test(entry.name) && !entry.name.includes(".test.")) {
        for (const m of fs.readFileSync(file, "utf8").matchAll(/objectType: "([a-z_]+)"/g)) found.add(m[1]);
      }
    }
  };
  for (const dir of ["lib", "app", "inngest", "db"]) visit(path.join(root, dir));
  return [...found].sort();
}

describe("audit object types", () => {
  it("every type the code records has a name in French and English, never its code", () => {
    const types = recordedTypes();
    expect(types).toEqual(expect.arrayContaining(["campaign", "distribution_rule_group", "queue", "agent"]));
    for (const locale of ["fr", "en"] as const) {
      const t = createTranslator(getMessages(locale));
      for (const type of types) expect(objectTypeName(t, type), `${locale}: ${type}`).not.toBe(type);
    }
  });

  it("reads as the manual names things", () => {
    const fr = createTranslator(getMessages("fr"));
    const en = createTranslator(getMessages("en"));
    expect(objectTypeName(fr, "distribution_rule_group")).toBe("Groupe de règles de distribution");
    expect(objectTypeName(en, "distribution_rule_group")).toBe("Distribution rule group");
    // An unknown code (an older row, a type added later) still reads as itself.
    expect(objectTypeName(fr, "something_new")).toBe("something_new");
  });
});
