import { notFound } from "next/navigation";
import { requirePage } from "@/lib/auth/session";
import { sectionMassMessageBase } from "@/lib/mass-message/paths";
import { MassMessageProgressView } from "@/components/mass-message/progress-view";

/** A mass message's progress and report, for a holder of the mass-message right. */
export default async function SectionProgressPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string; mmId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePage("massMessage.send");
  const p = await params;
  const campaignId = Number(p.id);
  const id = Number(p.mmId);
  if (!Number.isInteger(id) || !Number.isInteger(campaignId)) notFound();
  const base = sectionMassMessageBase(campaignId);
  return (
    <MassMessageProgressView
      user={user}
      campaignId={campaignId}
      id={id}
      searchParams={await searchParams}
      basePath={`${base}/${id}`}
      backHref={base}
    />
  );
}
