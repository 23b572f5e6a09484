import { z } from "zod";

/**
 * The script model: pure data, validated by this one schema wherever it is read (editor save,
 * generation, the agent workspace). `version` lets older stored drafts and generated versions
 * load through `migrateScriptModel` (see migrate.ts) instead of breaking when the shape grows.
 */
export const SCRIPT_MODEL_VERSION = 2;

/** `$NOM`, `$CODE_POSTAL`: upper-case letters, digits and `_`, not starting with a digit. */
export const VARIABLE_NAME = /^[A-Z_][A-Z0-9_]{0,62}$/;
/** Object names double as variable names (an object's value is `$NAME`) and column names. */
export const OBJECT_NAME = VARIABLE_NAME;
/** Set by Relais for each contact, never defined by the designer. */
export const SYSTEM_VARIABLES = ["INDICE", "GUID_CONTACT_ID"] as const;

export const GRID_COLUMNS = 12;
const MAX_TEXT = 4000;

export const objectKinds = [
  "label",
  "input",
  "textarea",
  "list",
  "multiList",
  "objectionList",
  "checkbox",
  "radio",
  "date",
  "agenda",
  "button",
] as const;
export type ObjectKind = (typeof objectKinds)[number];
/** Kinds whose value is data (a customer-file column candidate). */
export const dataKinds: readonly ObjectKind[] = [
  "input",
  "textarea",
  "list",
  "multiList",
  "objectionList",
  "checkbox",
  "radio",
  "date",
  "agenda",
];
/** Kinds that offer a list of choices. */
export const choiceKinds: readonly ObjectKind[] = ["list", "multiList", "objectionList", "radio"];

const id = z
  .string()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9_-]+$/);
const name = z.string().regex(VARIABLE_NAME, "designer.errors.nameFormat");
const text = (max = MAX_TEXT) => z.string().max(max, "designer.errors.tooLong");

export const optionSchema = z.object({ value: text(200), label: text(200) });

export const visibilitySchema = z.object({ variable: name, equals: text(200) });

export const layoutSchema = z.object({
  row: z.number().int().min(0).max(999),
  col: z
    .number()
    .int()
    .min(0)
    .max(GRID_COLUMNS - 1),
  width: z.number().int().min(1).max(GRID_COLUMNS),
});

/** A user-written regular expression: it must compile, and stays short (it runs in agents' browsers). */
const pattern = z
  .string()
  .max(200, "designer.errors.tooLong")
  .refine((p) => {
    try {
      new RegExp(p);
      return true;
    } catch {
      return false;
    }
  }, "designer.errors.patternInvalid");

export const scriptObjectSchema = z
  .object({
    id,
    kind: z.enum(objectKinds),
    name,
    label: text(500),
    /** Body of a label; with `evaluate`, its `$VARIABLES` are replaced by their values. */
    text: text().default(""),
    evaluate: z.boolean().default(false),
    defaultValue: text().default(""),
    required: z.boolean().default(false),
    pattern: pattern.default(""),
    minLength: z.number().int().min(0).max(MAX_TEXT).nullable().default(null),
    maxLength: z.number().int().min(1).max(MAX_TEXT).nullable().default(null),
    options: z.array(optionSchema).max(200).default([]),
    layout: layoutSchema,
    visibleWhen: visibilitySchema.nullable().default(null),
    /** The action a button runs. */
    actionId: id.nullable().default(null),
  })
  .refine((o) => o.minLength === null || o.maxLength === null || o.minLength <= o.maxLength, {
    message: "designer.errors.lengthRange",
    path: ["maxLength"],
  });
export type ScriptObject = z.infer<typeof scriptObjectSchema>;

export const pageSchema = z.object({
  id,
  name: z.string().trim().min(1, "common.requiredField").max(80, "designer.errors.tooLong"),
  objects: z.array(scriptObjectSchema).max(200),
  /** Action run each time the page is shown (page event «à l'affichage»). */
  onEnter: id.nullable().default(null),
});
export type ScriptPage = z.infer<typeof pageSchema>;

