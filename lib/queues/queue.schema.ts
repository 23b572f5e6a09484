import { z } from "zod";
import { versionField } from "@/lib/admin/common.schema";

// Shared by the queue form and its actions. Messages are i18n keys.
export const queueSchema = z.object({
  code: z
    .string()
    .trim()
    .min(1, "common.requiredField")
    .max(20, "queues.errors.codeFormat")
    .regex(/^[A-Za-z0-9_-]+$/, "queues.errors.codeFormat")
    .transform((c) => c.toUpperCase()),
  description: z.string().trim().max(200, "queues.errors.descriptionTooLong").default(""),
});
export type QueueInput = z.input<typeof queueSchema>;

export const queueUpdateSchema = queueSchema.extend({ id: z.number().int().positive(), version: versionField });
