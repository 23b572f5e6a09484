import Link from "next/link";
import { requirePage } from "@/lib/auth/session";
import { parseListParams } from "@/lib/admin/list";
import { listSupervisionGroups, supervisionGroupSortable } from "@/lib/hr/supervision-queries";
import { getTranslator } from "@/lib/i18n/server";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";
import { buttonClassName } from "@/components/ui/button-styles";
import { EmptyState, Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { ListToolbar, Pager, SortHeader } from "@/components/admin/list-toolbar";
import { ArchiveButton } from "@/components/admin/archive-button";
import { archiveSupervisionGroupAction } from "./actions";

export default async function SupervisionGroupsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePage("admin.access");
  const { t } = await getTranslator();
  const params = parseListParams(await searchParams, supervisionGroupSortable);
  const page = await listSupervisionGroups(params);
  return (
    <div className="space-y-4">
      <PageHeader title={t("hr.groups.title")} description={t("hr.groups.description_")} />
      <ListToolbar
        params={params}
        actions={
          <Link href="/admin/supervision-groups/new" className={buttonClassName()}>
            {t("hr.groups.new")}
          </Link>
        }
      />
      {page.rows.length === 0 ? (
        <EmptyState title={params.q ? t("adminCommon.noResults") : t("hr.groups.empty")} />
      ) : (
        <Table>
          <THead>
            <Tr>
              <Th>
                <SortHeader params={params} column="name">
                  {t("hr.groups.name")}
                </SortHeader>
              </Th>
              <Th>{t("hr.groups.description")}</Th>
              <Th>{t("hr.groups.supervisors")}</Th>
              <Th>{t("hr.groups.agentCount")}</Th>
              <Th>{t("common.actions")}</Th>
            </Tr>
          </THead>
          <TBody>
            {page.rows.map((g) => (
              <Tr key={g.id}>
                <Td className="font-medium">
                  <Link href={`/admin/supervision-groups/${g.id}`} className="hover:underline">
                    {g.name}
                  </Link>{" "}
                  {g.archivedAt ? <Badge>{t("adminCommon.archived")}</Badge> : null}
                </Td>
                <Td>{g.description}</Td>
                <Td>{g.supervisors.join(", ")}</Td>
                <Td>{g.agents}</Td>
                <Td>
                  <ArchiveButton id={g.id} name={g.name} archived={Boolean(g.archivedAt)} action={archiveSupervisionGroupAction} />
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