export type Command =
  | { type: "goToPage"; pageId: string }
  | { type: "setVariable"; variable: string; value: string }
  | { type: "ifEquals"; variable: string; equals: string; then: Command[]; else: Command[] }
  | { type: "saveCustomerFile" }
  /** `detail`: the code of one of the status's details (sub-statuses), required when it has some. */
  | { type: "qualify"; status: string; detail?: string }
  | { type: "sendEmail"; template: string; to: string }
  | { type: "bookAppointment"; objectId: string }
  | { type: "endConversation" };
export type CommandType = Command["type"];
export const commandTypes: readonly CommandType[] = [
  "goToPage",
  "setVariable",
  "ifEquals",
  "saveCustomerFile",
  "qualify",
  "sendEmail",
  "bookAppointment",
  "endConversation",
];

const MAX_NESTING = 4;
function commandSchema(depth: number): z.ZodType<Command> {
  const nested = depth < MAX_NESTING ? z.array(z.lazy(() => commandSchema(depth + 1))).max(50) : z.array(z.never()).max(0);
  return z.discriminatedUnion("type", [
    z.object({ type: z.literal("goToPage"), pageId: z.string().max(40) }),
    z.object({ type: z.literal("setVariable"), variable: z.string().max(63), value: text(1000) }),
    z.object({ type: z.literal("ifEquals"), variable: z.string().max(63), equals: text(200), then: nested, else: nested.default([]) }),
    z.object({ type: z.literal("saveCustomerFile") }),
    z.object({ type: z.literal("qualify"), status: text(40), detail: text(40).optional() }),
    z.object({ type: z.literal("sendEmail"), template: text(80), to: text(200) }),
    z.object({ type: z.literal("bookAppointment"), objectId: z.string().max(40) }),
    z.object({ type: z.literal("endConversation") }),
  ]) as z.ZodType<Command>;
}
export const commandSchemaRoot = commandSchema(0);

export const actionSchema = z.object({
  id,
  name: z.string().trim().min(1, "common.requiredField").max(80, "designer.errors.tooLong"),
  commands: z.array(commandSchemaRoot).max(100),
});
export type ScriptAction = z.infer<typeof actionSchema>;

export const variableSourceKinds = ["constant", "customerFile", "message", "agent"] as const;
export type VariableSourceKind = (typeof variableSourceKinds)[number];
export const messageFields = ["authorName", "authorHandle", "text", "network"] as const;
export const agentFields = ["name", "code"] as const;

export const variableSchema = z
  .object({
    name,
    source: z.enum(variableSourceKinds).default("constant"),
    /** Column name, message field or agent field, depending on `source`. */
    ref: z.string().max(63).default(""),
    defaultValue: text(1000).default(""),
  })
  .refine((v) => v.source !== "message" || (messageFields as readonly string[]).includes(v.ref), {
    message: "designer.errors.sourceRef",
    path: ["ref"],
  })
  .refine((v) => v.source !== "agent" || (agentFields as readonly string[]).includes(v.ref), {
    message: "designer.errors.sourceRef",
    path: ["ref"],
  })
  .refine((v) => v.source !== "customerFile" || v.ref.length > 0, { message: "designer.errors.sourceRef", path: ["ref"] });
export type ScriptVariable = z.infer<typeof variableSchema>;

export const scriptModelSchema = z.object({
  version: z.literal(SCRIPT_MODEL_VERSION),
  pages: z.array(pageSchema).max(100),
  actions: z.array(actionSchema).max(200),
  variables: z.array(variableSchema).max(500),
});
export type ScriptModel = z.infer<typeof scriptModelSchema>;
export type ScriptModelInput = z.input<typeof scriptModelSchema>;

export function emptyModel(firstPageName = "Page 1"): ScriptModel {
  return {
    version: SCRIPT_MODEL_VERSION,
    pages: [{ id: "p1", name: firstPageName, objects: [], onEnter: null }],
    actions: [],
    variables: [],
  };
}
