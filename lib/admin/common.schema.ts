import { z } from "zod";

/** Archive or restore one object. */
export const archiveSchema = z.object({ id: z.number().int().positive(), archived: z.boolean() });

/** The version a form was loaded with, sent back for the optimistic lock. */
export const versionField = z.string().datetime({ offset: true }).optional();
