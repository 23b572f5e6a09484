import { and, asc, desc, eq, isNull, max, sql } from "drizzle-orm";
import { getDb, rows } from "@/db/client";
import { customerDatabases, customerFiles, scripts, scriptVersions, users, type ScriptVersionKind } from "@/db/schema";
import type { ListParams } from "@/lib/admin/list";
import { pagedList } from "@/lib/admin/list-query";
import { parseScriptModel } from "./migrate";
import { readTableColumns } from "./customer-file";

export const scriptSortable = ["name", "updatedAt"] as const;

export async function listScripts(params: ListParams) {
  const db = await getDb();
  return pagedList(db, params, {
    query: () =>
      db
        .select({
          id: scripts.id,
          name: scripts.name,
          archivedAt: scripts.archivedAt,
          updatedAt: scripts.updatedAt,
          // Qualified by hand: drizzle renders ${scripts.id} as a bare "id", which the subquery would read as v.id.
          production: sql<
            number | null
          >`(select max(v.number) from script_versions v where v.script_id = "scripts"."id" and v.kind = 'production')`,
        })
        .from(scripts)
        .$dynamic(),
    search: [scripts.name],
    sortable: { name: scripts.name, updatedAt: scripts.updatedAt },
    tiebreak: scripts.id,
    archived: scripts.archivedAt,
  });
}

/** A script with its draft read through the model schema (older model versions are upgraded). */
export async function getScript(id: number) {
  const db = await getDb();
  const [row] = await db.select().from(scripts).where(eq(scripts.id, id));
  if (!row) return null;
  return {
    id: row.id,
    name: row.name,
    draftVersion: row.draftVersion,
    archivedAt: row.archivedAt,
    updatedAt: row.updatedAt,
    model: parseScriptModel(row.draft),
  };
}

/** The script's customer file, with the table's columns as PostgreSQL has them now. */
export async function getCustomerFile(scriptId: number) {
  const db = await getDb();
  const [row] = await db
    .select({
      databaseId: customerFiles.databaseId,
      databaseName: customerDatabases.name,
      schemaName: customerDatabases.schemaName,
      tableName: customerFiles.tableName,
      mapping: customerFiles.mapping,
      updatedAt: customerFiles.updatedAt,
    })
    .from(customerFiles)
    .innerJoin(customerDatabases, eq(customerDatabases.id, customerFiles.databaseId))
    .where(eq(customerFiles.scriptId, scriptId));
  if (!row) return null;
  return { ...row, columns: await readTableColumns(db, row.schemaName, row.tableName) };
}

/** Production versions of a script, newest first: what a campaign can pick. */
export async function productionVersions(scriptId: number) {
  const db = await getDb();
  return db
    .select({ id: scriptVersions.id, number: scriptVersions.number, createdAt: scriptVersions.createdAt, createdBy: users.name })
    .from(scriptVersions)
    .leftJoin(users, eq(users.id, scriptVersions.createdBy))
    .where(and(eq(scriptVersions.scriptId, scriptId), eq(scriptVersions.kind, "production")))
    .orderBy(desc(scriptVersions.number));
}

async function latestVersion(scriptId: number, kind: ScriptVersionKind) {
  const db = await getDb();
  const [row] = await db
    .select()
    .from(scriptVersions)
    .where(and(eq(scriptVersions.scriptId, scriptId), eq(scriptVersions.kind, kind)))
    .orderBy(desc(scriptVersions.number))
    .limit(1);
  return row ? { ...row, model: parseScriptModel(row.model) } : null;
}

/** The production version a new conversation of a campaign using this script runs. */
export function latestProductionVersion(scriptId: number) {
  return latestVersion(scriptId, "production");
}

/** The development version («circuit fermé»): only the designer's test run uses it. */
export function latestDevelopmentVersion(scriptId: number) {
  return latestVersion(scriptId, "development");
}

/** One generated version by id (a conversation keeps the id of the version it started with). */
export async function getScriptVersion(versionId: number) {
  const db = await getDb();
  const [row] = await db.select().from(scriptVersions).where(eq(scriptVersions.id, versionId));
  return row ? { ...row, model: parseScriptModel(row.model) } : null;
}

/** Active scripts that have a production version, for the campaign's «Relation Client» tab. */
export async function scriptOptions() {
  const db = await getDb();
  return db
    .select({ id: scripts.id, name: scripts.name, latest: max(scriptVersions.number) })
    .from(scripts)
    .innerJoin(scriptVersions, and(eq(scriptVersions.scriptId, scripts.id), eq(scriptVersions.kind, "production")))
    .where(isNull(scripts.archivedAt))
    .groupBy(scripts.id, scripts.name)
    .orderBy(asc(scripts.name));
}

/** Names of the active campaigns that run a script (archiving it is refused while not empty). */
export async function scriptUsers(id: number): Promise<string[]> {
  const db = await getDb();
  // campaigns.script_id belongs to the campaign domain; until its migration exists nothing can use a script.
  const [column] = await rows<{ ok: boolean }>(
    db,
    sql`select exists (select 1 from information_schema.columns where table_name = 'campaigns' and column_name = 'script_id') as ok`,
  );
  if (!column?.ok) return [];
  const found = await rows<{ name: string }>(
    db,
    sql`select name from campaigns where script_id = ${id} and archived_at is null order by name`,
  );
  return found.map((r) => r.name);
}
