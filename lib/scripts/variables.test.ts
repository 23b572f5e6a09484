import { describe, expect, it } from "vitest";
import { autoCreateVariables, extractVariables, interpolate, knownNames, scriptVariableUses } from "./variables";
import { sampleModel } from "./sample";

describe("variable extraction", () => {
  it("finds each $VAR once, in order, ignoring $$ escapes, lower case and leading digits", () => {
    expect(extractVariables("Bonjour $NOM $PRENOM, $NOM ! $$PRIX $5 $minuscule $_X")).toEqual(["NOM", "PRENOM", "_X"]);
  });

  it("lists the variables of texts, actions and visibility rules", () => {
    const uses = scriptVariableUses(sampleModel()).map((u) => u.name);
    expect(uses).toEqual(expect.arrayContaining(["NOM", "RESEAU", "OFFRE", "STATUT"]));
  });
});

describe("interpolation", () => {
  it("replaces known variables and keeps unknown ones as written", () => {
    expect(interpolate("Bonjour $NOM, $INCONNU", { NOM: "Marie" })).toBe("Bonjour Marie, $INCONNU");
  });

  it("writes $$ as a literal dollar and never re-reads a value as a template", () => {
    expect(interpolate("Prix : $$PRIX", { PRIX: "10" })).toBe("Prix : $PRIX");
    expect(interpolate("$A", { A: "$B", B: "secret" })).toBe("$B");
  });

  it("returns hostile values unchanged as text (escaping is the renderer's job)", () => {
    expect(interpolate("Client : $NOM", { NOM: "<img src=x onerror=alert(1)>" })).toBe("Client : <img src=x onerror=alert(1)>");
  });

  it("formats lists and booleans", () => {
    expect(interpolate("$L / $B / $F", { L: ["a", "b"], B: true, F: false })).toBe("a, b / 1 / 0");
  });
});

describe("«Création Auto Variable»", () => {
  it("adds every used variable except $INDICE and $GUID_CONTACT_ID, keeping existing entries", () => {
    const model = sampleModel();
    model.pages[0].objects[0].text = "$INDICE $GUID_CONTACT_ID $NOM $VILLE";
    model.actions[0].commands.push({ type: "setVariable", variable: "ACTION_ONLY", value: "" });
    const vars = autoCreateVariables(model, ["VILLE"]);
    const names = vars.map((v) => v.name);
    expect(names).not.toContain("INDICE");
    expect(names).not.toContain("GUID_CONTACT_ID");
    expect(names).toEqual(expect.arrayContaining(["RESEAU", "STATUT", "NOM", "VILLE", "OFFRE", "ACTION_ONLY"]));
    expect(vars.find((v) => v.name === "RESEAU")).toMatchObject({ source: "message", ref: "network" });
    expect(vars.find((v) => v.name === "VILLE")).toMatchObject({ source: "customerFile", ref: "VILLE" });
    expect(vars.find((v) => v.name === "ACTION_ONLY")).toMatchObject({ source: "constant", defaultValue: "" });
    expect(new Set(names).size).toBe(names.length);
  });

  it("knows system variables, global variables and data objects' names", () => {
    const known = knownNames(sampleModel());
    for (const n of ["INDICE", "GUID_CONTACT_ID", "RESEAU", "NOM", "OFFRE"]) expect(known.has(n)).toBe(true);
    expect(known.has("SUITE")).toBe(false);
  });
});
