import { z } from "zod";
import { versionField } from "@/lib/admin/common.schema";

// Shared by the skills page's dialogs and their actions. Messages are i18n keys.
const name = z.string().trim().min(1, "common.requiredField").max(80, "hr.errors.nameTooLong");
const description = z.string().trim().max(200, "hr.errors.descriptionTooLong");

export const skillGroupSchema = z.object({ name, description });
export type SkillGroupInput = z.input<typeof skillGroupSchema>;
export const skillGroupUpdateSchema = skillGroupSchema.extend({ id: z.number().int().positive(), version: versionField });

export const skillSchema = z.object({ groupId: z.number().int().positive(), name, description });
export type SkillInput = z.input<typeof skillSchema>;
// A skill stays in its group: moving it would silently change what rules and campaigns require.
export const skillUpdateSchema = z.object({ id: z.number().int().positive(), version: versionField, name, description });
