import { notFound } from "next/navigation";
import { requirePage } from "@/lib/auth/session";
import { getCustomerFile, getScript } from "@/lib/scripts/queries";
import { getTranslator } from "@/lib/i18n/server";
import { SYSTEM_COLUMNS } from "@/lib/scripts/identifiers";
import { VariablesForm } from "./variables-form";

export default async function VariablesPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePage("designer.access");
  const { t } = await getTranslator();
  const script = await getScript(Number((await params).id));
  if (!script) notFound();
  const file = await getCustomerFile(script.id);
  const columns = file ? file.columns.map((c) => c.name).filter((c) => !(SYSTEM_COLUMNS as readonly string[]).includes(c)) : null;
  return (
    <div className="space-y-4">
      <div>
        <h2 className="text-lg font-semibold">{t("designer.variables.title")}</h2>
        <p className="text-sm text-fg-muted">{t("designer.variables.description")}</p>
        <p className="text-sm text-fg-muted">{t("designer.variables.system")}</p>
        <p className="text-sm text-fg-muted">{t("designer.variables.actionsOnly")}</p>
      </div>
      <VariablesForm id={script.id} model={script.model} draftVersion={script.draftVersion} columns={columns} />
    </div>
  );
}
