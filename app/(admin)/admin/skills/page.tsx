import { requirePage } from "@/lib/auth/session";
import { parseListParams } from "@/lib/admin/list";
import { listSkillGroups, skillGroupSortable } from "@/lib/hr/queries";
import { getTranslator } from "@/lib/i18n/server";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ListPage, ListView } from "@/components/admin/list-page";
import { ArchiveButton } from "@/components/admin/archive-button";
import { archiveSkillAction, archiveSkillGroupAction } from "./actions";
import { SkillDialog } from "./skill-dialogs";

type SkillGroup = Awaited<ReturnType<typeof listSkillGroups>>["rows"][number];

export default async function SkillsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePage("admin.access");
  const { t } = await getTranslator();
  const params = parseListParams(await searchParams, skillGroupSortable);
  const page = await listSkillGroups(params);
  return (
    <ListPage
      title={t("hr.skills.title")}
      description={t("hr.skills.description_")}
      params={params}
      page={page}
      empty={t("hr.skills.empty")}
      actions={<SkillDialog kind="group" title={t("hr.skills.newGroup")} trigger={<Button>{t("hr.skills.newGroup")}</Button>} />}
      cardSorts={[{ sort: "name", header: t("hr.skills.groupName") }]}
      card={(g) => <SkillGroupCard group={g} />}
    />
  );
}

/** A skill group with its skills, each editable and archivable in place. */
async function SkillGroupCard({ group: g }: { group: SkillGroup }) {
  const { t } = await getTranslator();
  return (
    <Card aria-labelledby={`skill-group-${g.id}`}>
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
              <SkillDialog
                kind="skill"
                groupId={g.id}
                title={t("hr.skills.newSkill", { group: g.name })}
                trigger={<Button size="sm">{t("hr.skills.addSkill")}</Button>}
              />
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
          <ListView
            page={{ rows: g.skills }}
            empty={t("hr.skills.noSkills")}
            archived={(s) => Boolean(s.archivedAt)}
            columns={[
              { key: "name", header: t("hr.skills.skill"), className: "font-medium", cell: (s) => s.name },
              { key: "description", header: t("hr.skills.description"), cell: (s) => s.description },
              { key: "agents", header: t("hr.skills.agents"), cell: (s) => s.agents },
            ]}
            rowActions={(s) => (
              <div className="flex gap-1">
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
              </div>
            )}
          />
        )}
      </CardContent>
    </Card>
  );
}
