import type { Messages } from "../../types";

export const distribution: Messages["distribution"] = {};
