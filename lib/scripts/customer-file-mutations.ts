import { eq } from "drizzle-orm";
import type { z } from "zod";
import { getDb } from "@/db/client";
import { customerFiles, scripts, type CustomerFileColumn, type CustomerFileMapping } from "@/db/schema";
import { ActionError } from "@/lib/auth/action";
import { recordAudit, type AuditActor } from "@/lib/admin/audit";
import { databaseSchemaName } from "@/lib/databases/queries";
import { dataKinds } from "./model";
import { parseScriptModel } from "./migrate";
import { columnTypeFor } from "./identifiers";
import { applyCustomerFile, assertCustomerFileNames, countRows, planCustomerFile, readTableColumns } from "./customer-file";
import type { customerFileSchema } from "./script.schema";

type Input = z.output<typeof customerFileSchema>;

/** The mapping asked for, with types taken from the saved script's objects (never from the browser). */
async function resolve(input: Input) {
  const db = await getDb();
  const [script] = await db.select({ draft: scripts.draft, name: scripts.name }).from(scripts).where(eq(scripts.id, input.scriptId));
  if (!script) throw new ActionError("adminCommon.errors.notFound");
  const schemaName = await databaseSchemaName(input.databaseId);
  if (!schemaName)
    throw new ActionError("designer.customerFile.errors.database", { databaseId: ["designer.customerFile.errors.database"] });
  const objects = new Map(
    parseScriptModel(script.draft)
      .pages.flatMap((p) => p.objects)
      .map((o) => [o.id, o]),
  );
  const columns: CustomerFileColumn[] = [];
  for (const c of input.columns) {
    const o = objects.get(c.objectId);
    const type = o && dataKinds.includes(o.kind) ? columnTypeFor(o.kind) : null;
    // An object deleted since the page was loaded: the admin must reload, not get a guessed column.
    if (!o || !type) throw new ActionError("designer.customerFile.errors.unknownObject");
    columns.push({ objectId: o.id, objectName: o.name, column: c.column, type });
  }
  assertCustomerFileNames(schemaName, input.tableName, columns);
  const mapping: CustomerFileMapping = {
    columns,
    excluded: input.excluded.filter((id) => objects.has(id) && !columns.some((c) => c.objectId === id)),
  };
  return { db, schemaName, mapping, scriptName: script.name };
}

/** What «Enregistrer» would do (the summary popup), without changing anything. */
export async function previewCustomerFile(input: Input) {
  const { db, schemaName, mapping } = await resolve(input);
  const existing = await readTableColumns(db, schemaName, input.tableName);
  const plan = planCustomerFile(existing, mapping.columns);
  return { ...plan, rows: plan.tableExists ? await countRows(db, schemaName, input.tableName) : 0 };
}

/** Creates or extends the real table and records the mapping, in one transaction. */
export async function saveCustomerFile(actor: AuditActor, input: Input) {
  const { db, schemaName, mapping, scriptName } = await resolve(input);
  return db.transaction(async (tx) => {
    const plan = await applyCustomerFile(tx, schemaName, input.tableName, mapping.columns);
    const values = { databaseId: input.databaseId, tableName: input.tableName, mapping, updatedAt: new Date() };
    const [row] = await tx
      .insert(customerFiles)
      .values({ scriptId: input.scriptId, ...values })
      .onConflictDoUpdate({ target: customerFiles.scriptId, set: values })
      .returning();
    await recordAudit(tx, actor, {
      action: "update",
      objectType: "customer_file",
      objectId: row.id,
      label: `${scriptName} — ${schemaName}.${input.tableName}`,
      after: { table: input.tableName, added: plan.add.map((c) => c.column), columns: mapping.columns.length },
    });
    return { added: plan.add.map((c) => c.column), unmapped: plan.unmapped.map((c) => c.name) };
  });
}
