import { and, eq, isNull, sql } from "drizzle-orm";
import type { z } from "zod";
import { getDb, rows, type Tx } from "@/db/client";
import { addressBooks, customerDatabases } from "@/db/schema";
import { ActionError } from "@/lib/auth/action-error";
import { recordAudit, type AuditActor } from "@/lib/admin/audit";
import { isUniqueViolation, uniqueOr } from "@/lib/admin/errors";
import { lockForUpdate, setArchived, updateRow } from "@/lib/admin/mutate";
import { campaignsUsing, defaultsUsing } from "@/lib/admin/usage";
import { qualifiedTable } from "@/lib/scripts/identifiers";
import type { addressBookSchema, addressBookUpdateSchema } from "./agenda.schema";
import { createContactTable, tableNameFor } from "./address-book-table";
import { CONTACT_FIELDS, contactProblem, dedupeKey, type ContactField } from "./contact-fields";

export async function createAddressBook(actor: AuditActor, input: z.output<typeof addressBookSchema>) {
  const db = await getDb();
  return uniqueOr("name", () =>
    db.transaction(async (tx) => {
      const [database] = await tx
        .select({ schemaName: customerDatabases.schemaName })
        .from(customerDatabases)
        .where(and(eq(customerDatabases.id, input.databaseId), isNull(customerDatabases.archivedAt)));
      if (!database) throw new ActionError("agenda.errors.databaseUnavailable", { databaseId: ["agenda.errors.databaseUnavailable"] });
      // The id names the table: insert, then set the name, in the same transaction.
      const [draft] = await tx.insert(addressBooks).values({ name: input.name, databaseId: input.databaseId, tableName: "" }).returning();
      const [row] = await tx
        .update(addressBooks)
        .set({ tableName: tableNameFor(draft.id) })
        .where(eq(addressBooks.id, draft.id))
        .returning();
      await createContactTable(tx, database.schemaName, row.tableName);
      await recordAudit(tx, actor, { action: "create", objectType: "address_book", objectId: row.id, label: row.name, after: row });
      return row;
    }),
  );
}

/** Renames the book; its table stays in the database it was created in. */
export async function updateAddressBook(actor: AuditActor, input: z.output<typeof addressBookUpdateSchema>) {
  const db = await getDb();
  return uniqueOr("name", () =>
    db.transaction(async (tx) => {
      const before = await lockForUpdate(tx, addressBooks, input.id, input.version);
      const after = await updateRow(tx, addressBooks, input.id, { name: input.name });
      await recordAudit(tx, actor, { action: "update", objectType: "address_book", objectId: after.id, label: after.name, before, after });
      return after;
    }),
  );
}

export async function setAddressBookArchived(actor: AuditActor, id: number, archived: boolean) {
  return setArchived(actor, addressBooks, id, archived, {
    objectType: "address_book",
    label: (b) => b.name,
    usedBy: async (bid) => [...(await campaignsUsing("addressBookId", bid)), ...(await defaultsUsing("addressBookId", bid))],
  });
}

async function lockBook(tx: Tx, id: number) {
  const [book] = await tx
    .select({ id: addressBooks.id, name: addressBooks.name, table: addressBooks.tableName, schema: customerDatabases.schemaName })
    .from(addressBooks)
    .innerJoin(customerDatabases, eq(customerDatabases.id, addressBooks.databaseId))
    .where(eq(addressBooks.id, id))
    .for("update", { of: addressBooks });
  if (!book) throw new ActionError("adminCommon.errors.notFound");
  return { ...book, target: sql.raw(qualifiedTable(book.schema, book.table)) };
}

const contactErrors: Record<string, string> = {
  missingName: "agenda.errors.contactNameRequired",
  badEmail: "agenda.errors.email",
  tooLong: "agenda.errors.nameTooLong",
  controlChar: "errors.invalidInput",
};

function checkContact(values: Record<ContactField, string>) {
  const problem = contactProblem(values);
  if (problem) {
    const field = problem === "missingName" ? "last_name" : problem === "badEmail" ? "email" : "_";
    throw new ActionError(contactErrors[problem], { [field]: [contactErrors[problem]] });
  }
}

const duplicate = (err: unknown) =>
  isUniqueViolation(err) ? new ActionError("adminCommon.errors.duplicate", { last_name: ["adminCommon.errors.duplicate"] }) : err;

/** Adds (no id) or edits a contact by hand; the same rules as an imported line. */
export async function saveContact(actor: AuditActor, addressBookId: number, id: number | null, values: Record<ContactField, string>) {
  checkContact(values);
  const db = await getDb();
  try {
    return await db.transaction(async (tx) => {
      const book = await lockBook(tx, addressBookId);
      const key = dedupeKey(values);
      const set = sql.join(
        CONTACT_FIELDS.map((f) => sql`${sql.raw(`"${f}"`)} = ${values[f]}`),
        sql`, `,
      );
      let contactId = id;
      if (id) {
        const updated = await rows(
          tx,
          sql`update ${book.target} set ${set}, dedupe_key = ${key}, updated_at = now() where id = ${id} returning id`,
        );
        if (updated.length === 0) throw new ActionError("adminCommon.errors.notFound");
      } else {
        const cols = sql.raw(CONTACT_FIELDS.map((f) => `"${f}"`).join(", "));
        const vals = sql.join(
          CONTACT_FIELDS.map((f) => sql`${values[f]}`),
          sql`, `,
        );
        const [created] = await rows<{ id: number }>(
          tx,
          sql`insert into ${book.target} (${cols}, dedupe_key) values (${vals}, ${key}) returning id::int as id`,
        );
        contactId = created.id;
      }
      await recordAudit(tx, actor, {
        action: "update",
        objectType: "address_book",
        objectId: book.id,
        label: book.name,
        after: { contact: { id: contactId, ...values } },
      });
      return { id: contactId! };
    });
  } catch (err) {
    throw duplicate(err);
  }
}

export async function deleteContact(actor: AuditActor, addressBookId: number, id: number) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const book = await lockBook(tx, addressBookId);
    const list = await rows<{ last_name: string; first_name: string }>(
      tx,
      sql`delete from ${book.target} where id = ${id} returning last_name, first_name`,
    );
    if (list.length === 0) throw new ActionError("adminCommon.errors.notFound");
    await recordAudit(tx, actor, {
      action: "update",
      objectType: "address_book",
      objectId: book.id,
      label: book.name,
      before: { contactDeleted: { id, ...list[0] } },
    });
    return { id };
  });
}
