import type { Messages } from "../../types";

export const defaults: Messages["defaults"] = {
  title: "Default parameters",
  description: "These choices are applied to every new campaign; each campaign can then be changed.",
  database: "Database",
  qualificationGroup: "Qualification group",
  schedule: "Work schedule",
  holidayGroup: "Holiday group",
  none: "None",
  noSchedule: "None (always open)",
  errors: {
    unavailable: "This choice no longer exists or was archived",
  },
};
