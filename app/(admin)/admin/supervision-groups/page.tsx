import { requirePage } from "@/lib/auth/session";
import { parseListParams } from "@/lib/admin/list";
import { listSupervisionGroups, supervisionGroupSortable } from "@/lib/hr/supervision-queries";
import { getTranslator } from "@/lib/i18n/server";
import { ListPage, RowLink } from "@/components/admin/list-page";
import { archiveSupervisionGroupAction } from "./actions";

export default async function SupervisionGroupsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requirePage("admin.access");
  const { t } = await getTranslator();
  const params = parseListParams(await searchParams, supervisionGroupSortable);
  const page = await listSupervisionGroups(params);
  return (
    <ListPage
      title={t("hr.groups.title")}
      description={t("hr.groups.description_")}
      params={params}
      page={page}
      empty={t("hr.groups.empty")}
      create={{ href: "/admin/supervision-groups/new", label: t("hr.groups.new") }}
      columns={[
        {
          key: "name",
          header: t("hr.groups.name"),
          sort: "name",
          className: "font-medium",
          cell: (g) => <RowLink href={`/admin/supervision-groups/${g.id}`}>{g.name}</RowLink>,
        },
        { key: "description", header: t("hr.groups.description"), cell: (g) => g.description },
        { key: "supervisors", header: t("hr.groups.supervisors"), cell: (g) => g.supervisors.join(", ") },
        { key: "agents", header: t("hr.groups.agentCount"), cell: (g) => g.agents },
      ]}
      archive={{ action: archiveSupervisionGroupAction, name: (g) => g.name }}
    />
  );
}
