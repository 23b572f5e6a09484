import type { Messages } from "../../types";

export const qualifications: Messages["qualifications"] = {};
