import { requirePage } from "@/lib/auth/session";
import { parseListParams } from "@/lib/admin/list";
import { distributionGroupSortable, listDistributionGroups } from "@/lib/distribution/queries";
import { getFormat, getTranslator } from "@/lib/i18n/server";
import { ListPage, RowLink } from "@/components/admin/list-page";
import { archiveDistributionGroupAction } from "./actions";

export default async function DistributionGroupsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requirePage("admin.access");
  const { t } = await getTranslator();
  const format = await getFormat();
  const params = parseListParams(await searchParams, distributionGroupSortable);
  const page = await listDistributionGroups(params);
  return (
    <ListPage
      title={t("distribution.title")}
      description={t("distribution.description_")}
      params={params}
      page={page}
      empty={t("distribution.empty")}
      create={{ href: "/admin/distribution-rules/new", label: t("distribution.new") }}
      columns={[
        {
          key: "name",
          header: t("distribution.name"),
          sort: "name",
          className: "font-medium",
          cell: (g) => <RowLink href={`/admin/distribution-rules/${g.id}`}>{g.name}</RowLink>,
        },
        { key: "description", header: t("distribution.description"), cell: (g) => g.description },
        { key: "rules", header: t("distribution.ruleCount"), cell: (g) => g.rules },
        { key: "updatedAt", header: t("distribution.updatedAt"), sort: "updatedAt", cell: (g) => format.dateTime(g.updatedAt) },
      ]}
      archive={{ action: archiveDistributionGroupAction, name: (g) => g.name }}
    />
  );
}
