import Link from "next/link";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { requirePage } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { PAGE_SIZE } from "@/lib/admin/list";
import { searchContacts } from "@/lib/agenda/address-book-table";
import { getAddressBook } from "@/lib/agenda/queries";
import { databaseOptions } from "@/lib/databases/queries";
import { getFormat, getTranslator } from "@/lib/i18n/server";
import { Badge } from "@/components/ui/badge";
import { buttonClassName } from "@/components/ui/button-styles";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState, Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { AddressBookForm } from "../address-book-form";
import { ContactDialogButton, DeleteContactButton } from "./contact-controls";
import { ContactImportPanel } from "./import-panel";

export default async function AddressBookPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePage("admin.access");
  const { t } = await getTranslator();
  const format = await getFormat();
  const id = Number((await params).id);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  const book = await getAddressBook(id);
  if (!book) notFound();
  const sp = await searchParams;
  const q = typeof sp.q === "string" ? sp.q.slice(0, 100) : "";
  const page = Math.max(1, Number(typeof sp.page === "string" ? sp.page : 1) || 1);
  const [databases, contacts] = await Promise.all([
    databaseOptions(),
    searchContacts(await getDb(), book.schemaName, book.tableName, q, PAGE_SIZE, (page - 1) * PAGE_SIZE),
  ]);
  const options = databases.some((d) => d.id === book.databaseId)
    ? databases
    : [...databases, { id: book.databaseId, name: book.databaseName }];
  const pages = Math.max(1, Math.ceil(contacts.total / PAGE_SIZE));
  const link = (p: number) => `/admin/address-books/${id}?${new URLSearchParams({ ...(q ? { q } : {}), page: String(p) })}`;
  return (
    <div className="space-y-6">
      <PageHeader
        title={
          <>
            {t("agenda.addressBooks.editTitle", { name: book.name })} {book.archivedAt ? <Badge>{t("adminCommon.archived")}</Badge> : null}
          </>
        }
        actions={
          can(user, "data.export") ? (
            <a className={buttonClassName({ variant: "secondary" })} href={`/admin/address-books/${id}/export`}>
              {t("agenda.addressBooks.export")}
            </a>
          ) : null
        }
      />
      <AddressBookForm
        book={{ id, name: book.name, databaseId: book.databaseId, version: book.updatedAt.toISOString() }}
        databases={options.map((d) => ({ id: d.id, name: d.name }))}
      />
      <Card>
        <CardHeader>
          <CardTitle>{t("agenda.addressBooks.import.title")}</CardTitle>
          <CardDescription>{t("agenda.addressBooks.import.hint")}</CardDescription>
        </CardHeader>
        <CardContent>
          <ContactImportPanel addressBookId={id} />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>
            {t("agenda.addressBooks.contacts")} <span className="font-normal text-fg-muted">({format.number(contacts.total)})</span>
          </CardTitle>
          <CardDescription>
            <code className="text-xs">{`${book.schemaName}.${book.tableName}`}</code>
          </CardDescription>
        </CardHeader>
        <CardContent className="space-y-4">
          <div className="flex flex-wrap items-center gap-2">
            <form className="flex gap-2" action={`/admin/address-books/${id}`}>
              <Input name="q" defaultValue={q} placeholder={t("common.search")} aria-label={t("common.search")} className="w-64" />
              <button type="submit" className={buttonClassName({ variant: "secondary" })}>
                {t("common.search")}
              </button>
            </form>
            <div className="ml-auto">
              <ContactDialogButton addressBookId={id} />
            </div>
          </div>
          {contacts.rows.length === 0 ? (
            <EmptyState title={q ? t("adminCommon.noResults") : t("agenda.addressBooks.contactsEmpty")} />
          ) : (
            <div className="overflow-x-auto">
              <Table>
                <THead>
                  <Tr>
                    {(["civility", "last_name", "first_name", "company", "email", "phone", "postal_code", "city"] as const).map((f) => (
                      <Th key={f}>{t(`agenda.addressBooks.fields.${f}`)}</Th>
                    ))}
                    <Th>
                      <span className="sr-only">{t("common.actions")}</span>
                    </Th>
                  </Tr>
                </THead>
                <TBody>
                  {contacts.rows.map((c) => (
                    <Tr key={c.id}>
                      <Td>{c.civility}</Td>
                      <Td className="font-medium">{c.last_name}</Td>
                      <Td>{c.first_name}</Td>
                      <Td>{c.company}</Td>
                      <Td>{c.email}</Td>
                      <Td className="whitespace-nowrap">{c.phone || c.mobile}</Td>
                      <Td>{c.postal_code}</Td>
                      <Td>{c.city}</Td>
                      <Td className="whitespace-nowrap text-right">
                        <ContactDialogButton addressBookId={id} contact={c} />
                        <DeleteContactButton addressBookId={id} id={c.id} name={[c.first_name, c.last_name].filter(Boolean).join(" ")} />
                      </Td>
                    </Tr>
                  ))}
                </TBody>
              </Table>
            </div>
          )}
          {pages > 1 ? (
            <nav className="flex items-center gap-2 text-sm" aria-label={t("adminCommon.pagination")}>
              {page > 1 ? <Link href={link(page - 1)}>←</Link> : null}
              <span>
                {page} / {pages}
              </span>
              {page < pages ? <Link href={link(page + 1)}>→</Link> : null}
            </nav>
          ) : null}
        </CardContent>
      </Card>
    </div>
  );
}
