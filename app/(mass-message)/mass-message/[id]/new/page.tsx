import { notFound } from "next/navigation";
import { requirePage } from "@/lib/auth/session";
import { massMessageCampaign } from "@/lib/mass-message/queries";
import { sectionMassMessageBase } from "@/lib/mass-message/paths";
import { MassMessageComposerView } from "@/components/mass-message/composer-view";

/** The composer, for a holder of the mass-message right (the same one as the admins' tab). */
export default async function NewMassMessagePage({ params }: { params: Promise<{ id: string }> }) {
  await requirePage("massMessage.send");
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0 || !(await massMessageCampaign(id))) notFound();
  const base = sectionMassMessageBase(id);
  return <MassMessageComposerView campaignId={id} basePath={base} backHref={base} />;
}
