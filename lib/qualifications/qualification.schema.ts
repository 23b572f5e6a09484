import { z } from "zod";
import type { QualificationCategory } from "@/db/schema/qualifications";
import { versionField } from "@/lib/admin/common.schema";
import { isCurrencyCode } from "./currencies";

// The same values as db/schema's, restated so the browser bundle does not pull in drizzle.
export const categories = ["positive", "argued", "not_argued"] as const satisfies readonly QualificationCategory[];

// Shared by the qualification group form and its actions. Messages are i18n keys. Every
// transform is idempotent: the form sends its parsed values, which the action parses again.

const code = z
  .string()
  .trim()
  .min(1, "common.requiredField")
  .max(20, "qualifications.errors.codeFormat")
  .regex(/^[A-Za-z0-9_-]+$/, "qualifications.errors.codeFormat")
  .transform((c) => c.toUpperCase());

const label = z.string().trim().min(1, "common.requiredField").max(100, "qualifications.errors.labelTooLong");

/** An existing row's id; absent for a row added in this save. */
const rowId = z.number().int().positive().optional();

/** Flags codes used twice in one list, on the second occurrence's code field. */
function uniqueCodes(rows: { code: string }[], ctx: z.RefinementCtx) {
  const seen = new Set<string>();
  rows.forEach((row, i) => {
    if (seen.has(row.code)) ctx.addIssue({ code: "custom", path: [i, "code"], message: "qualifications.errors.duplicateCode" });
    seen.add(row.code);
  });
}

export const subStatusSchema = z.object({ id: rowId, code, label });

export const statusSchema = z
  .object({
    id: rowId,
    code,
    label,
    category: z.enum(categories, { message: "common.requiredField" }),
    benefit: z
      .string()
      .trim()
      .regex(/^\d{1,10}([.,]\d{1,2})?$/, "qualifications.errors.benefitFormat")
      .transform((b) => b.replace(",", ".")),
    quotaValidation: z.boolean().default(false),
    // The form maps an empty field to null; NaN (not a number) fails with the same message.
    quota: z
      .number({ message: "qualifications.errors.quotaFormat" })
      .int("qualifications.errors.quotaFormat")
      .min(1, "qualifications.errors.quotaFormat")
      .max(10_000_000, "qualifications.errors.quotaFormat")
      .nullable()
      .default(null),
    subStatuses: z.array(subStatusSchema).max(50, "qualifications.errors.tooManySubStatuses").superRefine(uniqueCodes).default([]),
  })
  // A quota without quota validation would be stored but never used.
  .transform((s) => (s.quotaValidation ? s : { ...s, quota: null }));

export const qualificationGroupSchema = z.object({
  name: z.string().trim().min(1, "common.requiredField").max(100, "qualifications.errors.nameTooLong"),
  currency: z
    .string()
    .trim()
    .transform((c) => c.toUpperCase())
    .refine(isCurrencyCode, "qualifications.errors.currency")
    .default("EUR"),
  statuses: z
    .array(statusSchema)
    .min(1, "qualifications.errors.noStatus")
    .max(100, "qualifications.errors.tooManyStatuses")
    .superRefine(uniqueCodes),
});
export type QualificationGroupInput = z.input<typeof qualificationGroupSchema>;
export type QualificationGroupValues = z.output<typeof qualificationGroupSchema>;
export type StatusValues = z.output<typeof statusSchema>;

export const qualificationGroupUpdateSchema = qualificationGroupSchema.extend({ id: z.number().int().positive(), version: versionField });
