import { getDb } from "@/db/client";
import { defineRoute } from "@/lib/auth/route";
import { allContacts } from "@/lib/agenda/address-book-table";
import { CONTACT_FIELDS } from "@/lib/agenda/contact-fields";
import { getAddressBook } from "@/lib/agenda/queries";
import { csvDownload, toCsv } from "@/lib/csv/stringify";

// The whole address book as CSV (the import's own column names, so a file exported imports back).
export const GET = defineRoute<{ id: string }>("data.export", {}, async ({ params }) => {
  const id = Number(params.id);
  const book = Number.isSafeInteger(id) && id > 0 ? await getAddressBook(id) : null;
  if (!book) return new Response("Not found", { status: 404 });
  const db = await getDb();
  const chunks: string[] = [toCsv([[...CONTACT_FIELDS]])];
  for await (const batch of allContacts(db, book.schemaName, book.tableName)) {
    chunks.push(
      toCsv(
        batch.map((c) => CONTACT_FIELDS.map((f) => c[f])),
        { bom: false },
      ),
    );
  }
  const name = book.name.replace(/[^\w.-]+/g, "_") || "address-book";
  // Customers' personal data: never kept in a browser's or a proxy's cache (csvDownload).
  return csvDownload(chunks.join(""), `${name}.csv`);
});
