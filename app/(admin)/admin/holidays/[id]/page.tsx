import { notFound } from "next/navigation";
import { requirePage } from "@/lib/auth/session";
import { getHolidayGroup } from "@/lib/calendars/holiday-queries";
import { getTranslator } from "@/lib/i18n/server";
import { PageHeader } from "@/components/ui/page-header";
import { HolidayGroupForm } from "../holiday-form";

export default async function EditHolidayGroupPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePage("admin.access");
  const { t } = await getTranslator();
  const id = Number((await params).id);
  const group = Number.isSafeInteger(id) && id > 0 ? await getHolidayGroup(id) : null;
  if (!group) notFound();
  return (
    <div className="space-y-4">
      <PageHeader title={t("schedules.holidays.editTitle", { name: group.name })} />
      <HolidayGroupForm
        group={{
          id: group.id,
          name: group.name,
          version: group.updatedAt.toISOString(),
          holidays: group.holidays.map(({ label, date, recurring, part, soundId, soundName, soundSize }) => ({
            label,
            date,
            recurring,
            part,
            soundId,
            soundName,
            soundSize,
          })),
        }}
      />
    </div>
  );
}
