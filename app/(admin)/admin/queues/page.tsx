import { requirePage } from "@/lib/auth/session";
import { parseListParams } from "@/lib/admin/list";
import { listQueues, queueSortable } from "@/lib/queues/queries";
import { getTranslator } from "@/lib/i18n/server";
import { ListPage, RowLink } from "@/components/admin/list-page";
import { archiveQueueAction } from "./actions";

export default async function QueuesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePage("admin.access");
  const { t } = await getTranslator();
  const params = parseListParams(await searchParams, queueSortable);
  const page = await listQueues(params);
  return (
    <ListPage
      title={t("queues.title")}
      description={t("queues.description_")}
      params={params}
      page={page}
      empty={t("queues.empty")}
      create={{ href: "/admin/queues/new", label: t("queues.new") }}
      columns={[
        {
          key: "code",
          header: t("queues.code"),
          sort: "code",
          className: "font-medium",
          cell: (q) => <RowLink href={`/admin/queues/${q.id}`}>{q.code}</RowLink>,
        },
        { key: "description", header: t("queues.description"), sort: "description", cell: (q) => q.description },
        { key: "campaigns", header: t("queues.campaigns"), cell: (q) => q.campaigns },
      ]}
      archive={{ action: archiveQueueAction, name: (q) => q.code }}
    />
  );
}
