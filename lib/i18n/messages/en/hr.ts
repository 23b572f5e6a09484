import type { Messages } from "../../types";

export const hr: Messages["hr"] = {};
