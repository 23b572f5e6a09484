import { describe, expect, it } from "vitest";
import { checkField, fieldProblems, runAction, setValue, startScript } from "./interpreter";
import { object, sampleModel } from "./sample";

describe("action interpreter", () => {
  it("starts on the first page with variable defaults, given values and object defaults", () => {
    const { state } = startScript(sampleModel(), { RESEAU: "twitter" });
    expect(state.pageId).toBe("p1");
    expect(state.values).toMatchObject({ RESEAU: "twitter", STATUT: "", NOM: "", OFFRE: "" });
  });

  it("follows «si … alors»: sets a variable with interpolation and goes to the page", () => {
    let { state } = startScript(sampleModel());
    state = setValue(setValue(state, "NOM", "Marie"), "OFFRE", "oui");
    const r = runAction(sampleModel(), state, "a1");
    expect(r.error).toBeUndefined();
    expect(r.state.pageId).toBe("p2");
    expect(r.state.values.STATUT).toBe("Intéressé par oui");
    expect(r.effects).toEqual([]);
  });

  it("runs the «sinon» branch and reports the qualification as an effect without executing it", () => {
    let { state } = startScript(sampleModel());
    state = setValue(setValue(state, "NOM", "Marie"), "OFFRE", "non");
    const r = runAction(sampleModel(), state, "a1");
    expect(r.state.pageId).toBe("p1");
    expect(r.effects).toEqual([{ type: "qualify", status: "REFUS" }]);
  });

  it("refuses to save or qualify while a required field seen is empty, naming it", () => {
    let { state } = startScript(sampleModel());
    state = setValue(state, "OFFRE", "oui");
    state = runAction(sampleModel(), state, "a1").state;
    const r = runAction(sampleModel(), state, "a2");
    expect(r.error).toEqual({ code: "invalidFields", fields: { NOM: "required" } });
    expect(r.effects).toEqual([]);
    expect(r.state.ended).toBe(false);
  });

  it("saves the customer file, qualifies and ends in order, then refuses further actions", () => {
    let { state } = startScript(sampleModel());
    state = setValue(setValue(state, "NOM", "Marie"), "OFFRE", "oui");
    state = runAction(sampleModel(), state, "a1").state;
    const r = runAction(sampleModel(), setValue(state, "COMMENTAIRE", "rappeler"), "a2");
    expect(r.effects.map((e) => e.type)).toEqual(["saveCustomerFile", "qualify", "endConversation"]);
    expect(r.effects[0]).toMatchObject({ values: { NOM: "Marie", OFFRE: "oui", COMMENTAIRE: "rappeler" } });
    expect(r.state.ended).toBe(true);
    expect(runAction(sampleModel(), r.state, "a1").error).toEqual({ code: "ended" });
  });

  it("runs a page's event when it is shown, and stops a loop of page events", () => {
    const model = sampleModel();
    model.actions.push(
      { id: "a3", name: "Loop 1", commands: [{ type: "goToPage", pageId: "p1" }] },
      { id: "a4", name: "Loop 2", commands: [{ type: "goToPage", pageId: "p2" }] },
    );
    model.pages[0].onEnter = "a4";
    model.pages[1].onEnter = "a3";
    expect(startScript(model).error).toEqual({ code: "tooManySteps" });
  });

  it("checks pattern and lengths, and hidden fields are not required", () => {
    const phone = object({ id: "x", kind: "input", name: "TEL", pattern: "0[1-9][0-9]{8}", minLength: 10, maxLength: 10 });
    expect(checkField(phone, "0612345678")).toBeNull();
    expect(checkField(phone, "061234567")).toBe("minLength");
    expect(checkField(phone, "06123456789")).toBe("maxLength");
    expect(checkField(phone, "0012345678")).toBe("pattern");
    const model = sampleModel();
    model.pages[0].objects[1].visibleWhen = { variable: "OFFRE", equals: "oui" };
    const { state } = startScript(model);
    expect(fieldProblems(model, state)).toEqual({});
    expect(fieldProblems(model, setValue(state, "OFFRE", "oui"))).toEqual({ NOM: "required" });
  });

  it("books an appointment only with a date chosen", () => {
    const model = sampleModel();
    model.pages[0].objects.push(object({ id: "o9", kind: "agenda", name: "RDV" }));
    model.actions.push({ id: "a5", name: "Book", commands: [{ type: "bookAppointment", objectId: "o9" }] });
    const { state } = startScript(model);
    expect(runAction(model, state, "a5").error).toEqual({ code: "invalidFields", fields: { RDV: "required" } });
    expect(runAction(model, setValue(state, "RDV", "2026-03-02T10:15"), "a5").effects).toEqual([
      { type: "bookAppointment", objectName: "RDV", value: "2026-03-02T10:15" },
    ]);
  });
});
