import { notFound } from "next/navigation";
import { requirePage } from "@/lib/auth/session";
import { getQualificationGroup } from "@/lib/qualifications/queries";
import { getTranslator } from "@/lib/i18n/server";
import { PageHeader } from "@/components/ui/page-header";
import { QualificationGroupForm } from "../qualification-group-form";

export default async function EditQualificationGroupPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePage("admin.access");
  const { t } = await getTranslator();
  const id = Number((await params).id);
  const group = Number.isSafeInteger(id) && id > 0 ? await getQualificationGroup(id) : null;
  if (!group) notFound();
  return (
    <div className="space-y-4">
      <PageHeader title={t("qualifications.editTitle", { name: group.name })} />
      <QualificationGroupForm
        group={{
          id: group.id,
          version: group.updatedAt.toISOString(),
          name: group.name,
          currency: group.currency,
          statuses: group.statuses.map((s) => ({
            ...s,
            subStatuses: s.subStatuses.map((sub) => ({ id: sub.id, code: sub.code, label: sub.label })),
          })),
        }}
      />
    </div>
  );
}
