import { z } from "zod";
import { scriptModelSchema, variableSchema } from "./model";
import { TABLE_NAME } from "./identifiers";

// Shared by the designer's forms and server actions. Messages are i18n keys.
export const scriptNameSchema = z.object({
  name: z.string().trim().min(1, "common.requiredField").max(80, "designer.errors.tooLong"),
});
export type ScriptNameInput = z.input<typeof scriptNameSchema>;

export const renameScriptSchema = scriptNameSchema.extend({ id: z.number().int().positive() });
export const scriptIdSchema = z.object({ id: z.number().int().positive() });

const draftVersion = z.number().int().min(1);

export const saveDraftSchema = z.object({ id: z.number().int().positive(), draftVersion, model: scriptModelSchema });

export const saveVariablesSchema = z.object({
  id: z.number().int().positive(),
  draftVersion,
  variables: z
    .array(variableSchema)
    .max(500)
    .superRefine((vars, ctx) => {
      const seen = new Set<string>();
      vars.forEach((v, i) => {
        if (seen.has(v.name)) ctx.addIssue({ code: "custom", message: "designer.errors.duplicateName", path: [i, "name"] });
        seen.add(v.name);
      });
    }),
});

export const generateSchema = z.object({ id: z.number().int().positive(), kind: z.enum(["production", "development"]), draftVersion });

export const customerFileSchema = z.object({
  scriptId: z.number().int().positive(),
  databaseId: z.number({ error: "designer.customerFile.errors.database" }).int().positive("designer.customerFile.errors.database"),
  tableName: z.string().trim().regex(TABLE_NAME, "designer.customerFile.errors.tableName"),
  /** Ticked objects and their columns («Tout connecter»); types are derived on the server. */
  columns: z.array(z.object({ objectId: z.string().max(40), column: z.string().max(63) })).max(2000),
  /** Objects the admin unticked on purpose (kept out of the file, not reported as unmapped). */
  excluded: z.array(z.string().max(40)).max(2000).default([]),
});
export type CustomerFileInput = z.input<typeof customerFileSchema>;
