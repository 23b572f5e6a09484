import { notFound } from "next/navigation";
import { requirePage } from "@/lib/auth/session";
import { getTranslator } from "@/lib/i18n/server";
import { skillTree } from "@/lib/hr/queries";
import { getAgentAccount, supervisionGroupOptions } from "@/lib/hr/agent-queries";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";
import { RegeneratePasswordButton } from "@/components/hr/regenerate-password-button";
import { AgentForm } from "../agent-form";
import { regenerateAgentPasswordAction } from "../actions";

export default async function EditAgentPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePage("admin.access");
  const { t } = await getTranslator();
  const id = Number((await params).id);
  const agent = Number.isInteger(id) && id > 0 ? await getAgentAccount(id) : null;
  if (!agent || agent.role !== "agent") notFound();
  const [tree, groups] = await Promise.all([skillTree(), supervisionGroupOptions()]);
  return (
    <div className="space-y-4">
      <PageHeader
        title={
          <>
            {t("hr.agents.editTitle", { code: agent.login, name: agent.name })}{" "}
            {agent.archivedAt ? <Badge>{t("adminCommon.archived")}</Badge> : null}
          </>
        }
        actions={
          agent.archivedAt ? null : <RegeneratePasswordButton id={agent.id} login={agent.login} action={regenerateAgentPasswordAction} />
        }
      />
      <AgentForm
        agent={{ id: agent.id, code: agent.login, name: agent.name, version: agent.updatedAt.toISOString(), profile: agent.profile }}
        skillTree={tree}
        groups={groups}
      />
    </div>
  );
}
