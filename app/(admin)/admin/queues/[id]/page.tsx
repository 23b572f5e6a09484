import { notFound } from "next/navigation";
import { requirePage } from "@/lib/auth/session";
import { getQueue } from "@/lib/queues/queries";
import { getTranslator } from "@/lib/i18n/server";
import { PageHeader } from "@/components/ui/page-header";
import { QueueForm } from "../queue-form";

export default async function EditQueuePage({ params }: { params: Promise<{ id: string }> }) {
  await requirePage("admin.access");
  const { t } = await getTranslator();
  const queue = await getQueue(Number((await params).id));
  if (!queue) notFound();
  return (
    <div className="space-y-4">
      <PageHeader title={t("queues.editTitle", { code: queue.code })} />
      <QueueForm queue={{ id: queue.id, code: queue.code, description: queue.description, version: queue.updatedAt.toISOString() }} />
    </div>
  );
}
