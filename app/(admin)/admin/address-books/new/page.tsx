import { requirePage } from "@/lib/auth/session";
import { databaseOptions } from "@/lib/databases/queries";
import { ensureDefaultDatabase } from "@/lib/databases/default";
import { getTranslator } from "@/lib/i18n/server";
import { PageHeader } from "@/components/ui/page-header";
import { AddressBookForm } from "../address-book-form";

export default async function NewAddressBookPage() {
  await requirePage("admin.access");
  const { t } = await getTranslator();
  const defaultDatabaseId = await ensureDefaultDatabase();
  const databases = await databaseOptions();
  return (
    <div className="space-y-4">
      <PageHeader title={t("agenda.addressBooks.new")} />
      <AddressBookForm databases={databases.map((d) => ({ id: d.id, name: d.name }))} defaultDatabaseId={defaultDatabaseId} />
    </div>
  );
}
