import { notFound } from "next/navigation";
import { requirePage } from "@/lib/auth/session";
import { getTranslator } from "@/lib/i18n/server";
import { skillTree } from "@/lib/hr/queries";
import { getAgentAccount, supervisionGroupOptions } from "@/lib/hr/agent-queries";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";
import { RegeneratePasswordButton } from "@/components/hr/regenerate-password-button";
import { AgentForm } from "../agent-form";
import { UnlockSignInButton } from "@/components/hr/unlock-sign-in-button";
import { getDb } from "@/db/client";
import { lockedAddresses } from "@/lib/auth/login";
import { regenerateAgentPasswordAction, unlockAgentSignInAction } from "../actions";

export default async function EditAgentPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePage("admin.access");
  const { t } = await getTranslator();
  const id = Number((await params).id);
  const agent = Number.isInteger(id) && id > 0 ? await getAgentAccount(id) : null;
  if (!agent || agent.role !== "agent") notFound();
  const [tree, groups, locked] = await Promise.all([
    skillTree(),
    supervisionGroupOptions(),
    getDb().then((db) => lockedAddresses(db, agent.login)),
  ]);
  return (
    <div className="space-y-4">
      <PageHeader
        title={
          <>
            {t("hr.agents.editTitle", { code: agent.login, name: agent.name })}{" "}
            {agent.archivedAt ? <Badge>{t("adminCommon.archived")}</Badge> : null}
            {locked > 0 ? (
              <Badge variant="orange" dot data-testid="sign-in-locked">
                {t("hr.signInLock.locked", { count: locked })}
              </Badge>
            ) : null}
          </>
        }
        actions={
          agent.archivedAt ? null : (
            <>
              {locked > 0 ? <UnlockSignInButton id={agent.id} action={unlockAgentSignInAction} /> : null}
              <RegeneratePasswordButton id={agent.id} login={agent.login} action={regenerateAgentPasswordAction} />
            </>
          )
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
