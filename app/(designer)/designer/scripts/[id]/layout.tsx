import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import { requirePage } from "@/lib/auth/session";
import { getScript } from "@/lib/scripts/queries";
import { getTranslator } from "@/lib/i18n/server";
import { PageHeader } from "@/components/ui/page-header";
import { ScriptNav } from "./script-nav";

export default async function ScriptLayout({ children, params }: { children: ReactNode; params: Promise<{ id: string }> }) {
  await requirePage("designer.access");
  const { t } = await getTranslator();
  const id = Number((await params).id);
  const script = Number.isInteger(id) && id > 0 ? await getScript(id) : null;
  if (!script) notFound();
  return (
    <div className="space-y-4">
      <PageHeader
        title={t("designer.script.title", { name: script.name })}
        description={script.archivedAt ? t("designer.script.archived") : undefined}
      />
      <ScriptNav id={script.id} />
      {children}
    </div>
  );
}
