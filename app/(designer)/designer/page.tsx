import Link from "next/link";
import { requirePage } from "@/lib/auth/session";
import { parseListParams } from "@/lib/admin/list";
import { listScripts, scriptSortable } from "@/lib/scripts/queries";
import { getFormat, getTranslator } from "@/lib/i18n/server";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";
import { buttonClassName } from "@/components/ui/button-styles";
import { EmptyState, Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { ListToolbar, Pager, SortHeader } from "@/components/admin/list-toolbar";
import { ArchiveButton } from "@/components/admin/archive-button";
import { archiveScriptAction } from "./actions";
import { DuplicateButton, RenameButton } from "./script-row-actions";

export default async function DesignerHome({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePage("designer.access");
  const { t } = await getTranslator();
  const params = parseListParams(await searchParams, scriptSortable);
  const page = await listScripts(params);
  const format = await getFormat();
  return (
    <div className="space-y-4">
      <PageHeader title={t("designer.home.title")} description={t("designer.home.description")} />
      <ListToolbar
        params={params}
        actions={
          <Link href="/designer/scripts/new" className={buttonClassName()}>
            {t("designer.home.newScript")}
          </Link>
        }
      />
      {page.rows.length === 0 ? (
        <EmptyState title={params.q ? t("adminCommon.noResults") : t("designer.home.empty")} />
      ) : (
        <Table>
          <THead>
            <Tr>
              <Th>
                <SortHeader params={params} column="name">
                  {t("designer.home.name")}
                </SortHeader>
              </Th>
              <Th>{t("designer.home.production")}</Th>
              <Th>
                <SortHeader params={params} column="updatedAt">
                  {t("designer.home.updatedAt")}
                </SortHeader>
              </Th>
              <Th>{t("common.actions")}</Th>
            </Tr>
          </THead>
          <TBody>
            {page.rows.map((s) => (
              <Tr key={s.id}>
                <Td className="font-medium">
                  {s.name} {s.archivedAt ? <Badge>{t("adminCommon.archived")}</Badge> : null}
                </Td>
                <Td>
                  {s.production ? (
                    <Badge variant="green">{t("designer.home.productionN", { n: s.production })}</Badge>
                  ) : (
                    <span className="text-fg-muted">{t("designer.home.noProduction")}</span>
                  )}
                </Td>
                <Td>{format.dateTime(s.updatedAt)}</Td>
                <Td>
                  <div className="flex flex-wrap items-center gap-1">
                    <Link
                      href={`/designer/scripts/${s.id}`}
                      className={buttonClassName({ size: "sm", variant: "secondary" })}
                      aria-label={`${t("designer.home.edit")} ${s.name}`}
                    >
                      {t("designer.home.edit")}
                    </Link>
                    <RenameButton id={s.id} name={s.name} />
                    <DuplicateButton id={s.id} />
                    <ArchiveButton id={s.id} name={s.name} archived={Boolean(s.archivedAt)} action={archiveScriptAction} />
                  </div>
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
