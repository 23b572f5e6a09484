import type { Messages } from "../../types";

export const databases: Messages["databases"] = {
  title: "Databases",
  description: "Each database is a PostgreSQL schema managed by Relais; customer files, address books and blacklists live in one.",
  name: "Name",
  nameHint: "2 to 40 characters: letters, digits and _, starting with a letter.",
  schema: "PostgreSQL schema",
  tables: "Tables",
  createdAt: "Created on",
  default: "Default",
  empty: "No database.",
  deleted: "Database deleted",
  confirmDeleteTitle: "Delete the database “{name}”?",
  confirmDeleteText: "Its PostgreSQL schema is dropped. This is refused while it holds tables or while something uses it.",
  errors: {
    nameFormat: "2 to 40 characters: letters, digits and _, starting with a letter",
    default: "The default database cannot be deleted",
    notEmpty: "Not possible: the database still holds tables ({tables})",
  },
};
