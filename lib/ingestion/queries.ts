import { asc, eq } from "drizzle-orm";
import { now as clockNow } from "@/lib/clock";
import { getDb } from "@/db/client";
import { campaigns, campaignSources, type SourceErrorKind, type SourceKind } from "@/db/schema";
import { isBilled, readCostCents, usageMonth } from "./cost";

export interface SourceView {
  kind: SourceKind;
  lastPolledAt: Date | null;
  lastSuccessAt: Date | null;
  lastError: string | null;
  lastErrorKind: SourceErrorKind | null;
  nextPollAt: Date | null;
  /** A burst is being drained (the rest is read at the next polls). */
  draining: boolean;
  /** This month (UTC); zero when the counters belong to an earlier month. */
  postsRead: number;
  usersRead: number;
  dmEventsRead: number;
  costCents: number;
  billed: boolean;
  messagesStored: number;
}

/** The campaign's sources as its page shows them: health, reads this month and their estimated cost. */
export async function listCampaignSources(
  campaignId: number,
  now = clockNow(),
): Promise<{ sources: SourceView[]; budgetCents: number | null; spentCents: number }> {
  const db = await getDb();
  const [campaign] = await db.select({ budget: campaigns.monthlyReadBudgetCents }).from(campaigns).where(eq(campaigns.id, campaignId));
  const rows = await db.select().from(campaignSources).where(eq(campaignSources.campaignId, campaignId)).orderBy(asc(campaignSources.id));
  const month = usageMonth(now);
  const sources = rows.map((r): SourceView => {
    const current = r.usageMonth === month;
    const reads = { posts: current ? r.postsRead : 0, users: current ? r.usersRead : 0, dmEvents: current ? r.dmEventsRead : 0 };
    return {
      kind: r.kind,
      lastPolledAt: r.lastPolledAt,
      lastSuccessAt: r.lastSuccessAt,
      lastError: r.lastError,
      lastErrorKind: r.lastErrorKind,
      nextPollAt: r.nextPollAt,
      draining: r.pageToken !== null,
      postsRead: reads.posts,
      usersRead: reads.users,
      dmEventsRead: reads.dmEvents,
      costCents: readCostCents(r.kind, reads),
      billed: isBilled(r.kind),
      messagesStored: r.messagesStored,
    };
  });
  return { sources, budgetCents: campaign?.budget ?? null, spentCents: sources.reduce((n, s) => n + s.costCents, 0) };
}
