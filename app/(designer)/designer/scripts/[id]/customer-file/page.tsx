import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePage } from "@/lib/auth/session";
import { getCustomerFile, getScript } from "@/lib/scripts/queries";
import { databaseOptions } from "@/lib/databases/queries";
import { dataKinds } from "@/lib/scripts/model";
import { getTranslator } from "@/lib/i18n/server";
import { EmptyState } from "@/components/ui/table";
import { buttonClassName } from "@/components/ui/button-styles";
import { CustomerFileForm } from "./customer-file-form";

export default async function CustomerFilePage({ params }: { params: Promise<{ id: string }> }) {
  await requirePage("designer.access");
  const { t } = await getTranslator();
  const script = await getScript(Number((await params).id));
  if (!script) notFound();
  const [databases, current] = await Promise.all([databaseOptions(), getCustomerFile(script.id)]);
  const objects = script.model.pages.flatMap((p) =>
    p.objects.filter((o) => dataKinds.includes(o.kind)).map((o) => ({ id: o.id, name: o.name, kind: o.kind, page: p.name })),
  );
  return (
    <div className="space-y-4">
      <div>
        <h2 className="text-lg font-semibold">{t("designer.customerFile.title")}</h2>
        <p className="text-sm text-fg-muted">{t("designer.customerFile.description")}</p>
      </div>
      {databases.length === 0 ? (
        <EmptyState
          title={t("designer.customerFile.noDatabase")}
          action={
            <Link href="/admin/databases" className={buttonClassName({ variant: "secondary" })}>
              {t("designer.customerFile.createDatabase")}
            </Link>
          }
        />
      ) : (
        <CustomerFileForm
          scriptId={script.id}
          objects={objects}
          databases={databases.map((d) => ({ id: d.id, name: d.name, isDefault: d.isDefault }))}
          current={
            current
              ? { databaseId: current.databaseId, tableName: current.tableName, mapping: current.mapping, columns: current.columns }
              : null
          }
        />
      )}
    </div>
  );
}
