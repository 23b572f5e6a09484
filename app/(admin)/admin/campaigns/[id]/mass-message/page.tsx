import { notFound } from "next/navigation";
import { requirePage } from "@/lib/auth/session";
import { adminMassMessageBase } from "@/lib/mass-message/paths";
import { MassMessageComposerView } from "@/components/mass-message/composer-view";

/** «Envoyer un message» from the administrators' campaign page (mass-message right only). */
export default async function MassMessagePage({ params }: { params: Promise<{ id: string }> }) {
  await requirePage("massMessage.send");
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0) notFound();
  return <MassMessageComposerView campaignId={id} basePath={adminMassMessageBase(id)} backHref={`/admin/campaigns/${id}?tab=message`} />;
}
