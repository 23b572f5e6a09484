import { requirePage } from "@/lib/auth/session";
import { parseListParams } from "@/lib/admin/list";
import { listSkillGroups, skillGroupSortable } from "@/lib/hr/queries";
import { getTranslator } from "@/lib/i18n/server";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState, Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { ListToolbar, Pager, SortHeader } from "@/components/admin/list-toolbar";
import { ArchiveButton } from "@/components/admin/archive-button";
import { archiveSkillAction, archiveSkillGroupAction } from "./actions";
import { SkillDialog } from "./skill-dialogs";

export default async function SkillsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePage("admin.access");
  const { t } = await getTranslator();
  const params = parseListParams(await searchParams, skillGroupSortable);
  const page = await listSkillGroups(params);
  return (
    <div className="space-y-4">
      <PageHeader title={t("hr.skills.title")} description={t("hr.skills.description_")} />
      <ListToolbar params={params} actions={<SkillDialog kind="group" title={t("hr.skills.newGroup")} trigger={<Button>{t("hr.skills.newGroup")}</Button>} />} />
      <p className="text-sm">
        <SortHeader params={params} column="name">
          {t("hr.skills.groupName")}
        </SortHeader>
      </p>
      {page.rows.length === 0 ? (
        <EmptyState title={params.q ? t("adminCommon.noResults") : t("hr.skills.empty")} />
      ) : (
        page.rows.map((g) => (
          <Card key={g.id} aria-labelledby={`skill-group-${g.id}`}>
            <CardHeader className="flex-row flex-wrap items-start justify-between gap-2">
              <div>
                <CardTitle id={`skill-group-${g.id}`}>
                  {g.name} {g.archivedAt ? <Badge>{t("adminCommon.archived")}</Badge> : null}
                </CardTitle>
                {g.description ? <CardDescription>{g.description}</CardDescription> : null}
              </div>
              <div className="flex flex-wrap gap-1">
                {g.archivedAt ? null : (
                  <>
                    <SkillDialog kind="skill" groupId={g.id} title={t("hr.skills.newSkill", { group: g.name })} trigger={<Button size="sm">{t("hr.skills.addSkill")}</Button>} />
                    <SkillDialog
                      kind="group"
                      item={{ id: g.id, name: g.name, description: g.description, version: g.updatedAt.toISOString() }}
                      title={t("hr.skills.editGroup", { name: g.name })}
                      trigger={
                        <Button size="sm" variant="secondary">
                          {t("adminCommon.edit")}
                        </Button>
                      }
                    />
                  </>
                )}
                <ArchiveButton id={g.id} name={g.name} archived={Boolean(g.archivedAt)} action={archiveSkillGroupAction} />
              </div>
            </CardHeader>
            <CardContent>
              {g.skills.length === 0 ? (
                <p className="text-sm text-fg-muted">{t("hr.skills.noSkills")}</p>
              ) : (
                <Table>
                  <THead>
                    <Tr>
                      <Th>{t("hr.skills.skill")}</Th>
                      <Th>{t("hr.skills.description")}</Th>
                      <Th>{t("hr.skills.agents")}</Th>
                      <Th>{t("common.actions")}</Th>
                    </Tr>
                  </THead>
                  <TBody>
                    {g.skills.map((s) => (
                      <Tr key={s.id}>
                        <Td className="font-medium">
                          {s.name} {s.archivedAt ? <Badge>{t("adminCommon.archived")}</Badge> : null}
                        </Td>
                        <Td>{s.description}</Td>
                        <Td>{s.agents}</Td>
                        <Td className="flex gap-1">
                          {s.archivedAt ? null : (
                            <SkillDialog
                              kind="skill"
                              item={{ id: s.id, name: s.name, description: s.description, version: s.updatedAt.toISOString() }}
                              title={t("hr.skills.editSkill", { name: s.name })}
                              trigger={
                                <Button size="sm" variant="ghost">
                                  {t("adminCommon.edit")}
                                </Button>
                              }
                            />
                          )}
                          <ArchiveButton id={s.id} name={s.name} archived={Boolean(s.archivedAt)} action={archiveSkillAction} />
                        </Td>
                      </Tr>
                    ))}
                  </TBody>
                </Table>
              )}
            </CardContent>
          </Card>
        ))
      )}
      <Pager params={params} total={page.total} pageCount={page.pageCount} />
    </div>
  );
}
