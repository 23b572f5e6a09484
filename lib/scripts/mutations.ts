import { and, eq, max } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import { customerDatabases, customerFiles, scripts, scriptVersions, type ScriptVersionKind } from "@/db/schema";
import { ActionError } from "@/lib/auth/action";
import { recordAudit, type AuditActor } from "@/lib/admin/audit";
import { isUniqueViolation, uniqueOr } from "@/lib/admin/errors";
import { lockForUpdate, setArchived, updateRow } from "@/lib/admin/mutate";
import { emptyModel, type ScriptModel, type ScriptVariable } from "./model";
import { parseScriptModel } from "./migrate";
import { validateForGeneration, type Problem } from "./validate";
import { readTableColumns } from "./customer-file";
import { scriptUsers } from "./queries";

const lockScript = (tx: Tx, id: number) => lockForUpdate(tx, scripts, id);

export async function createScript(actor: AuditActor, name: string, firstPageName = "Page 1") {
  const db = await getDb();
  return uniqueOr("name", () =>
    db.transaction(async (tx) => {
      const [row] = await tx
        .insert(scripts)
        .values({ name, draft: emptyModel(firstPageName) })
        .returning();
      await recordAudit(tx, actor, {
        action: "create",
        objectType: "script",
        objectId: row.id,
        label: row.name,
        after: { name: row.name },
      });
      return row;
    }),
  );
}

export async function renameScript(actor: AuditActor, id: number, name: string) {
  const db = await getDb();
  return uniqueOr("name", () =>
    db.transaction(async (tx) => {
      const before = await lockScript(tx, id);
      const after = await updateRow(tx, scripts, id, { name });
      await recordAudit(tx, actor, {
        action: "update",
        objectType: "script",
        objectId: id,
        label: name,
        before: { name: before.name },
        after: { name },
      });
      return after;
    }),
  );
}

/** Copies the draft under a free name («X (copie)», «X (copie 2)»…); versions are not copied. */
export async function duplicateScript(actor: AuditActor, id: number, copySuffix = "copie") {
  const db = await getDb();
  const [source] = await db.select().from(scripts).where(eq(scripts.id, id));
  if (!source) throw new ActionError("adminCommon.errors.notFound");
  for (let n = 1; n <= 20; n++) {
    const name = `${source.name} (${copySuffix}${n > 1 ? ` ${n}` : ""})`.slice(0, 80);
    try {
      return await db.transaction(async (tx) => {
        const [row] = await tx.insert(scripts).values({ name, draft: source.draft }).returning();
        await recordAudit(tx, actor, {
          action: "create",
          objectType: "script",
          objectId: row.id,
          label: name,
          after: { name, copiedFrom: source.name },
        });
        return row;
      });
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
    }
  }
  throw new ActionError("adminCommon.errors.duplicate");
}

export async function setScriptArchived(actor: AuditActor, id: number, archived: boolean) {
  // The audit keeps the name only: the draft is large and changes often.
  return setArchived(actor, scripts, id, archived, { objectType: "script", label: (s) => s.name, usedBy: scriptUsers, auditRows: false });
}

/**
 * Saves the draft only if nobody saved since `expected` was loaded: one conditional UPDATE, so
 * two admins saving at the same instant cannot both win.
 */
async function writeDraft(tx: Tx, actor: AuditActor, id: number, expected: number, draft: ScriptModel, what: string) {
  const [row] = await tx
    .update(scripts)
    .set({ draft, draftVersion: expected + 1, updatedAt: new Date() })
    .where(and(eq(scripts.id, id), eq(scripts.draftVersion, expected)))
    .returning({ id: scripts.id, name: scripts.name, draftVersion: scripts.draftVersion });
  if (!row) {
    const [current] = await tx.select({ draftVersion: scripts.draftVersion }).from(scripts).where(eq(scripts.id, id));
    if (!current) throw new ActionError("adminCommon.errors.notFound");
    throw new ActionError("designer.errors.conflict", undefined, { version: current.draftVersion });
  }
  // The draft itself is not copied into the audit trail: it can be large and changes often.
  await recordAudit(tx, actor, {
    action: "update",
    objectType: "script",
    objectId: id,
    label: row.name,
    after: { [what]: row.draftVersion },
  });
  return row;
}

export async function saveDraft(actor: AuditActor, id: number, expected: number, model: ScriptModel) {
  const db = await getDb();
  return db.transaction((tx) => writeDraft(tx, actor, id, expected, model, "draftVersion"));
}

/** «Appliquer» on the global variables: replaces the draft's variables, same lock as the editor. */
export async function saveVariables(actor: AuditActor, id: number, expected: number, variables: ScriptVariable[]) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx.select({ draft: scripts.draft }).from(scripts).where(eq(scripts.id, id));
    if (!row) throw new ActionError("adminCommon.errors.notFound");
    return writeDraft(tx, actor, id, expected, { ...parseScriptModel(row.draft), variables }, "variables");
  });
}

export type GenerateResult =
  { status: "refused"; problems: Problem[] } | { status: "generated"; kind: ScriptVersionKind; number: number; versionId: number };

/**
 * «Générer le script»: checks the saved draft and stores it as an immutable, numbered version
 * (with where its customer file is), or refuses with every problem found.
 */
export async function generateScript(actor: AuditActor, id: number, kind: ScriptVersionKind, expected: number): Promise<GenerateResult> {
  const db = await getDb();
  return db.transaction(async (tx): Promise<GenerateResult> => {
    const script = await lockScript(tx, id);
    if (script.draftVersion !== expected) throw new ActionError("designer.errors.conflict", undefined, { version: script.draftVersion });
    const model = parseScriptModel(script.draft);
    const file = await readCustomerFile(tx, id);
    const problems = validateForGeneration(model, file ? { mapping: file.mapping, columns: file.columns } : null);
    if (problems.length) return { status: "refused", problems };
    const [{ last }] = await tx
      .select({ last: max(scriptVersions.number) })
      .from(scriptVersions)
      .where(and(eq(scriptVersions.scriptId, id), eq(scriptVersions.kind, kind)));
    const number = (last ?? 0) + 1;
    const customerFile = file
      ? { databaseId: file.databaseId, schemaName: file.schemaName, tableName: file.tableName, mapping: file.mapping }
      : null;
    const [version] = await tx
      .insert(scriptVersions)
      .values({ scriptId: id, kind, number, model, customerFile, createdBy: actor.id })
      .returning({ id: scriptVersions.id });
    await recordAudit(tx, actor, {
      action: "create",
      objectType: "script_version",
      objectId: version.id,
      label: `${script.name} — ${kind} ${number}`,
      after: { kind, number },
    });
    return { status: "generated", kind, number, versionId: version.id };
  });
}

async function readCustomerFile(tx: Tx, scriptId: number) {
  const [row] = await tx
    .select({
      databaseId: customerFiles.databaseId,
      schemaName: customerDatabases.schemaName,
      tableName: customerFiles.tableName,
      mapping: customerFiles.mapping,
    })
    .from(customerFiles)
    .innerJoin(customerDatabases, eq(customerDatabases.id, customerFiles.databaseId))
    .where(eq(customerFiles.scriptId, scriptId));
  if (!row) return null;
  return { ...row, columns: (await readTableColumns(tx, row.schemaName, row.tableName)).map((c) => c.name) };
}
