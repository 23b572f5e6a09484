import { requirePage } from "@/lib/auth/session";
import { parseListParams } from "@/lib/admin/list";
import { listQualificationGroups, qualificationGroupSortable } from "@/lib/qualifications/queries";
import { getFormat, getTranslator } from "@/lib/i18n/server";
import { ListPage, RowLink } from "@/components/admin/list-page";
import { NonRetroactiveNotice } from "./non-retroactive-notice";
import { archiveQualificationGroupAction } from "./actions";

export default async function QualificationGroupsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requirePage("admin.access");
  const { t } = await getTranslator();
  const format = await getFormat();
  const params = parseListParams(await searchParams, qualificationGroupSortable);
  const page = await listQualificationGroups(params);
  return (
    <ListPage
      title={t("qualifications.title")}
      description={t("qualifications.description_")}
      intro={<NonRetroactiveNotice title={t("qualifications.notice.title")} text={t("qualifications.notice.text")} />}
      params={params}
      page={page}
      empty={t("qualifications.empty")}
      create={{ href: "/admin/qualifications/new", label: t("qualifications.new") }}
      columns={[
        {
          key: "name",
          header: t("qualifications.name"),
          sort: "name",
          className: "font-medium",
          cell: (g) => <RowLink href={`/admin/qualifications/${g.id}`}>{g.name}</RowLink>,
        },
        { key: "currency", header: t("qualifications.currency"), sort: "currency", cell: (g) => g.currency },
        { key: "statuses", header: t("qualifications.statusCount"), cell: (g) => g.statuses },
        { key: "campaigns", header: t("qualifications.campaigns"), cell: (g) => g.campaigns },
        { key: "updatedAt", header: t("qualifications.updatedAt"), sort: "updatedAt", cell: (g) => format.dateTime(g.updatedAt) },
      ]}
      archive={{ action: archiveQualificationGroupAction, name: (g) => g.name }}
    />
  );
}
