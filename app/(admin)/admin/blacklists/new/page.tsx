import { requirePage } from "@/lib/auth/session";
import { databaseOptions } from "@/lib/databases/queries";
import { ensureDefaultDatabase } from "@/lib/databases/default";
import { getTranslator } from "@/lib/i18n/server";
import { PageHeader } from "@/components/ui/page-header";
import { BlacklistForm } from "../blacklist-form";

export default async function NewBlacklistPage() {
  await requirePage("admin.access");
  const { t } = await getTranslator();
  // Created lazily if the install step has not made it yet, so the choice is never empty.
  const defaultDatabaseId = await ensureDefaultDatabase();
  const databases = await databaseOptions();
  return (
    <div className="space-y-4">
      <PageHeader title={t("blacklists.new")} />
      <BlacklistForm databases={databases.map((d) => ({ id: d.id, name: d.name }))} defaultDatabaseId={defaultDatabaseId} />
    </div>
  );
}
