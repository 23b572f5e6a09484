import { notFound } from "next/navigation";
import { requirePage } from "@/lib/auth/session";
import { getSalesRep, repName, salesRepScheduleOptions } from "@/lib/agenda/queries";
import { getTranslator } from "@/lib/i18n/server";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { SalesRepForm } from "../rep-form";

export default async function SalesRepPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePage("admin.access");
  const { t } = await getTranslator();
  const id = Number((await params).id);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  const [rep, schedules] = await Promise.all([getSalesRep(id), salesRepScheduleOptions()]);
  if (!rep) notFound();
  return (
    <div className="space-y-4">
      <PageHeader
        title={
          <>
            {t("agenda.reps.editTitle", { name: repName(rep) })} {rep.archivedAt ? <Badge>{t("adminCommon.archived")}</Badge> : null}
          </>
        }
      />
      <SalesRepForm
        rep={{ id, version: rep.updatedAt.toISOString(), hasLogin: !!rep.login }}
        schedules={schedules}
        initial={{
          civility: rep.civility,
          lastName: rep.lastName,
          firstName: rep.firstName,
          email: rep.email,
          phone: rep.phone,
          colour: rep.colour,
          active: rep.active,
          login: rep.login ?? "",
          password: "",
          scheduleId: rep.scheduleId,
          zones: rep.zones,
          quotaPerDay: rep.quotaPerDay,
          quotaPerWeek: rep.quotaPerWeek,
        }}
      />
    </div>
  );
}
