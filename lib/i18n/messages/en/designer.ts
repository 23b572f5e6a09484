import type { Messages } from "../../types";

export const designer: Messages["designer"] = {};
