import Link from "next/link";
import { and, asc, isNotNull, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { campaigns } from "@/db/schema";
import { requirePage } from "@/lib/auth/session";
import { getTranslator } from "@/lib/i18n/server";
import { PageHeader } from "@/components/ui/page-header";
import { BookingPanel } from "@/components/agenda/booking-panel";

// Booking outside a conversation (a customer who called, a test of the schedule): the same panel
// the workspace's script agenda object mounts, for the campaigns that have a sales-rep schedule.
export default async function BookPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePage("agenda.book");
  const { t } = await getTranslator();
  const sp = await searchParams;
  const db = await getDb();
  const list = await db
    .select({ id: campaigns.id, name: campaigns.name })
    .from(campaigns)
    .where(and(isNull(campaigns.archivedAt), isNotNull(campaigns.salesRepScheduleId)))
    .orderBy(asc(campaigns.name));
  const campaignId = Number(sp.campaign) || list[0]?.id;
  const postalCode = typeof sp.cp === "string" ? sp.cp.slice(0, 20) : null;
  return (
    <div className="space-y-4">
      <PageHeader title={t("agenda.booking.title")} />
      {list.length === 0 ? (
        <p className="text-sm text-fg-muted">{t("agenda.booking.notConfigured")}</p>
      ) : (
        <>
          <nav className="flex flex-wrap gap-2 text-sm" aria-label={t("agenda.relation.schedule")}>
            {list.map((c) => (
              <Link
                key={c.id}
                href={`/agenda/book?campaign=${c.id}`}
                aria-current={c.id === campaignId ? "page" : undefined}
                className={c.id === campaignId ? "font-semibold text-accent" : "hover:underline"}
              >
                {c.name}
              </Link>
            ))}
          </nav>
          <div className="max-w-3xl rounded-card border border-border bg-surface p-4">
            <BookingPanel key={campaignId} conversationId={null} campaignId={campaignId} customerPostalCode={postalCode} />
          </div>
        </>
      )}
    </div>
  );
}
