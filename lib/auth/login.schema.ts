import { z } from "zod";

export const loginSchema = z.object({
  login: z.string().trim().min(1, "common.requiredField").max(64),
  password: z.string().min(1, "common.requiredField").max(256),
});
export type LoginInput = z.infer<typeof loginSchema>;
