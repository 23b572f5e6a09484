import { z } from "zod";
import { versionField } from "@/lib/admin/common.schema";
import { wordProblem } from "./normalize";

// Shared by the blacklist forms and their actions. Messages are i18n keys.
export const blacklistSchema = z.object({
  name: z.string().trim().min(1, "common.requiredField").max(100, "blacklists.errors.nameTooLong"),
  databaseId: z.number({ error: "blacklists.errors.databaseRequired" }).int().positive("blacklists.errors.databaseRequired"),
});
export type BlacklistInput = z.input<typeof blacklistSchema>;

export const blacklistUpdateSchema = blacklistSchema.extend({ id: z.number().int().positive(), version: versionField });

const wordMessages = {
  empty: "blacklists.errors.wordEmpty",
  tooLong: "blacklists.errors.wordTooLong",
  controlChar: "blacklists.errors.wordControlChar",
} as const;

/** One keyword typed by hand: the same rules as a line of an imported file. */
export const wordField = z.string().superRefine((value, ctx) => {
  const problem = wordProblem(value);
  if (problem) ctx.addIssue({ code: "custom", message: wordMessages[problem] });
});

export const addWordSchema = z.object({ blacklistId: z.number().int().positive(), word: wordField });
export type AddWordInput = z.input<typeof addWordSchema>;

export const removeWordSchema = z.object({ blacklistId: z.number().int().positive(), wordId: z.number().int().positive() });

/** The import form's fields as the route handler receives them (multipart). */
export const importSchema = z.object({
  blacklistId: z.coerce.number().int().positive(),
  file: z.instanceof(File, { message: "blacklists.errors.file.missing" }),
});
