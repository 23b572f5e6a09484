import { requirePage } from "@/lib/auth/session";
import { parseListParams } from "@/lib/admin/list";
import { listSupervisors, supervisorSortable } from "@/lib/hr/supervision-queries";
import { getTranslator } from "@/lib/i18n/server";
import { Badge } from "@/components/ui/badge";
import { ListPage, RowLink } from "@/components/admin/list-page";
import { ArchiveButton } from "@/components/admin/archive-button";
import { archiveAgentAction } from "../agents/actions";
import { archiveSupervisorAction } from "./actions";

export default async function SupervisorsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePage("admin.access");
  const { t } = await getTranslator();
  const params = parseListParams(await searchParams, supervisorSortable);
  const page = await listSupervisors(params);
  // An agent given the supervision right is edited (and archived) as an agent.
  const isAgent = (s: (typeof page.rows)[number]) => s.role === "agent";
  return (
    <ListPage
      title={t("hr.supervisors.title")}
      description={t("hr.supervisors.description_")}
      params={params}
      page={page}
      empty={t("hr.supervisors.empty")}
      create={{ href: "/admin/supervisors/new", label: t("hr.supervisors.new") }}
      archived={(s) => Boolean(s.archivedAt)}
      columns={[
        {
          key: "login",
          header: t("hr.supervisors.login"),
          sort: "login",
          className: "font-medium",
          cell: (s) => <RowLink href={isAgent(s) ? `/admin/agents/${s.id}` : `/admin/supervisors/${s.id}`}>{s.login}</RowLink>,
        },
        { key: "name", header: t("hr.supervisors.name"), sort: "name", cell: (s) => s.name },
        {
          key: "kind",
          header: t("hr.supervisors.kind"),
          cell: (s) => (isAgent(s) ? t("hr.supervisors.kindAgent") : t("hr.supervisors.kindSupervisor")),
        },
        {
          key: "rights",
          header: t("hr.agents.rights"),
          className: "space-x-1",
          cell: (s) =>
            s.rights.map((r) => (
              <Badge key={r} variant="accent">
                {t(`hr.rightNames.${r}`)}
              </Badge>
            )),
        },
        {
          key: "groups",
          header: t("hr.supervisors.groups"),
          cell: (s) => (s.groups.length ? s.groups.join(", ") : <span className="text-fg-muted">{t("hr.supervisors.noGroups")}</span>),
        },
      ]}
      rowActions={(s) => (
        <ArchiveButton
          id={s.id}
          name={`${s.login} — ${s.name}`}
          archived={Boolean(s.archivedAt)}
          action={isAgent(s) ? archiveAgentAction : archiveSupervisorAction}
        />
      )}
    />
  );
}
