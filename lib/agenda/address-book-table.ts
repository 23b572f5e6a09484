// The contacts of an address book: a real table in the schema of its named database, with fixed
// columns (personal and professional data). `dedupe_key` (last name, first name, email, phone,
// normalised) is unique: the same contact is never stored twice, by an import or by hand.
import { sql } from "drizzle-orm";
import { rows, type Db, type Tx } from "@/db/client";
import { qualifiedTable, quoteIdent, SCHEMA_NAME } from "@/lib/scripts/identifiers";
import { CONTACT_FIELDS, type Contact } from "./contact-fields";

export { CONTACT_FIELDS, dedupeKey, type Contact, type ContactField } from "./contact-fields";

export const tableNameFor = (addressBookId: number) => `address_book_${addressBookId}`;

export async function createContactTable(tx: Tx, schema: string, table: string) {
  const target = qualifiedTable(schema, table);
  await tx.execute(sql.raw(`create schema if not exists ${quoteIdent(schema, SCHEMA_NAME)}`));
  await tx.execute(
    sql.raw(
      `create table if not exists ${target} (id bigserial primary key, ` +
        CONTACT_FIELDS.map((f) => `${quoteIdent(f)} text not null default ''`).join(", ") +
        `, dedupe_key text not null, created_at timestamptz not null default now(), updated_at timestamptz not null default now())`,
    ),
  );
  await tx.execute(sql.raw(`create unique index if not exists ${quoteIdent(`${table}_dedupe_uq`)} on ${target} (dedupe_key)`));
}

const SELECT = `id::int as id, ${CONTACT_FIELDS.map((f) => quoteIdent(f)).join(", ")}`;

export async function searchContacts(db: Db | Tx, schema: string, table: string, q: string, limit: number, offset: number) {
  const target = qualifiedTable(schema, table);
  const pattern = `%${q.replace(/[\\%_]/g, (c) => "\\" + c)}%`;
  const where = q
    ? sql` where last_name ilike ${pattern} or first_name ilike ${pattern} or company ilike ${pattern} or email ilike ${pattern} or postal_code ilike ${pattern} or city ilike ${pattern}`
    : sql``;
  const list = await rows<Contact>(
    db,
    sql`select ${sql.raw(SELECT)} from ${sql.raw(target)}${where} order by last_name, first_name, id limit ${limit} offset ${offset}`,
  );
  const [{ n }] = await rows<{ n: number }>(db, sql`select count(*)::int as n from ${sql.raw(target)}${where}`);
  return { rows: list, total: n };
}

export async function getContact(db: Db | Tx, schema: string, table: string, id: number): Promise<Contact | null> {
  const [c] = await rows<Contact>(db, sql`select ${sql.raw(SELECT)} from ${sql.raw(qualifiedTable(schema, table))} where id = ${id}`);
  return c ?? null;
}

/** Every contact, in batches, for the CSV export (a 100,000-row book is never held whole). */
export async function* allContacts(db: Db, schema: string, table: string, batch = 5000) {
  let after = 0;
  for (;;) {
    const list = await rows<Contact>(
      db,
      sql`select ${sql.raw(SELECT)} from ${sql.raw(qualifiedTable(schema, table))} where id > ${after} order by id limit ${batch}`,
    );
    if (list.length === 0) return;
    yield list;
    after = list[list.length - 1].id;
  }
}
