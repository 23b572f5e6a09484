import Link from "next/link";
import { requirePage } from "@/lib/auth/session";
import { parseListParams } from "@/lib/admin/list";
import { distributionGroupSortable, listDistributionGroups } from "@/lib/distribution/queries";
import { getFormat, getTranslator } from "@/lib/i18n/server";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";
import { buttonClassName } from "@/components/ui/button-styles";
import { EmptyState, Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { ListToolbar, Pager, SortHeader } from "@/components/admin/list-toolbar";
import { ArchiveButton } from "@/components/admin/archive-button";
import { archiveDistributionGroupAction } from "./actions";

export default async function DistributionGroupsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePage("admin.access");
  const { t } = await getTranslator();
  const format = await getFormat();
  const params = parseListParams(await searchParams, distributionGroupSortable);
  const page = await listDistributionGroups(params);
  return (
    <div className="space-y-4">
      <PageHeader title={t("distribution.title")} description={t("distribution.description_")} />
      <ListToolbar
        params={params}
        actions={
          <Link href="/admin/distribution-rules/new" className={buttonClassName()}>
            {t("distribution.new")}
          </Link>
        }
      />
      {page.rows.length === 0 ? (
        <EmptyState title={params.q ? t("adminCommon.noResults") : t("distribution.empty")} />
      ) : (
        <Table>
          <THead>
            <Tr>
              <Th>
                <SortHeader params={params} column="name">
                  {t("distribution.name")}
                </SortHeader>
              </Th>
              <Th>{t("distribution.description")}</Th>
              <Th>{t("distribution.ruleCount")}</Th>
              <Th>
                <SortHeader params={params} column="updatedAt">
                  {t("distribution.updatedAt")}
                </SortHeader>
              </Th>
              <Th>{t("common.actions")}</Th>
            </Tr>
          </THead>
          <TBody>
            {page.rows.map((g) => (
              <Tr key={g.id}>
                <Td className="font-medium">
                  <Link href={`/admin/distribution-rules/${g.id}`} className="hover:underline">
                    {g.name}
                  </Link>{" "}
                  {g.archivedAt ? <Badge>{t("adminCommon.archived")}</Badge> : null}
                </Td>
                <Td>{g.description}</Td>
                <Td>{g.rules}</Td>
                <Td>{format.dateTime(g.updatedAt)}</Td>
                <Td>
                  <ArchiveButton id={g.id} name={g.name} archived={Boolean(g.archivedAt)} action={archiveDistributionGroupAction} />
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
