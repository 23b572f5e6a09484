import Link from "next/link";
import { requirePage } from "@/lib/auth/session";
import { parseListParams } from "@/lib/admin/list";
import { listQualificationGroups, qualificationGroupSortable } from "@/lib/qualifications/queries";
import { getFormat, getTranslator } from "@/lib/i18n/server";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";
import { buttonClassName } from "@/components/ui/button-styles";
import { EmptyState, Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { ListToolbar, Pager, SortHeader } from "@/components/admin/list-toolbar";
import { ArchiveButton } from "@/components/admin/archive-button";
import { NonRetroactiveNotice } from "./non-retroactive-notice";
import { archiveQualificationGroupAction } from "./actions";

export default async function QualificationGroupsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePage("admin.access");
  const { t } = await getTranslator();
  const format = await getFormat();
  const params = parseListParams(await searchParams, qualificationGroupSortable);
  const page = await listQualificationGroups(params);
  return (
    <div className="space-y-4">
      <PageHeader title={t("qualifications.title")} description={t("qualifications.description_")} />
      <NonRetroactiveNotice title={t("qualifications.notice.title")} text={t("qualifications.notice.text")} />
      <ListToolbar
        params={params}
        actions={
          <Link href="/admin/qualifications/new" className={buttonClassName()}>
            {t("qualifications.new")}
          </Link>
        }
      />
      {page.rows.length === 0 ? (
        <EmptyState title={params.q ? t("adminCommon.noResults") : t("qualifications.empty")} />
      ) : (
        <Table>
          <THead>
            <Tr>
              <Th>
                <SortHeader params={params} column="name">
                  {t("qualifications.name")}
                </SortHeader>
              </Th>
              <Th>
                <SortHeader params={params} column="currency">
                  {t("qualifications.currency")}
                </SortHeader>
              </Th>
              <Th>{t("qualifications.statusCount")}</Th>
              <Th>{t("qualifications.campaigns")}</Th>
              <Th>
                <SortHeader params={params} column="updatedAt">
                  {t("qualifications.updatedAt")}
                </SortHeader>
              </Th>
              <Th>{t("common.actions")}</Th>
            </Tr>
          </THead>
          <TBody>
            {page.rows.map((g) => (
              <Tr key={g.id}>
                <Td className="font-medium">
                  <Link href={`/admin/qualifications/${g.id}`} className="hover:underline">
                    {g.name}
                  </Link>{" "}
                  {g.archivedAt ? <Badge>{t("adminCommon.archived")}</Badge> : null}
                </Td>
                <Td>{g.currency}</Td>
                <Td>{g.statuses}</Td>
                <Td>{g.campaigns}</Td>
                <Td>{format.dateTime(g.updatedAt)}</Td>
                <Td>
                  <ArchiveButton id={g.id} name={g.name} archived={Boolean(g.archivedAt)} action={archiveQualificationGroupAction} />
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
