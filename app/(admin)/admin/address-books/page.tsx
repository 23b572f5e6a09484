import { requirePage } from "@/lib/auth/session";
import { parseListParams } from "@/lib/admin/list";
import { addressBookSortable, listAddressBooks } from "@/lib/agenda/queries";
import { getTranslator } from "@/lib/i18n/server";
import { ListPage, RowLink } from "@/components/admin/list-page";
import { archiveAddressBookAction } from "./actions";

export default async function AddressBooksPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePage("admin.access");
  const { t } = await getTranslator();
  const params = parseListParams(await searchParams, addressBookSortable);
  const page = await listAddressBooks(params);
  return (
    <ListPage
      title={t("agenda.addressBooks.title")}
      description={t("agenda.addressBooks.description_")}
      params={params}
      page={page}
      empty={t("agenda.addressBooks.empty")}
      create={{ href: "/admin/address-books/new", label: t("agenda.addressBooks.new") }}
      columns={[
        {
          key: "name",
          header: t("agenda.addressBooks.name"),
          sort: "name",
          className: "font-medium",
          cell: (b) => <RowLink href={`/admin/address-books/${b.id}`}>{b.name}</RowLink>,
        },
        { key: "database", header: t("agenda.addressBooks.database"), sort: "database", cell: (b) => b.databaseName },
        {
          key: "table",
          header: t("agenda.addressBooks.table"),
          cell: (b) => <code className="text-xs">{`${b.schemaName}.${b.tableName}`}</code>,
        },
      ]}
      archive={{ action: archiveAddressBookAction, name: (b) => b.name }}
    />
  );
}
