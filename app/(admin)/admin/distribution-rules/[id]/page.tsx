import { notFound } from "next/navigation";
import { requirePage } from "@/lib/auth/session";
import { getDistributionGroup, skillChoices } from "@/lib/distribution/queries";
import type { RuleElement, RuleOperator } from "@/lib/distribution/elements";
import { getTranslator } from "@/lib/i18n/server";
import { PageHeader } from "@/components/ui/page-header";
import { DistributionGroupForm } from "../distribution-group-form";

export default async function EditDistributionGroupPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePage("admin.access");
  const { t } = await getTranslator();
  const id = Number((await params).id);
  const group = Number.isSafeInteger(id) && id > 0 ? await getDistributionGroup(id) : null;
  if (!group) notFound();
  const skills = await skillChoices();
  return (
    <div className="space-y-4">
      <PageHeader title={t("distribution.editTitle", { name: group.name })} />
      <DistributionGroupForm
        skills={skills}
        group={{
          id: group.id,
          version: group.updatedAt.toISOString(),
          name: group.name,
          description: group.description,
          rules: group.rules.map((r) => ({
            element: r.element as RuleElement,
            operator: r.operator as RuleOperator,
            value: r.value,
            skillGroupId: r.skillGroupId,
            skillId: r.skillId,
            minLevel: r.minLevel,
          })),
        }}
      />
    </div>
  );
}
