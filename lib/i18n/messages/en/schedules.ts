import type { Messages } from "../../types";

export const schedules: Messages["schedules"] = {};
