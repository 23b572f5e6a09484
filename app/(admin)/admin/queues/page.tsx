import Link from "next/link";
import { requirePage } from "@/lib/auth/session";
import { parseListParams } from "@/lib/admin/list";
import { listQueues, queueSortable } from "@/lib/queues/queries";
import { getTranslator } from "@/lib/i18n/server";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";
import { buttonClassName } from "@/components/ui/button-styles";
import { EmptyState, Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { ListToolbar, Pager, SortHeader } from "@/components/admin/list-toolbar";
import { ArchiveButton } from "@/components/admin/archive-button";
import { archiveQueueAction } from "./actions";

export default async function QueuesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePage("admin.access");
  const { t } = await getTranslator();
  const params = parseListParams(await searchParams, queueSortable);
  const page = await listQueues(params);
  return (
    <div className="space-y-4">
      <PageHeader title={t("queues.title")} description={t("queues.description_")} />
      <ListToolbar
        params={params}
        actions={
          <Link href="/admin/queues/new" className={buttonClassName()}>
            {t("queues.new")}
          </Link>
        }
      />
      {page.rows.length === 0 ? (
        <EmptyState title={params.q ? t("adminCommon.noResults") : t("queues.empty")} />
      ) : (
        <Table>
          <THead>
            <Tr>
              <Th>
                <SortHeader params={params} column="code">
                  {t("queues.code")}
                </SortHeader>
              </Th>
              <Th>
                <SortHeader params={params} column="description">
                  {t("queues.description")}
                </SortHeader>
              </Th>
              <Th>{t("queues.campaigns")}</Th>
              <Th>{t("common.actions")}</Th>
            </Tr>
          </THead>
          <TBody>
            {page.rows.map((q) => (
              <Tr key={q.id}>
                <Td className="font-medium">
                  <Link href={`/admin/queues/${q.id}`} className="hover:underline">
                    {q.code}
                  </Link>{" "}
                  {q.archivedAt ? <Badge>{t("adminCommon.archived")}</Badge> : null}
                </Td>
                <Td>{q.description}</Td>
                <Td>{q.campaigns}</Td>
                <Td>
                  <ArchiveButton id={q.id} name={q.code} archived={Boolean(q.archivedAt)} action={archiveQueueAction} />
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
