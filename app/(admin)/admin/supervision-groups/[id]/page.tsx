import { notFound } from "next/navigation";
import { requirePage } from "@/lib/auth/session";
import { getTranslator } from "@/lib/i18n/server";
import { getSupervisionGroup, memberCandidates } from "@/lib/hr/supervision-queries";
import { PageHeader } from "@/components/ui/page-header";
import { SupervisionGroupForm } from "../group-form";

export default async function EditSupervisionGroupPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePage("admin.access");
  const { t } = await getTranslator();
  const id = Number((await params).id);
  const group = Number.isInteger(id) && id > 0 ? await getSupervisionGroup(id) : null;
  if (!group) notFound();
  const candidates = await memberCandidates();
  // Archived accounts keep their membership but are not offered: only active ones are edited.
  const active = (ids: number[], people: { id: number }[]) => ids.filter((i) => people.some((p) => p.id === i));
  return (
    <div className="space-y-4">
      <PageHeader title={t("hr.groups.editTitle", { name: group.name })} />
      <SupervisionGroupForm
        candidates={candidates}
        group={{
          id: group.id,
          version: group.updatedAt.toISOString(),
          name: group.name,
          description: group.description,
          supervisorIds: active(group.supervisorIds, candidates.supervisors),
          agentIds: active(group.agentIds, candidates.agents),
        }}
      />
    </div>
  );
}
