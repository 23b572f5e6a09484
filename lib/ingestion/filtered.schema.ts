import { z } from "zod";

/** Releasing one filtered conversation of a campaign into its queue («Filtrés»). */
export const releaseFilteredSchema = z.object({
  campaignId: z.coerce.number().int().positive(),
  conversationId: z.coerce.number().int().positive(),
});
export type ReleaseFilteredInput = z.input<typeof releaseFilteredSchema>;
