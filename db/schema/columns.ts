import { customType } from "drizzle-orm/pg-core";

// Column types shared by several domains. This file imports no table, so a schema file can use
// them while it loads, whatever order the (circular) relation imports load the files in.

// postgres.js reads bytea as a Buffer, PGlite as a Uint8Array: callers always get a Buffer.
export const bytea = customType<{ data: Buffer; driverData: Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => Buffer.from(value.buffer, value.byteOffset, value.byteLength),
});
