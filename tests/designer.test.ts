import { describe, it, expect, vi, beforeEach, beforeAll } from "vitest";
import { count, eq, sql } from "drizzle-orm";
import { auditLog, customerDatabases, customerFiles, scripts, scriptVersions, users } from "@/db/schema";
import { sampleModel, object } from "@/lib/scripts/sample";
import { readTableColumns } from "@/lib/scripts/customer-file";
import { setupDemoWorkspace } from "./demo-fixture";
import { signInAs } from "./session";

vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const actions = await import("@/app/(designer)/designer/actions");
const { productionVersions, latestProductionVersion, getScript } = await import("@/lib/scripts/queries");

function rows<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

describe("Interface Designer", () => {
  const w = setupDemoWorkspace();
  const ids = { script: 0, database: 0 };
  const columnsOf = async (table: string) =>
    Object.fromEntries((await readTableColumns(w.db, "designer_db", table)).map((c) => [c.name, c.type]));

  beforeAll(async () => {
    signInAs(w.state.adminId);
    await w.db.execute(sql.raw(`create schema "designer_db"`));
    const [db] = await w.db.insert(customerDatabases).values({ name: "Clients", schemaName: "designer_db" }).returning();
    ids.database = db.id;
  });
  beforeEach(() => {
    signInAs(w.state.adminId);
  });

  it("creates, renames and duplicates a script; names are unique", async () => {
    const created = await actions.createScriptAction({ name: "Offre fibre" });
    if (!created.ok) throw new Error(created.error);
    ids.script = created.data.id;
    expect((await getScript(ids.script))!.model.pages.map((p) => p.name)).toEqual(["Page 1"]);
    expect(await actions.createScriptAction({ name: "Offre fibre" })).toMatchObject({
      ok: false,
      fieldErrors: { name: ["adminCommon.errors.duplicate"] },
    });
    expect((await actions.renameScriptAction({ id: ids.script, name: "Offre fibre 2026" })).ok).toBe(true);
    const copy = await actions.duplicateScriptAction({ id: ids.script });
    expect(copy).toMatchObject({ ok: true, data: { name: "Offre fibre 2026 (copie)" } });
    expect(await actions.duplicateScriptAction({ id: ids.script })).toMatchObject({
      ok: true,
      data: { name: "Offre fibre 2026 (copie 2)" },
    });
  });

  it("saves the draft with an optimistic lock: the second of two admins gets a conflict, not an overwrite", async () => {
    const loaded = (await getScript(ids.script))!;
    const first = { ...sampleModel(), variables: [...sampleModel().variables] };
    const second = { ...sampleModel(), pages: sampleModel().pages.slice(0, 1) };
    expect(await actions.saveDraftAction({ id: ids.script, draftVersion: loaded.draftVersion, model: first })).toEqual({
      ok: true,
      data: { draftVersion: loaded.draftVersion + 1 },
    });
    expect(await actions.saveDraftAction({ id: ids.script, draftVersion: loaded.draftVersion, model: second })).toEqual({
      ok: false,
      error: "designer.errors.conflict",
      params: { version: loaded.draftVersion + 1 },
    });
    expect((await getScript(ids.script))!.model.pages).toHaveLength(2);
  });

  it("refuses a draft with an invalid object name, with the field's path", async () => {
    const bad = sampleModel();
    bad.pages[0].objects[1].name = 'NOM"; drop table users; --';
    const result = await actions.saveDraftAction({ id: ids.script, draftVersion: (await getScript(ids.script))!.draftVersion, model: bad });
    expect(result).toMatchObject({
      ok: false,
      error: "errors.invalidInput",
      fieldErrors: { "model.pages.0.objects.1.name": ["designer.errors.nameFormat"] },
    });
  });

  const mapping = (extra: { objectId: string; column: string }[] = []) => ({
    scriptId: ids.script,
    databaseId: ids.database,
    tableName: "C_FIBRE",
    columns: [{ objectId: "o2", column: "NOM" }, { objectId: "o3", column: "OFFRE" }, { objectId: "o5", column: "COMMENTAIRE" }, ...extra],
    excluded: [],
  });

  it("creates the customer file as a real table with system columns and typed columns", async () => {
    const preview = await actions.previewCustomerFileAction(mapping());
    expect(preview).toMatchObject({ ok: true, data: { tableExists: false, rows: 0 } });
    expect(await actions.saveCustomerFileAction(mapping())).toMatchObject({ ok: true, data: { added: ["NOM", "OFFRE", "COMMENTAIRE"] } });
    expect(await columnsOf("C_FIBRE")).toEqual({
      id: "bigint",
      contact_guid: "uuid",
      created_at: "timestamptz",
      updated_at: "timestamptz",
      NOM: "text",
      OFFRE: "text",
      COMMENTAIRE: "text",
    });
    await w.db.execute(sql.raw(`insert into "designer_db"."C_FIBRE" ("NOM", "COMMENTAIRE") values ('Dupont', 'rappeler lundi')`));
    const [row] = rows<{ contact_guid: string }>(await w.db.execute(sql.raw(`select contact_guid from "designer_db"."C_FIBRE"`)));
    expect(row.contact_guid).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("after the script changes, adds new columns and keeps every row and old column", async () => {
    const current = (await getScript(ids.script))!;
    const model = current.model;
    model.pages[1].objects = model.pages[1].objects.filter((o) => o.name !== "COMMENTAIRE");
    model.pages[1].objects.push(
      object({ id: "o7", kind: "checkbox", name: "OPTIN" }),
      object({ id: "o8", kind: "objectionList", name: "OBJECTIONS", options: [{ value: "prix", label: "Trop cher" }] }),
      object({ id: "o9", kind: "date", name: "NAISSANCE" }),
    );
    expect((await actions.saveDraftAction({ id: ids.script, draftVersion: current.draftVersion, model })).ok).toBe(true);
    const next = {
      ...mapping(),
      columns: [
        { objectId: "o2", column: "NOM" },
        { objectId: "o3", column: "OFFRE" },
        { objectId: "o7", column: "OPTIN" },
        { objectId: "o8", column: "OBJECTIONS" },
        { objectId: "o9", column: "NAISSANCE" },
      ],
    };
    const preview = await actions.previewCustomerFileAction(next);
    expect(preview).toMatchObject({ ok: true, data: { tableExists: true, rows: 1, unmapped: [{ name: "COMMENTAIRE", type: "text" }] } });
    expect(await actions.saveCustomerFileAction(next)).toMatchObject({
      ok: true,
      data: { added: ["OPTIN", "OBJECTIONS", "NAISSANCE"], unmapped: ["COMMENTAIRE"] },
    });
    expect(await columnsOf("C_FIBRE")).toMatchObject({ COMMENTAIRE: "text", OPTIN: "boolean", OBJECTIONS: "text[]", NAISSANCE: "date" });
    const kept = rows<{ NOM: string; COMMENTAIRE: string }>(
      await w.db.execute(sql.raw(`select "NOM", "COMMENTAIRE" from "designer_db"."C_FIBRE"`)),
    );
    expect(kept).toEqual([{ NOM: "Dupont", COMMENTAIRE: "rappeler lundi" }]);
  });

  it("refuses a column whose object changed type instead of altering it", async () => {
    const current = (await getScript(ids.script))!;
    current.model.pages[0].objects[1].kind = "checkbox";
    expect((await actions.saveDraftAction({ id: ids.script, draftVersion: current.draftVersion, model: current.model })).ok).toBe(true);
    const result = await actions.saveCustomerFileAction({ ...mapping(), columns: [{ objectId: "o2", column: "NOM" }] });
    expect(result).toMatchObject({
      ok: false,
      error: "designer.customerFile.errors.typeConflict",
      params: { columns: "NOM (text → boolean)" },
    });
    current.model.pages[0].objects[1].kind = "input";
    expect((await actions.saveDraftAction({ id: ids.script, draftVersion: current.draftVersion + 1, model: current.model })).ok).toBe(true);
  });

  it("refuses hostile table, column and schema names; nothing reaches SQL", async () => {
    const hostile = ['x"; drop table users; --', "C_X; DROP TABLE users", "C X", "1C", "pg_catalog.pg_user", "é"];
    for (const name of hostile) {
      expect(await actions.saveCustomerFileAction({ ...mapping(), tableName: name }), name).toMatchObject({
        ok: false,
        fieldErrors: { tableName: ["designer.customerFile.errors.tableName"] },
      });
    }
    for (const column of ['x"; drop table users; --', "id", "contact_guid", "a b", ""]) {
      const result = await actions.saveCustomerFileAction({ ...mapping(), tableName: "C_OTHER", columns: [{ objectId: "o2", column }] });
      expect(result, column).toMatchObject({ ok: false, error: "designer.customerFile.errors.columnName" });
    }
    const [evil] = await w.db.insert(customerDatabases).values({ name: "Evil", schemaName: 'x"; drop table users; --' }).returning();
    expect(
      await actions.saveCustomerFileAction({
        ...mapping(),
        databaseId: evil.id,
        tableName: "C_OTHER",
        columns: [{ objectId: "o2", column: "NOM" }],
      }),
    ).toMatchObject({ ok: false, error: "designer.customerFile.errors.database" });
    await w.db.execute(sql.raw(`create table "designer_db"."plain" (x int)`));
    expect(
      await actions.saveCustomerFileAction({ ...mapping(), tableName: "plain", columns: [{ objectId: "o2", column: "NOM" }] }),
    ).toMatchObject({ ok: false, error: "designer.customerFile.errors.notCustomerFile" });
    expect(await columnsOf("C_OTHER")).toEqual({});
    expect((await w.db.select({ n: count() }).from(users))[0].n).toBeGreaterThan(0);
  });

  it("refuses generation with the list of problems and stores nothing", async () => {
    const current = (await getScript(ids.script))!;
    current.model.pages[0].objects[0].text = "Bonjour $INCONNU, $NOM";
    current.model.pages[0].objects.push(object({ id: "o10", kind: "input", name: "VILLE", layout: { row: 3, col: 0, width: 6 } }));
    current.model.actions[1].commands.push({ type: "goToPage", pageId: "p9" });
    expect((await actions.saveDraftAction({ id: ids.script, draftVersion: current.draftVersion, model: current.model })).ok).toBe(true);
    const refused = await actions.generateScriptAction({ id: ids.script, kind: "production", draftVersion: current.draftVersion + 1 });
    expect(refused).toMatchObject({ ok: true, data: { status: "refused" } });
    const problems = refused.ok && refused.data.status === "refused" ? refused.data.problems : [];
    expect(problems).toEqual(
      expect.arrayContaining([
        { code: "variableUndefined", params: { name: "INCONNU" } },
        { code: "unmappedField", params: { name: "VILLE" } },
        { code: "pageMissing", params: { action: "Fin" } },
      ]),
    );
    expect(await w.db.select().from(scriptVersions).where(eq(scriptVersions.scriptId, ids.script))).toHaveLength(0);
  });

  it("generates numbered production versions (and development apart) that never change", async () => {
    const current = (await getScript(ids.script))!;
    current.model.pages[0].objects[0].text = "Bonjour $NOM";
    current.model.actions[1].commands.pop();
    expect((await actions.saveDraftAction({ id: ids.script, draftVersion: current.draftVersion, model: current.model })).ok).toBe(true);
    const columns = [
      { objectId: "o2", column: "NOM" },
      { objectId: "o3", column: "OFFRE" },
      { objectId: "o7", column: "OPTIN" },
      { objectId: "o8", column: "OBJECTIONS" },
      { objectId: "o9", column: "NAISSANCE" },
      { objectId: "o10", column: "VILLE" },
    ];
    expect((await actions.saveCustomerFileAction({ ...mapping(), columns })).ok).toBe(true);
    const draftVersion = current.draftVersion + 1;
    expect(await actions.generateScriptAction({ id: ids.script, kind: "production", draftVersion })).toMatchObject({
      ok: true,
      data: { status: "generated", kind: "production", number: 1 },
    });
    expect(await actions.generateScriptAction({ id: ids.script, kind: "development", draftVersion })).toMatchObject({
      ok: true,
      data: { status: "generated", kind: "development", number: 1 },
    });
    expect(await actions.generateScriptAction({ id: ids.script, kind: "production", draftVersion: draftVersion - 1 })).toMatchObject({
      ok: false,
      error: "designer.errors.conflict",
    });

    // The draft moves on; version 1 keeps what was generated.
    current.model.pages[0].objects[0].text = "Bonsoir $NOM";
    expect((await actions.saveDraftAction({ id: ids.script, draftVersion, model: current.model })).ok).toBe(true);
    const both = await Promise.all([
      actions.generateScriptAction({ id: ids.script, kind: "production", draftVersion: draftVersion + 1 }),
      actions.generateScriptAction({ id: ids.script, kind: "production", draftVersion: draftVersion + 1 }),
    ]);
    expect(both.map((r) => (r.ok && r.data.status === "generated" ? r.data.number : null)).sort()).toEqual([2, 3]);
    expect((await productionVersions(ids.script)).map((v) => v.number)).toEqual([3, 2, 1]);
    const latest = (await latestProductionVersion(ids.script))!;
    expect(latest).toMatchObject({ number: 3, customerFile: { schemaName: "designer_db", tableName: "C_FIBRE" } });
    expect(latest.model.pages[0].objects[0].text).toBe("Bonsoir $NOM");
    const [v1] = await w.db
      .select()
      .from(scriptVersions)
      .where(sql`${scriptVersions.scriptId} = ${ids.script} and ${scriptVersions.kind} = 'production' and ${scriptVersions.number} = 1`);
    expect((v1.model as unknown as { pages: { objects: { text: string }[] }[] }).pages[0].objects[0].text).toBe("Bonjour $NOM");

    await expect(w.db.update(scriptVersions).set({ number: 99 }).where(eq(scriptVersions.id, v1.id))).rejects.toThrow();
    await expect(w.db.delete(scriptVersions).where(eq(scriptVersions.id, v1.id))).rejects.toThrow();
    expect((await w.db.select().from(scriptVersions).where(eq(scriptVersions.id, v1.id)))[0].number).toBe(1);
  });

  it("saves global variables («Appliquer») under the same draft lock", async () => {
    const current = (await getScript(ids.script))!;
    const variables = [
      ...current.model.variables,
      { name: "VILLE_CLIENT", source: "customerFile" as const, ref: "VILLE", defaultValue: "" },
    ];
    expect((await actions.saveVariablesAction({ id: ids.script, draftVersion: current.draftVersion, variables })).ok).toBe(true);
    expect((await getScript(ids.script))!.model.variables.map((v) => v.name)).toContain("VILLE_CLIENT");
    expect(await actions.saveVariablesAction({ id: ids.script, draftVersion: current.draftVersion, variables: [] })).toMatchObject({
      ok: false,
      error: "designer.errors.conflict",
    });
    expect(
      await actions.saveVariablesAction({
        id: ids.script,
        draftVersion: current.draftVersion + 1,
        variables: [variables[0], variables[0]],
      }),
    ).toMatchObject({ ok: false, error: "errors.invalidInput" });
  });

  it("refuses every designer action to an agent calling it directly, and nothing changes", async () => {
    const before = {
      scripts: await w.db.select().from(scripts),
      versions: (await w.db.select({ n: count() }).from(scriptVersions))[0].n,
      files: await w.db.select().from(customerFiles),
      audit: (await w.db.select({ n: count() }).from(auditLog))[0].n,
      columns: await columnsOf("C_FIBRE"),
    };
    const current = (await getScript(ids.script))!;
    signInAs(w.state.agents[0]);
    const forbidden = { ok: false, error: "errors.forbidden" };
    expect(await actions.createScriptAction({ name: "Agent script" })).toEqual(forbidden);
    expect(await actions.renameScriptAction({ id: ids.script, name: "pwned" })).toEqual(forbidden);
    expect(await actions.duplicateScriptAction({ id: ids.script })).toEqual(forbidden);
    expect(await actions.archiveScriptAction({ id: ids.script, archived: true })).toEqual(forbidden);
    expect(await actions.saveDraftAction({ id: ids.script, draftVersion: current.draftVersion, model: sampleModel() })).toEqual(forbidden);
    expect(await actions.saveVariablesAction({ id: ids.script, draftVersion: current.draftVersion, variables: [] })).toEqual(forbidden);
    expect(await actions.previewCustomerFileAction(mapping())).toEqual(forbidden);
    expect(
      await actions.saveCustomerFileAction({
        ...mapping(),
        tableName: "C_AGENT",
        columns: [
          { objectId: "o2", column: "NOM" },
          { objectId: "o10", column: "EXTRA" },
        ],
      }),
    ).toEqual(forbidden);
    expect(await actions.generateScriptAction({ id: ids.script, kind: "production", draftVersion: current.draftVersion })).toEqual(
      forbidden,
    );
    signInAs(w.state.adminId);
    expect(await w.db.select().from(scripts)).toEqual(before.scripts);
    expect((await w.db.select({ n: count() }).from(scriptVersions))[0].n).toBe(before.versions);
    expect(await w.db.select().from(customerFiles)).toEqual(before.files);
    expect((await w.db.select({ n: count() }).from(auditLog))[0].n).toBe(before.audit);
    expect(await columnsOf("C_FIBRE")).toEqual(before.columns);
    expect(await columnsOf("C_AGENT")).toEqual({});
  });

  it("refuses to archive a script a campaign runs, naming the campaign", async () => {
    const [column] = rows<{ ok: boolean }>(
      await w.db.execute(
        sql`select exists (select 1 from information_schema.columns where table_name = 'campaigns' and column_name = 'script_id') as ok`,
      ),
    );
    if (!column.ok) return; // the campaign domain's column is not migrated in this tree
    await w.db.execute(sql`update campaigns set script_id = ${ids.script} where id = ${w.state.campaignId}`);
    expect(await actions.archiveScriptAction({ id: ids.script, archived: true })).toEqual({
      ok: false,
      error: "adminCommon.errors.inUse",
      params: { users: "Démo Twitter" },
    });
    await w.db.execute(sql`update campaigns set script_id = null where id = ${w.state.campaignId}`);
  });

  it("archives a script and lists it only among archived ones", async () => {
    expect((await actions.archiveScriptAction({ id: ids.script, archived: true })).ok).toBe(true);
    const { listScripts } = await import("@/lib/scripts/queries");
    const active = await listScripts({ q: "", sort: "name", dir: "asc", page: 1, archived: "0" });
    const archived = await listScripts({ q: "fibre", sort: "name", dir: "asc", page: 1, archived: "1" });
    expect(active.rows.map((r) => r.id)).not.toContain(ids.script);
    expect(archived.rows).toEqual([expect.objectContaining({ id: ids.script, production: 3 })]);
  });
});
