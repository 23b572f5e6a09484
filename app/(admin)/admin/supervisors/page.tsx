import Link from "next/link";
import { requirePage } from "@/lib/auth/session";
import { parseListParams } from "@/lib/admin/list";
import { listSupervisors, supervisorSortable } from "@/lib/hr/supervision-queries";
import { getTranslator } from "@/lib/i18n/server";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";
import { buttonClassName } from "@/components/ui/button-styles";
import { EmptyState, Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { ListToolbar, Pager, SortHeader } from "@/components/admin/list-toolbar";
import { ArchiveButton } from "@/components/admin/archive-button";
import { archiveAgentAction } from "../agents/actions";
import { archiveSupervisorAction } from "./actions";

export default async function SupervisorsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePage("admin.access");
  const { t } = await getTranslator();
  const params = parseListParams(await searchParams, supervisorSortable);
  const page = await listSupervisors(params);
  return (
    <div className="space-y-4">
      <PageHeader title={t("hr.supervisors.title")} description={t("hr.supervisors.description_")} />
      <ListToolbar
        params={params}
        actions={
          <Link href="/admin/supervisors/new" className={buttonClassName()}>
            {t("hr.supervisors.new")}
          </Link>
        }
      />
      {page.rows.length === 0 ? (
        <EmptyState title={params.q ? t("adminCommon.noResults") : t("hr.supervisors.empty")} />
      ) : (
        <Table>
          <THead>
            <Tr>
              <Th>
                <SortHeader params={params} column="login">
                  {t("hr.supervisors.login")}
                </SortHeader>
              </Th>
              <Th>
                <SortHeader params={params} column="name">
                  {t("hr.supervisors.name")}
                </SortHeader>
              </Th>
              <Th>{t("hr.supervisors.kind")}</Th>
              <Th>{t("hr.agents.rights")}</Th>
              <Th>{t("hr.supervisors.groups")}</Th>
              <Th>{t("common.actions")}</Th>
            </Tr>
          </THead>
          <TBody>
            {page.rows.map((s) => {
              const isAgent = s.role === "agent";
              return (
                <Tr key={s.id}>
                  <Td className="font-medium">
                    {/* An agent given the supervision right is edited on its agent page. */}
                    <Link href={isAgent ? `/admin/agents/${s.id}` : `/admin/supervisors/${s.id}`} className="hover:underline">
                      {s.login}
                    </Link>{" "}
                    {s.archivedAt ? <Badge>{t("adminCommon.archived")}</Badge> : null}
                  </Td>
                  <Td>{s.name}</Td>
                  <Td>{isAgent ? t("hr.supervisors.kindAgent") : t("hr.supervisors.kindSupervisor")}</Td>
                  <Td className="space-x-1">
                    {s.rights.map((r) => (
                      <Badge key={r} variant="accent">
                        {t(`hr.rightNames.${r}`)}
                      </Badge>
                    ))}
                  </Td>
                  <Td>{s.groups.length ? s.groups.join(", ") : <span className="text-fg-muted">{t("hr.supervisors.noGroups")}</span>}</Td>
                  <Td>
                    <ArchiveButton id={s.id} name={`${s.login} — ${s.name}`} archived={Boolean(s.archivedAt)} action={isAgent ? archiveAgentAction : archiveSupervisorAction} />
                  </Td>
                </Tr>
              );
            })}
          </TBody>
        </Table>
      )}
      <Pager params={params} total={page.total} pageCount={page.pageCount} />
    </div>
  );
}
