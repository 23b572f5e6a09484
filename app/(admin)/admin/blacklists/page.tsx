import { requirePage } from "@/lib/auth/session";
import { parseListParams } from "@/lib/admin/list";
import { blacklistSortable, listBlacklists } from "@/lib/blacklists/queries";
import { getFormat, getTranslator } from "@/lib/i18n/server";
import { ListPage, RowLink } from "@/components/admin/list-page";
import { archiveBlacklistAction } from "./actions";

export default async function BlacklistsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePage("admin.access");
  const { t } = await getTranslator();
  const format = await getFormat();
  const params = parseListParams(await searchParams, blacklistSortable);
  const page = await listBlacklists(params);
  return (
    <ListPage
      title={t("blacklists.title")}
      description={t("blacklists.description_")}
      params={params}
      page={page}
      empty={t("blacklists.empty")}
      create={{ href: "/admin/blacklists/new", label: t("blacklists.new") }}
      columns={[
        {
          key: "name",
          header: t("blacklists.name"),
          sort: "name",
          className: "font-medium",
          cell: (b) => <RowLink href={`/admin/blacklists/${b.id}`}>{b.name}</RowLink>,
        },
        { key: "database", header: t("blacklists.database"), sort: "database", cell: (b) => b.databaseName },
        { key: "words", header: t("blacklists.words"), cell: (b) => format.number(b.words) },
      ]}
      archive={{ action: archiveBlacklistAction, name: (b) => b.name }}
    />
  );
}
