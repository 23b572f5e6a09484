"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/auth/action";
import { archiveSchema } from "@/lib/admin/common.schema";
import { getTranslator } from "@/lib/i18n/server";
import {
  customerFileSchema,
  generateSchema,
  renameScriptSchema,
  saveDraftSchema,
  saveVariablesSchema,
  scriptIdSchema,
  scriptNameSchema,
} from "@/lib/scripts/script.schema";
import {
  createScript,
  duplicateScript,
  generateScript,
  renameScript,
  saveDraft,
  saveVariables,
  setScriptArchived,
} from "@/lib/scripts/mutations";
import { previewCustomerFile, saveCustomerFile } from "@/lib/scripts/customer-file-mutations";

// Every designer mutation: permission "designer.access", input parsed by the shared schemas.
const P = "designer.access";

export const createScriptAction = defineAction(P, scriptNameSchema, async ({ name }, user) => {
  const { t } = await getTranslator();
  const row = await createScript(user, name, t("designer.editor.defaultPageName", { n: 1 }));
  revalidatePath("/designer");
  return { id: row.id };
});

export const renameScriptAction = defineAction(P, renameScriptSchema, async ({ id, name }, user) => {
  await renameScript(user, id, name);
  revalidatePath("/designer");
  return { id };
});

export const duplicateScriptAction = defineAction(P, scriptIdSchema, async ({ id }, user) => {
  const { t } = await getTranslator();
  const row = await duplicateScript(user, id, t("designer.home.copySuffix"));
  revalidatePath("/designer");
  return { id: row.id, name: row.name };
});

export const archiveScriptAction = defineAction(P, archiveSchema, async ({ id, archived }, user) => {
  await setScriptArchived(user, id, archived);
  revalidatePath("/designer");
  return { id };
});

export const saveDraftAction = defineAction(P, saveDraftSchema, async ({ id, draftVersion, model }, user) => {
  const row = await saveDraft(user, id, draftVersion, model);
  revalidatePath(`/designer/scripts/${id}`, "layout");
  return { draftVersion: row.draftVersion };
});

export const saveVariablesAction = defineAction(P, saveVariablesSchema, async ({ id, draftVersion, variables }, user) => {
  const row = await saveVariables(user, id, draftVersion, variables);
  revalidatePath(`/designer/scripts/${id}`, "layout");
  return { draftVersion: row.draftVersion };
});

export const previewCustomerFileAction = defineAction(P, customerFileSchema, async (input) => previewCustomerFile(input));

export const saveCustomerFileAction = defineAction(P, customerFileSchema, async (input, user) => {
  const result = await saveCustomerFile(user, input);
  revalidatePath(`/designer/scripts/${input.scriptId}`, "layout");
  return result;
});

export const generateScriptAction = defineAction(P, generateSchema, async ({ id, kind, draftVersion }, user) => {
  const result = await generateScript(user, id, kind, draftVersion);
  revalidatePath(`/designer/scripts/${id}`, "layout");
  return result;
});
