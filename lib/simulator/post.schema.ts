import { z } from "zod";

// The /simulator page's form and its server action share this schema. Messages are i18n keys.
export const customerTweetSchema = z.object({
  authorHandle: z
    .string()
    .trim()
    .regex(/^@?[A-Za-z0-9_]{1,15}$/, "simulator.errors.handle")
    .transform((h) => h.replace(/^@/, "")),
  authorName: z.string().trim().max(50, "simulator.errors.name").optional().default(""),
  text: z.string().trim().min(1, "simulator.errors.textEmpty").max(280, "simulator.errors.textTooLong"),
});
export type CustomerTweetForm = z.input<typeof customerTweetSchema>;
