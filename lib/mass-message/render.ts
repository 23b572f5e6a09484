// A recipient's $VARIABLES: the same filler as the predefined responses and email templates
// (lib/scripts/variables.ts): $AUTEUR and $PSEUDO (the person's name), $CAMPAGNE, $RESEAU, and
// every column of the customer-file row bound to the person (by column name, upper or lower case).
import { sql } from "drizzle-orm";
import { rows, type Db, type Tx } from "@/db/client";
import type { CustomerFileTarget } from "@/lib/conversations/customer-file-row";
import { qualifiedTable } from "@/lib/scripts/identifiers";
import { extractVariables, interpolate, type VariableValues } from "@/lib/scripts/variables";

export const BUILT_IN = ["AUTEUR", "PSEUDO", "CAMPAGNE", "RESEAU"] as const;

export function valuesFor(contact: { name: string }, campaignName: string, row: Record<string, unknown> | null): VariableValues {
  const values: VariableValues = { AUTEUR: contact.name, PSEUDO: contact.name, CAMPAGNE: campaignName, RESEAU: "Facebook" };
  for (const [k, v] of Object.entries(row ?? {})) {
    if (k === "id" || k === "contact_guid") continue;
    const text = v === null || v === undefined ? "" : Array.isArray(v) ? v.map(String) : typeof v === "boolean" ? v : String(v);
    values[k] ??= text;
    values[k.toUpperCase()] ??= text;
  }
  return values;
}

export function render(text: string, values: VariableValues): string {
  return interpolate(text, values);
}

/** Whether the text reads anything beyond the built-in values (then the customer file is loaded). */
export function needsCustomerFile(text: string): boolean {
  return extractVariables(text).some((n) => !(BUILT_IN as readonly string[]).includes(n));
}

/** Customer-file rows of these people, by their page-scoped id (one query whatever their number). */
export async function customerRows(
  db: Db | Tx,
  target: CustomerFileTarget | null,
  contactIds: string[],
): Promise<Map<string, Record<string, unknown>>> {
  const out = new Map<string, Record<string, unknown>>();
  if (!target || contactIds.length === 0) return out;
  const found = await rows<{ author_id: string; r: Record<string, unknown> | string }>(
    db,
    sql`select l.author_id, to_jsonb(t) as r
        from json_array_elements_text(${JSON.stringify(contactIds)}::json) as j(v)
        join customer_file_links l on l.schema_name = ${target.schemaName} and l.table_name = ${target.tableName}
          and l.network = 'facebook' and l.author_id = j.v
        join ${sql.raw(qualifiedTable(target.schemaName, target.tableName))} t on t.contact_guid = l.contact_guid`,
  );
  for (const f of found) out.set(f.author_id, typeof f.r === "string" ? JSON.parse(f.r) : f.r);
  return out;
}
