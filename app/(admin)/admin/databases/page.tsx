import { requirePage } from "@/lib/auth/session";
import { parseListParams } from "@/lib/admin/list";
import { databaseSortable, listDatabases } from "@/lib/databases/list";
import { getFormat, getTranslator } from "@/lib/i18n/server";
import { Badge } from "@/components/ui/badge";
import { ListPage } from "@/components/admin/list-page";
import { CreateDatabaseForm, DeleteDatabaseButton } from "./database-forms";

export default async function DatabasesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePage("admin.access");
  const { t } = await getTranslator();
  const format = await getFormat();
  const params = parseListParams(await searchParams, databaseSortable);
  const page = await listDatabases(params);
  return (
    <ListPage
      title={t("databases.title")}
      description={t("databases.description")}
      intro={<CreateDatabaseForm />}
      params={params}
      page={page}
      empty={t("databases.empty")}
      archivedToggle={false}
      columns={[
        {
          key: "name",
          header: t("databases.name"),
          sort: "name",
          className: "font-medium",
          cell: (d) => (
            <>
              {d.name} {d.isDefault ? <Badge variant="accent">{t("databases.default")}</Badge> : null}
            </>
          ),
        },
        { key: "schema", header: t("databases.schema"), cell: (d) => <code>{d.schemaName}</code> },
        { key: "tables", header: t("databases.tables"), cell: (d) => d.tables },
        { key: "createdAt", header: t("databases.createdAt"), sort: "createdAt", cell: (d) => format.date(d.createdAt) },
      ]}
      rowActions={(d) => (d.isDefault ? null : <DeleteDatabaseButton id={d.id} name={d.name} />)}
    />
  );
}
