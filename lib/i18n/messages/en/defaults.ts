import type { Messages } from "../../types";

export const defaults: Messages["defaults"] = {};
