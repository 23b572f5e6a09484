import Link from "next/link";
import { requirePage } from "@/lib/auth/session";
import { parseListParams } from "@/lib/admin/list";
import { agentSortable, listAgents } from "@/lib/hr/agent-queries";
import { getTranslator } from "@/lib/i18n/server";
import { Badge } from "@/components/ui/badge";
import { buttonClassName } from "@/components/ui/button-styles";
import { ListPage, RowLink } from "@/components/admin/list-page";
import { archiveAgentAction } from "./actions";

export default async function AgentsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePage("admin.access");
  const { t } = await getTranslator();
  const params = parseListParams(await searchParams, agentSortable);
  const page = await listAgents(params);
  return (
    <ListPage
      title={t("hr.agents.title")}
      description={t("hr.agents.description_")}
      params={params}
      page={page}
      empty={t("hr.agents.empty")}
      create={{ href: "/admin/agents/new", label: t("hr.agents.new") }}
      actions={
        <Link href="/admin/agents/wizard" className={buttonClassName({ variant: "secondary" })}>
          {t("hr.agents.wizard")}
        </Link>
      }
      columns={[
        {
          key: "login",
          header: t("hr.agents.code"),
          sort: "login",
          className: "font-medium",
          cell: (a) => <RowLink href={`/admin/agents/${a.id}`}>{a.login}</RowLink>,
        },
        { key: "name", header: t("hr.agents.name"), sort: "name", cell: (a) => a.name },
        {
          key: "rights",
          header: t("hr.agents.rights"),
          className: "space-x-1",
          cell: (a) =>
            a.rights.map((r) => (
              <Badge key={r} variant="accent">
                {t(`hr.rightNames.${r}`)}
              </Badge>
            )),
        },
        { key: "skills", header: t("hr.agents.skills"), cell: (a) => a.skills },
        { key: "groups", header: t("hr.agents.groups"), cell: (a) => a.groups.join(", ") },
      ]}
      archive={{ action: archiveAgentAction, name: (a) => `${a.login} — ${a.name}` }}
    />
  );
}
