import { requirePage } from "@/lib/auth/session";
import { getTranslator } from "@/lib/i18n/server";
import { skillTree } from "@/lib/hr/queries";
import { supervisionGroupOptions } from "@/lib/hr/agent-queries";
import { PageHeader } from "@/components/ui/page-header";
import { AgentForm } from "../agent-form";

export default async function NewAgentPage() {
  await requirePage("admin.access");
  const { t } = await getTranslator();
  const [tree, groups] = await Promise.all([skillTree(), supervisionGroupOptions()]);
  return (
    <div className="space-y-4">
      <PageHeader title={t("hr.agents.new")} />
      <AgentForm skillTree={tree} groups={groups} />
    </div>
  );
}
