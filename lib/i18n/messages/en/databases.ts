import type { Messages } from "../../types";

export const databases: Messages["databases"] = {};
