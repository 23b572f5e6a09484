import Link from "next/link";
import { requirePage } from "@/lib/auth/session";
import { parseListParams } from "@/lib/admin/list";
import { blacklistSortable, listBlacklists } from "@/lib/blacklists/queries";
import { getFormat, getTranslator } from "@/lib/i18n/server";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";
import { buttonClassName } from "@/components/ui/button-styles";
import { EmptyState, Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { ListToolbar, Pager, SortHeader } from "@/components/admin/list-toolbar";
import { ArchiveButton } from "@/components/admin/archive-button";
import { archiveBlacklistAction } from "./actions";

export default async function BlacklistsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePage("admin.access");
  const { t } = await getTranslator();
  const format = await getFormat();
  const params = parseListParams(await searchParams, blacklistSortable);
  const page = await listBlacklists(params);
  return (
    <div className="space-y-4">
      <PageHeader title={t("blacklists.title")} description={t("blacklists.description_")} />
      <ListToolbar
        params={params}
        actions={
          <Link href="/admin/blacklists/new" className={buttonClassName()}>
            {t("blacklists.new")}
          </Link>
        }
      />
      {page.rows.length === 0 ? (
        <EmptyState title={params.q ? t("adminCommon.noResults") : t("blacklists.empty")} />
      ) : (
        <Table>
          <THead>
            <Tr>
              <Th>
                <SortHeader params={params} column="name">
                  {t("blacklists.name")}
                </SortHeader>
              </Th>
              <Th>
                <SortHeader params={params} column="database">
                  {t("blacklists.database")}
                </SortHeader>
              </Th>
              <Th>{t("blacklists.words")}</Th>
              <Th>{t("common.actions")}</Th>
            </Tr>
          </THead>
          <TBody>
            {page.rows.map((b) => (
              <Tr key={b.id}>
                <Td className="font-medium">
                  <Link href={`/admin/blacklists/${b.id}`} className="hover:underline">
                    {b.name}
                  </Link>{" "}
                  {b.archivedAt ? <Badge>{t("adminCommon.archived")}</Badge> : null}
                </Td>
                <Td>{b.databaseName}</Td>
                <Td>{format.number(b.words)}</Td>
                <Td>
                  <ArchiveButton id={b.id} name={b.name} archived={Boolean(b.archivedAt)} action={archiveBlacklistAction} />
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
      <Pager params={params} total={page.total} pageCount={page.pageCount} />
    </div>
  );
}
