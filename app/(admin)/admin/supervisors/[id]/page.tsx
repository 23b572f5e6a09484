import { notFound } from "next/navigation";
import { requirePage } from "@/lib/auth/session";
import { getTranslator } from "@/lib/i18n/server";
import { supervisionGroupOptions } from "@/lib/hr/agent-queries";
import { getSupervisor } from "@/lib/hr/supervision-queries";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";
import { RegeneratePasswordButton } from "@/components/hr/regenerate-password-button";
import { SupervisorForm } from "../supervisor-form";
import { regenerateSupervisorPasswordAction } from "../actions";

export default async function EditSupervisorPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePage("admin.access");
  const { t } = await getTranslator();
  const id = Number((await params).id);
  const supervisor = Number.isInteger(id) && id > 0 ? await getSupervisor(id) : null;
  if (!supervisor) notFound();
  const groups = await supervisionGroupOptions();
  return (
    <div className="space-y-4">
      <PageHeader
        title={
          <>
            {t("hr.supervisors.editTitle", { login: supervisor.login })}{" "}
            {supervisor.archivedAt ? <Badge>{t("adminCommon.archived")}</Badge> : null}
          </>
        }
        actions={
          supervisor.archivedAt ? null : (
            <RegeneratePasswordButton id={supervisor.id} login={supervisor.login} action={regenerateSupervisorPasswordAction} />
          )
        }
      />
      <SupervisorForm
        groups={groups}
        supervisor={{
          id: supervisor.id,
          version: supervisor.updatedAt.toISOString(),
          login: supervisor.login,
          name: supervisor.name,
          reporting: supervisor.rights.includes("reporting"),
          supervisionRights: supervisor.supervisionRights,
          miscRights: supervisor.miscRights,
          groupIds: supervisor.groupIds,
        }}
      />
    </div>
  );
}
