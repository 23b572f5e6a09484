import { describe, expect, it } from "vitest";
import {
  addAction,
  addObject,
  addPage,
  agendaUse,
  deleteAction,
  deleteObject,
  deletePage,
  InUseError,
  moveObject,
  movePage,
  newCommand,
  orderedObjects,
} from "./ops";
import { sampleModel } from "./sample";
import { emptyModel } from "./model";

describe("editor operations", () => {
  it("adds pages and objects with free ids and names, below the last row", () => {
    let m = emptyModel();
    const p = addPage(m, "Page 2");
    m = p.model;
    const a = addObject(m, p.pageId, "input", "Champ");
    const b = addObject(a.model, p.pageId, "input", "Champ");
    expect(p.pageId).toBe("p2");
    const objects = b.model.pages[1].objects;
    expect(objects.map((o) => o.name)).toEqual(["INPUT_1", "INPUT_2"]);
    expect(objects.map((o) => o.layout.row)).toEqual([0, 1]);
    expect(new Set(objects.map((o) => o.id)).size).toBe(2);
  });

  it("reorders pages and keeps objects inside the 12-column grid", () => {
    const m = movePage(sampleModel(), "p2", -1);
    expect(m.pages.map((p) => p.id)).toEqual(["p2", "p1"]);
    let moved = moveObject(sampleModel(), "o2", { col: 20 });
    expect(moved.pages[0].objects[1].layout).toEqual({ row: 1, col: 6, width: 6 });
    moved = moveObject(moved, "o2", { width: 10 });
    expect(moved.pages[0].objects[1].layout).toEqual({ row: 1, col: 0, width: 12 });
    moved = moveObject(moved, "o2", { row: -5 });
    expect(moved.pages[0].objects[1].layout.row).toBe(0);
    expect(
      orderedObjects(moved.pages[0])
        .map((o) => o.name)
        .slice(0, 2),
    ).toEqual(["GREETING", "NOM"]);
  });

  it("refuses to delete a page, an action or an agenda still referenced, naming the users", () => {
    expect(() => deletePage(sampleModel(), "p2")).toThrow(InUseError);
    const refusal = (() => {
      try {
        deleteAction(sampleModel(), "a1");
      } catch (err) {
        return err;
      }
    })();
    expect(refusal).toBeInstanceOf(InUseError);
    expect((refusal as InUseError).users).toEqual(["SUITE"]);
    const withAgenda = addObject(sampleModel(), "p2", "agenda", "RDV");
    const m = {
      ...withAgenda.model,
      actions: [
        ...withAgenda.model.actions,
        { id: "a9", name: "Réserver", commands: [newCommand(withAgenda.model, "bookAppointment", [])] },
      ],
    };
    expect(() => deleteObject(m, withAgenda.objectId)).toThrow(/Réserver/);
    expect(deleteObject(sampleModel(), "o5").pages[1].objects.map((o) => o.id)).toEqual(["o6"]);
  });

  it("says what in a script takes appointments: agenda objects and actions booking one, even inside a condition", () => {
    expect(agendaUse(sampleModel())).toEqual([]);
    const withAgenda = addObject(sampleModel(), "p2", "agenda", "RDV");
    const name = withAgenda.model.pages[1].objects.find((o) => o.id === withAgenda.objectId)!.name;
    expect(agendaUse(withAgenda.model)).toEqual([name]);
    const booking = { type: "bookAppointment" as const, objectId: withAgenda.objectId };
    const m = {
      ...withAgenda.model,
      actions: [
        ...withAgenda.model.actions,
        {
          id: "a9",
          name: "Si intéressé",
          commands: [{ type: "ifEquals" as const, variable: "X", equals: "1", then: [], else: [booking] }],
        },
      ],
    };
    expect(agendaUse(m)).toEqual([name, "Si intéressé"]);
  });

  it("creates new commands pointing at existing targets", () => {
    const m = addAction(sampleModel(), "X").model;
    expect(newCommand(m, "goToPage", [])).toEqual({ type: "goToPage", pageId: "p1" });
    expect(newCommand(m, "setVariable", ["NOM"])).toEqual({ type: "setVariable", variable: "NOM", value: "" });
  });
});
