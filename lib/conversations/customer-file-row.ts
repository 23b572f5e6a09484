import { eq, sql, type SQL } from "drizzle-orm";
import { rows, type Db, type Tx } from "@/db/client";
import { scriptVersions, type CustomerFileColumn, type CustomerFileMapping } from "@/db/schema";
import { qualifiedTable, quoteIdent } from "@/lib/scripts/identifiers";
import { formatValue, type VariableValue, type VariableValues } from "@/lib/scripts/variables";

/** Where a pinned script version's «Enregistrer fiche» writes (null: the script has no customer file). */
export type CustomerFileTarget = { schemaName: string; tableName: string; mapping: CustomerFileMapping };

export async function customerFileTarget(db: Db | Tx, scriptVersionId: number | null): Promise<CustomerFileTarget | null> {
  if (!scriptVersionId) return null;
  const [v] = await db
    .select({ customerFile: scriptVersions.customerFile })
    .from(scriptVersions)
    .where(eq(scriptVersions.id, scriptVersionId));
  if (!v?.customerFile) return null;
  return { schemaName: v.customerFile.schemaName, tableName: v.customerFile.tableName, mapping: v.customerFile.mapping };
}

export type CustomerRow = {
  contactGuid: string;
  /** By column name (what variables sourced from the customer file read). */
  byColumn: Record<string, VariableValue>;
  /** By script object name (what the objects show). */
  byObject: VariableValues;
};

async function linkedGuid(db: Db | Tx, target: CustomerFileTarget, network: string, authorId: string, lock = false) {
  const [link] = await rows<{ contact_guid: string }>(
    db,
    sql`select contact_guid from customer_file_links
        where schema_name = ${target.schemaName} and table_name = ${target.tableName} and network = ${network} and author_id = ${authorId}
        ${lock ? sql`for update` : sql``}`,
  );
  return link?.contact_guid ?? null;
}

function fromJson(value: unknown): VariableValue {
  if (typeof value === "boolean") return value;
  if (Array.isArray(value)) return value.map(String);
  if (value === null || value === undefined) return "";
  return String(value);
}

/** The author's row, found through his network id; null before his first save. */
export async function readCustomerRow(
  db: Db | Tx,
  target: CustomerFileTarget,
  network: string,
  authorId: string,
): Promise<CustomerRow | null> {
  const guid = await linkedGuid(db, target, network, authorId);
  if (!guid) return null;
  const [row] = await rows<{ r: Record<string, unknown> | string }>(
    db,
    sql`select to_jsonb(t) as r from ${sql.raw(qualifiedTable(target.schemaName, target.tableName))} t where t.contact_guid = ${guid}`,
  );
  if (!row) return null;
  const record = (typeof row.r === "string" ? JSON.parse(row.r) : row.r) as Record<string, unknown>;
  const byColumn: Record<string, VariableValue> = {};
  for (const [k, v] of Object.entries(record)) byColumn[k] = fromJson(v);
  const byObject: VariableValues = {};
  for (const c of target.mapping.columns) if (c.column in record) byObject[c.objectName] = fromJson(record[c.column]);
  return { contactGuid: guid, byColumn, byObject };
}

/** A value as SQL of the column's type; the type comes from the generated version, never from the request. */
function typed(col: CustomerFileColumn, value: VariableValue | undefined): SQL {
  const text = formatValue(value);
  switch (col.type) {
    case "boolean":
      return sql`${value === true || text === "1" || text === "true"}::boolean`;
    case "date":
      return sql`nullif(${text}, '')::date`;
    case "timestamptz":
      return sql`nullif(${text}, '')::timestamptz`;
    case "text[]": {
      const list = Array.isArray(value) ? value : text ? text.split(",").map((s) => s.trim()) : [];
      return sql`array(select jsonb_array_elements_text(${JSON.stringify(list)}::jsonb))`;
    }
    default:
      return sql`${text}`;
  }
}

/**
 * «Enregistrer fiche»: writes the mapped objects' values to the author's row, creating the row
 * and its link on the first save. The link's unique index makes two simultaneous first saves
 * end on one row.
 */
export async function saveCustomerRow(
  tx: Tx,
  target: CustomerFileTarget,
  network: string,
  authorId: string,
  values: VariableValues,
): Promise<{ contactGuid: string; created: boolean }> {
  const table = sql.raw(qualifiedTable(target.schemaName, target.tableName));
  const cols = target.mapping.columns;
  let guid = await linkedGuid(tx, target, network, authorId, true);
  let created = false;
  if (!guid) {
    const [row] = await rows<{ contact_guid: string }>(tx, sql`insert into ${table} default values returning contact_guid`);
    const inserted = await rows<{ contact_guid: string }>(
      tx,
      sql`insert into customer_file_links (schema_name, table_name, network, author_id, contact_guid)
          values (${target.schemaName}, ${target.tableName}, ${network}, ${authorId}, ${row.contact_guid})
          on conflict (schema_name, table_name, network, author_id) do nothing
          returning contact_guid`,
    );
    if (inserted.length > 0) {
      guid = row.contact_guid;
      created = true;
    } else {
      await tx.execute(sql`delete from ${table} where contact_guid = ${row.contact_guid}`);
      guid = (await linkedGuid(tx, target, network, authorId, true))!;
    }
  }
  if (cols.length > 0) {
    const sets = sql.join(
      cols.map((c) => sql`${sql.raw(quoteIdent(c.column))} = ${typed(c, values[c.objectName])}`),
      sql`, `,
    );
    await tx.execute(sql`update ${table} set ${sets}, updated_at = now() where contact_guid = ${guid}`);
  }
  return { contactGuid: guid, created };
}
