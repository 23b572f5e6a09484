import { requirePage } from "@/lib/auth/session";
import { getTranslator } from "@/lib/i18n/server";
import { PageHeader } from "@/components/ui/page-header";
import { QualificationGroupForm } from "../qualification-group-form";

export default async function NewQualificationGroupPage() {
  await requirePage("admin.access");
  const { t } = await getTranslator();
  return (
    <div className="space-y-4">
      <PageHeader title={t("qualifications.new")} />
      <QualificationGroupForm />
    </div>
  );
}
