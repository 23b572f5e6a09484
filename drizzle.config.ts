import { defineConfig } from "drizzle-kit";

// Migrations are generated from db/schema and applied by Relais itself at start (db/migrate.ts),
// on PGlite and on PostgreSQL alike, so drizzle-kit only needs the dialect here.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/index.ts",
  out: "./db/migrations",
});
