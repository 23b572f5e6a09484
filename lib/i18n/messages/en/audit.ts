import type { Messages } from "../../types";

export const audit: Messages["audit"] = {};
