import { describe, it, expect, vi, beforeEach } from "vitest";
import { eq, sql } from "drizzle-orm";
import { rows } from "@/db/client";
import { customerDatabases } from "@/db/schema";
import { ensureDefaultDatabase } from "@/lib/databases/mutations";
import { setupDemoWorkspace } from "./demo-fixture";
import { signInAs } from "./session";

vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { createDatabaseAction, deleteDatabaseAction } = await import("@/app/(admin)/admin/databases/actions");

describe("named databases", () => {
  const w = setupDemoWorkspace();
  const schemaExists = async (name: string) =>
    (await rows<{ n: number }>(w.db, sql`select count(*)::int as n from information_schema.schemata where schema_name = ${name}`))[0].n ===
    1;

  beforeEach(() => {
    signInAs(w.state.adminId);
  });

  it("has a default database created at install, which cannot be deleted", async () => {
    const id = await ensureDefaultDatabase();
    expect(await ensureDefaultDatabase()).toBe(id);
    const [row] = await w.db.select().from(customerDatabases).where(eq(customerDatabases.id, id));
    expect(await schemaExists(row.schemaName)).toBe(true);
    expect(await deleteDatabaseAction({ id })).toMatchObject({ ok: false, error: "databases.errors.default" });
  });

  it("creates a real PostgreSQL schema and refuses a duplicate or malformed name", async () => {
    expect((await createDatabaseAction({ name: "Ventes_2026" })).ok).toBe(true);
    expect(await schemaExists("cdb_ventes_2026")).toBe(true);
    expect(await createDatabaseAction({ name: "ventes_2026" })).toMatchObject({
      ok: false,
      fieldErrors: { name: ["adminCommon.errors.duplicate"] },
    });
    for (const bad of ['x"; drop table users; --', "1abc", "a", "with space"]) {
      expect(await createDatabaseAction({ name: bad })).toMatchObject({ ok: false, error: "errors.invalidInput" });
    }
  });

  it("refuses to delete a database whose schema holds tables, naming them, and deletes an empty one", async () => {
    const [row] = await w.db.select().from(customerDatabases).where(eq(customerDatabases.name, "Ventes_2026"));
    await w.db.execute(sql.raw(`create table "cdb_ventes_2026"."C_clients" (id int)`));
    expect(await deleteDatabaseAction({ id: row.id })).toEqual({
      ok: false,
      error: "databases.errors.notEmpty",
      params: { tables: "C_clients" },
    });
    expect(await schemaExists("cdb_ventes_2026")).toBe(true);
    await w.db.execute(sql.raw(`drop table "cdb_ventes_2026"."C_clients"`));
    expect((await deleteDatabaseAction({ id: row.id })).ok).toBe(true);
    expect(await schemaExists("cdb_ventes_2026")).toBe(false);
    expect(await w.db.select().from(customerDatabases).where(eq(customerDatabases.id, row.id))).toHaveLength(0);
  });

  it("refuses database actions to an agent", async () => {
    signInAs(w.state.agents[0]);
    expect(await createDatabaseAction({ name: "agentdb" })).toEqual({ ok: false, error: "errors.forbidden" });
    expect(await schemaExists("cdb_agentdb")).toBe(false);
  });
});
