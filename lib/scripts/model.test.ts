import { describe, expect, it } from "vitest";
import { emptyModel, scriptModelSchema, SCRIPT_MODEL_VERSION } from "./model";
import { migrateScriptModel, parseScriptModel, safeParseScriptModel } from "./migrate";
import { sampleModel } from "./sample";

describe("script model", () => {
  it("round-trips the sample and an empty script through the schema", () => {
    expect(parseScriptModel(JSON.parse(JSON.stringify(sampleModel())))).toEqual(sampleModel());
    expect(scriptModelSchema.parse(emptyModel())).toEqual(emptyModel());
  });

  it("refuses invalid object and variable names and bad regular expressions", () => {
    const bad = sampleModel();
    bad.pages[0].objects[1].name = "nom; drop";
    bad.variables[0].name = "1ABC";
    bad.pages[0].objects[1].pattern = "([a-z";
    const result = scriptModelSchema.safeParse(bad);
    expect(result.success).toBe(false);
    const messages = result.error!.issues.map((i) => `${i.path.join(".")}:${i.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        "pages.0.objects.1.name:designer.errors.nameFormat",
        "variables.0.name:designer.errors.nameFormat",
        "pages.0.objects.1.pattern:designer.errors.patternInvalid",
      ]),
    );
  });

  it("refuses a message variable without a known field", () => {
    const bad = sampleModel();
    bad.variables[0].ref = "password";
    expect(scriptModelSchema.safeParse(bad).success).toBe(false);
  });

  it("loads a version 1 model (objects with type/x/y/w, variables as names) as the current version", () => {
    const v1 = {
      version: 1,
      pages: [
        {
          id: "p1",
          title: "Accueil",
          objects: [
            { id: "o1", type: "text", name: "T", text: "Bonjour $NOM", evaluate: true, x: 0, y: 0, w: 12 },
            { id: "o2", type: "input", name: "NOM", label: "Nom", value: "Dupont", x: 0, y: 1, w: 6 },
            { id: "o3", type: "radio", name: "OK", choices: ["oui", "non"], x: 6, y: 1, w: 6 },
            { id: "o4", type: "button", name: "GO", label: "Go", action: "Suivant", x: 0, y: 2, w: 3 },
          ],
        },
      ],
      actions: [{ id: "a1", name: "Suivant", commands: [{ type: "endConversation" }] }],
      variables: ["$NOM", "CODE"],
    };
    const model = parseScriptModel(v1);
    expect(model.version).toBe(SCRIPT_MODEL_VERSION);
    expect(model.pages[0].name).toBe("Accueil");
    expect(model.pages[0].objects[0]).toMatchObject({
      kind: "label",
      text: "Bonjour $NOM",
      evaluate: true,
      layout: { row: 0, col: 0, width: 12 },
    });
    expect(model.pages[0].objects[1]).toMatchObject({ kind: "input", defaultValue: "Dupont", layout: { row: 1, col: 0, width: 6 } });
    expect(model.pages[0].objects[2].options).toEqual([
      { value: "oui", label: "oui" },
      { value: "non", label: "non" },
    ]);
    expect(model.pages[0].objects[3].actionId).toBe("a1");
    expect(model.variables).toEqual([
      { name: "NOM", source: "constant", ref: "", defaultValue: "" },
      { name: "CODE", source: "constant", ref: "", defaultValue: "" },
    ]);
  });

  it("treats a model without a version as version 1, and refuses a newer version clearly", () => {
    expect((migrateScriptModel({ pages: [], actions: [], variables: [] }) as { version: number }).version).toBe(SCRIPT_MODEL_VERSION);
    const newer = safeParseScriptModel({ ...emptyModel(), version: SCRIPT_MODEL_VERSION + 1 });
    expect(newer.success).toBe(false);
    expect(String(newer.error)).toMatch(/newer than this Relais/);
  });
});
