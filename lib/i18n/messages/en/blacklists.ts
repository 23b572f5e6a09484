import type { Messages } from "../../types";

export const blacklists: Messages["blacklists"] = {};
