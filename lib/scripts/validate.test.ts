import { describe, expect, it } from "vitest";
import { validateForGeneration } from "./validate";
import { object, sampleModel } from "./sample";
import { emptyModel } from "./model";

const codes = (p: { code: string }[]) => p.map((x) => x.code);

describe("generation checks", () => {
  it("accepts the sample script once its variables are defined", () => {
    expect(validateForGeneration(sampleModel(), null)).toEqual([]);
  });

  it("refuses a script without pages", () => {
    expect(codes(validateForGeneration({ ...emptyModel(), pages: [] }, null))).toEqual(["noPages"]);
  });

  it("lists a dangling page reference, a missing action and an undefined variable", () => {
    const model = sampleModel();
    model.actions[0].commands = [{ type: "goToPage", pageId: "gone" }];
    model.pages[1].objects[1].actionId = "nope";
    model.pages[0].objects[0].text = "Bonjour $INCONNU $INDICE";
    const problems = validateForGeneration(model, null);
    expect(problems).toEqual(
      expect.arrayContaining([
        { code: "pageMissing", params: { action: "Suite" } },
        { code: "actionMissing", params: { where: "FIN" } },
        { code: "variableUndefined", params: { name: "INCONNU" } },
      ]),
    );
    expect(problems.some((p) => p.params.name === "INDICE")).toBe(false);
  });

  it("reports a required field on a page no action leads to", () => {
    const model = sampleModel();
    model.pages.push({
      id: "p3",
      name: "Oubliée",
      onEnter: null,
      objects: [object({ id: "o7", kind: "input", name: "EMAIL", required: true })],
    });
    expect(validateForGeneration(model, null)).toContainEqual({ code: "requiredUnreachable", params: { name: "EMAIL", page: "Oubliée" } });
  });

  it("with a customer file: reports unmapped data objects, but not unticked ones, and checks variable columns", () => {
    const model = sampleModel();
    model.variables.push({ name: "VILLE", source: "customerFile", ref: "VILLE", defaultValue: "" });
    const mapping = { columns: [{ objectId: "o2", objectName: "NOM", column: "NOM", type: "text" as const }], excluded: ["o3"] };
    const problems = validateForGeneration(model, { mapping, columns: ["id", "NOM", "OLD_COLUMN"] });
    expect(problems).toContainEqual({ code: "unmappedField", params: { name: "COMMENTAIRE" } });
    expect(problems.some((p) => p.code === "unmappedField" && p.params.name === "OFFRE")).toBe(false);
    expect(problems).toContainEqual({ code: "columnMissing", params: { name: "VILLE", column: "VILLE" } });
    model.variables[2].ref = "OLD_COLUMN";
    expect(codes(validateForGeneration(model, { mapping, columns: ["id", "NOM", "OLD_COLUMN"] }))).not.toContain("columnMissing");
    expect(validateForGeneration(model, null)).toContainEqual({ code: "noCustomerFile", params: { name: "VILLE" } });
  });

  it("reports duplicate object names and lists without choices", () => {
    const model = sampleModel();
    model.pages[1].objects[0].name = "NOM";
    model.pages[0].objects[2].options = [];
    expect(codes(validateForGeneration(model, null))).toEqual(expect.arrayContaining(["duplicateObjectName", "noOptions"]));
  });
});
