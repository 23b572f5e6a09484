import { notFound } from "next/navigation";
import { requirePage } from "@/lib/auth/session";
import { adminMassMessageBase } from "@/lib/mass-message/paths";
import { MassMessageProgressView } from "@/components/mass-message/progress-view";

/** A mass message's progress, from the administrators' campaign tab. */
export default async function MassMessageProgressPage({
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
  return (
    <MassMessageProgressView
      user={user}
      campaignId={campaignId}
      id={id}
      searchParams={await searchParams}
      basePath={`${adminMassMessageBase(campaignId)}/${id}`}
      backHref={`/admin/campaigns/${campaignId}?tab=message`}
    />
  );
}
