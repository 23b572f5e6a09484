import { SCRIPT_MODEL_VERSION, type ScriptModel, type ScriptObject } from "./model";

/** A complete object with defaults, for tests and benchmarks. */
export function object(partial: Partial<ScriptObject> & Pick<ScriptObject, "id" | "kind" | "name">): ScriptObject {
  return {
    label: partial.name,
    text: "",
    evaluate: false,
    defaultValue: "",
    required: false,
    pattern: "",
    minLength: null,
    maxLength: null,
    options: [],
    layout: { row: 0, col: 0, width: 6 },
    visibleWhen: null,
    actionId: null,
    ...partial,
  };
}

/**
 * A two-page script: a greeting evaluated with `$NOM`, a required name, an offer choice, a button
 * that goes to page 2 when the offer is accepted, and a closing page that saves and qualifies.
 */
export function sampleModel(): ScriptModel {
  return {
    version: SCRIPT_MODEL_VERSION,
    pages: [
      {
        id: "p1",
        name: "Accueil",
        onEnter: null,
        objects: [
          object({
            id: "o1",
            kind: "label",
            name: "GREETING",
            label: "",
            text: "Bonjour $NOM, merci pour votre message sur $RESEAU.",
            evaluate: true,
            layout: { row: 0, col: 0, width: 12 },
          }),
          object({ id: "o2", kind: "input", name: "NOM", label: "Nom", required: true, layout: { row: 1, col: 0, width: 6 } }),
          object({
            id: "o3",
            kind: "radio",
            name: "OFFRE",
            label: "Offre",
            options: [
              { value: "oui", label: "Oui" },
              { value: "non", label: "Non" },
            ],
            layout: { row: 1, col: 6, width: 6 },
          }),
          object({ id: "o4", kind: "button", name: "SUITE", label: "Suite", actionId: "a1", layout: { row: 2, col: 0, width: 3 } }),
        ],
      },
      {
        id: "p2",
        name: "Conclusion",
        onEnter: null,
        objects: [
          object({ id: "o5", kind: "textarea", name: "COMMENTAIRE", label: "Commentaire" }),
          object({ id: "o6", kind: "button", name: "FIN", label: "Terminer", actionId: "a2", layout: { row: 1, col: 0, width: 3 } }),
        ],
      },
    ],
    actions: [
      {
        id: "a1",
        name: "Suite",
        commands: [
          {
            type: "ifEquals",
            variable: "OFFRE",
            equals: "oui",
            then: [
              { type: "setVariable", variable: "STATUT", value: "Intéressé par $OFFRE" },
              { type: "goToPage", pageId: "p2" },
            ],
            else: [{ type: "qualify", status: "REFUS" }],
          },
        ],
      },
      {
        id: "a2",
        name: "Fin",
        commands: [{ type: "saveCustomerFile" }, { type: "qualify", status: "VENTE" }, { type: "endConversation" }],
      },
    ],
    variables: [
      { name: "RESEAU", source: "message", ref: "network", defaultValue: "" },
      { name: "STATUT", source: "constant", ref: "", defaultValue: "" },
    ],
  };
}
