import { requirePage } from "@/lib/auth/session";
import { parseListParams } from "@/lib/admin/list";
import { databaseSortable, listDatabases } from "@/lib/databases/list";
import { getFormat, getTranslator } from "@/lib/i18n/server";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";
import { EmptyState, Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { ListToolbar, Pager, SortHeader } from "@/components/admin/list-toolbar";
import { CreateDatabaseForm, DeleteDatabaseButton } from "./database-forms";

export default async function DatabasesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePage("admin.access");
  const { t } = await getTranslator();
  const format = await getFormat();
  const params = parseListParams(await searchParams, databaseSortable);
  const page = await listDatabases(params);
  return (
    <div className="space-y-4">
      <PageHeader title={t("databases.title")} description={t("databases.description")} />
      <CreateDatabaseForm />
      <ListToolbar params={params} showArchivedToggle={false} />
      {page.rows.length === 0 ? (
        <EmptyState title={params.q ? t("adminCommon.noResults") : t("databases.empty")} />
      ) : (
        <Table>
          <THead>
            <Tr>
              <Th>
                <SortHeader params={params} column="name">
                  {t("databases.name")}
                </SortHeader>
              </Th>
              <Th>{t("databases.schema")}</Th>
              <Th>{t("databases.tables")}</Th>
              <Th>
                <SortHeader params={params} column="createdAt">
                  {t("databases.createdAt")}
                </SortHeader>
              </Th>
              <Th>{t("common.actions")}</Th>
            </Tr>
          </THead>
          <TBody>
            {page.rows.map((d) => (
              <Tr key={d.id}>
                <Td className="font-medium">
                  {d.name} {d.isDefault ? <Badge variant="accent">{t("databases.default")}</Badge> : null}
                </Td>
                <Td>
                  <code>{d.schemaName}</code>
                </Td>
                <Td>{d.tables}</Td>
                <Td>{format.date(d.createdAt)}</Td>
                <Td>{d.isDefault ? null : <DeleteDatabaseButton id={d.id} name={d.name} />}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
      <Pager params={params} total={page.total} pageCount={page.pageCount} />
    </div>
  );
}
