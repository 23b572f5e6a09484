import { requirePage } from "@/lib/auth/session";
import { getTranslator } from "@/lib/i18n/server";
import { PageHeader } from "@/components/ui/page-header";
import { NewScriptForm } from "./new-script-form";

export default async function NewScriptPage() {
  await requirePage("designer.access");
  const { t } = await getTranslator();
  return (
    <div className="space-y-4">
      <PageHeader title={t("designer.new.title")} />
      <NewScriptForm />
    </div>
  );
}
