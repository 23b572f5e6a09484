import { z } from "zod";

const id = z.coerce.number().int().positive();

export const forceStateSchema = z.object({ agentId: id, state: z.enum(["paused", "offline"]) });
export type ForceStateInput = z.input<typeof forceStateSchema>;

export const takeBackSchema = z.object({ conversationId: id });
export type TakeBackInput = z.input<typeof takeBackSchema>;

export const reassignSchema = z.object({ conversationId: id, agentId: id });
export type ReassignInput = z.input<typeof reassignSchema>;

export const eligibleAgentsSchema = z.object({ conversationId: id });
