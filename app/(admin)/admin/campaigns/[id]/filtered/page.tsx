import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePage } from "@/lib/auth/session";
import { parseListParams } from "@/lib/admin/list";
import { getCampaignForEdit } from "@/lib/campaigns/queries";
import { campaignTimeZone } from "@/lib/campaigns/time-zone";
import { filteredSortable, listFilteredConversations } from "@/lib/ingestion/filtered";
import { getFormat, getTranslator } from "@/lib/i18n/server";
import { ListPage } from "@/components/admin/list-page";
import { LiveRefresh } from "@/components/live/live-refresh";
import { ReleaseButton } from "./release-button";

/** «Filtrés»: the campaign's blacklisted messages, newest first, each releasable by an administrator. */
export default async function FilteredPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requirePage("admin.access");
  const { t } = await getTranslator();
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0) notFound();
  const campaign = await getCampaignForEdit(id);
  if (!campaign) notFound();
  const raw = await searchParams;
  const list = parseListParams({ sort: "createdAt", dir: "desc", ...raw }, filteredSortable);
  const [page, timeZone] = await Promise.all([listFilteredConversations(id, list), campaignTimeZone(id)]);
  const format = await getFormat(timeZone);
  return (
    <>
      <LiveRefresh />
      <ListPage
        title={t("filtered.title", { name: campaign.name })}
        description={t("filtered.description")}
        intro={
          <p className="text-sm">
            <Link href={`/admin/campaigns/${id}`} className="font-medium text-accent-soft-fg hover:underline">
              ← {t("filtered.back")}
            </Link>
          </p>
        }
        params={list}
        page={page}
        empty={t("filtered.empty")}
        archivedToggle={false}
        columns={[
          {
            key: "author",
            header: t("filtered.author"),
            sort: "author",
            className: "whitespace-nowrap align-top",
            cell: (r) => (
              <span className="flex flex-col">
                <span className="font-medium">{r.authorName}</span>
                <span className="text-fg-muted">@{r.authorHandle}</span>
              </span>
            ),
          },
          // Network content: a text node, never HTML.
          { key: "text", header: t("filtered.text"), className: "max-w-xl align-top break-words whitespace-pre-wrap", cell: (r) => r.text },
          { key: "term", header: t("filtered.term"), sort: "term", className: "align-top font-medium", cell: (r) => r.term },
          { key: "list", header: t("filtered.list"), className: "align-top", cell: (r) => r.blacklistName ?? t("filtered.unknownList") },
          {
            key: "createdAt",
            header: t("filtered.receivedAt"),
            sort: "createdAt",
            className: "whitespace-nowrap align-top",
            cell: (r) => format.dateTime(r.createdAt),
          },
        ]}
        rowActions={(r) => <ReleaseButton campaignId={id} conversationId={r.id} handle={r.authorHandle} />}
      />
    </>
  );
}
