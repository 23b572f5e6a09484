import Link from "next/link";
import { requirePage } from "@/lib/auth/session";
import { parseListParams } from "@/lib/admin/list";
import { agentSortable, listAgents } from "@/lib/hr/agent-queries";
import { getTranslator } from "@/lib/i18n/server";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";
import { buttonClassName } from "@/components/ui/button-styles";
import { EmptyState, Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { ListToolbar, Pager, SortHeader } from "@/components/admin/list-toolbar";
import { ArchiveButton } from "@/components/admin/archive-button";
import { archiveAgentAction } from "./actions";

export default async function AgentsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePage("admin.access");
  const { t } = await getTranslator();
  const params = parseListParams(await searchParams, agentSortable);
  const page = await listAgents(params);
  return (
    <div className="space-y-4">
      <PageHeader title={t("hr.agents.title")} description={t("hr.agents.description_")} />
      <ListToolbar
        params={params}
        actions={
          <>
            <Link href="/admin/agents/wizard" className={buttonClassName({ variant: "secondary" })}>
              {t("hr.agents.wizard")}
            </Link>
            <Link href="/admin/agents/new" className={buttonClassName()}>
              {t("hr.agents.new")}
            </Link>
          </>
        }
      />
      {page.rows.length === 0 ? (
        <EmptyState title={params.q ? t("adminCommon.noResults") : t("hr.agents.empty")} />
      ) : (
        <Table>
          <THead>
            <Tr>
              <Th>
                <SortHeader params={params} column="login">
                  {t("hr.agents.code")}
                </SortHeader>
              </Th>
              <Th>
                <SortHeader params={params} column="name">
                  {t("hr.agents.name")}
                </SortHeader>
              </Th>
              <Th>{t("hr.agents.rights")}</Th>
              <Th>{t("hr.agents.skills")}</Th>
              <Th>{t("hr.agents.groups")}</Th>
              <Th>{t("common.actions")}</Th>
            </Tr>
          </THead>
          <TBody>
            {page.rows.map((a) => (
              <Tr key={a.id}>
                <Td className="font-medium">
                  <Link href={`/admin/agents/${a.id}`} className="hover:underline">
                    {a.login}
                  </Link>{" "}
                  {a.archivedAt ? <Badge>{t("adminCommon.archived")}</Badge> : null}
                </Td>
                <Td>{a.name}</Td>
                <Td className="space-x-1">
                  {a.rights.map((r) => (
                    <Badge key={r} variant="accent">
                      {t(`hr.rightNames.${r}`)}
                    </Badge>
                  ))}
                </Td>
                <Td>{a.skills}</Td>
                <Td>{a.groups.join(", ")}</Td>
                <Td>
                  <ArchiveButton id={a.id} name={`${a.login} — ${a.name}`} archived={Boolean(a.archivedAt)} action={archiveAgentAction} />
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
