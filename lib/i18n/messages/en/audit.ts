import type { Messages } from "../../types";

export const audit: Messages["audit"] = {
  title: "Audit log",
  description: "Who created, changed, archived or deleted what, when, with the state before and after.",
  objectType: "Object type",
  allTypes: "All",
  objectId: "No.",
  filter: "Filter",
  empty: "No change recorded.",
  when: "Date",
  who: "By",
  action: "Action",
  object: "Object",
  changes: "Changes",
  actions: { create: "Created", update: "Changed", archive: "Archived", restore: "Restored", delete: "Deleted" },
};
