import { asc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { campaigns, pollCursors, queues } from "@/db/schema";

/** The campaign list of the administration (no credentials: they never leave the server). */
export async function listCampaigns() {
  const db = await getDb();
  return db
    .select({
      id: campaigns.id,
      type: campaigns.type,
      name: campaigns.name,
      state: campaigns.state,
      queueCode: queues.code,
      searchQuery: campaigns.searchQuery,
      pollIntervalSeconds: campaigns.pollIntervalSeconds,
      lastPolledAt: pollCursors.lastPolledAt,
      lastError: pollCursors.lastError,
      messagesRead: pollCursors.messagesRead,
      waiting: sql<number>`(select count(*)::int from conversations c where c.campaign_id = ${campaigns.id} and c.status = 'waiting')`,
      open: sql<number>`(select count(*)::int from conversations c where c.campaign_id = ${campaigns.id} and c.status = 'assigned')`,
    })
    .from(campaigns)
    .leftJoin(queues, eq(queues.id, campaigns.queueId))
    .leftJoin(pollCursors, eq(pollCursors.campaignId, campaigns.id))
    .where(sql`${campaigns.archivedAt} is null`)
    .orderBy(asc(campaigns.name));
}
