import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import {
  campaignBlacklists,
  campaigns,
  campaignSkills,
  conversations,
  emailTemplates,
  pollCursors,
  predefinedResponses,
  queues,
} from "@/db/schema";
import type { ListParams } from "@/lib/admin/list";
import { pagedList } from "@/lib/admin/list-query";
import { credentialsView, readCredentialsForEdit } from "./credentials";

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
      // The campaign's own error (no credentials…), else the first failing source's.
      lastError: sql<
        string | null
      >`coalesce(${pollCursors.lastError}, (select s.last_error from campaign_sources s where s.campaign_id = ${campaigns.id} and s.last_error is not null order by s.id limit 1))`,
      messagesRead: sql<number>`(select coalesce(sum(s.messages_stored), 0)::int from campaign_sources s where s.campaign_id = ${campaigns.id})`,
      waiting: sql<number>`(select count(*)::int from conversations c where c.campaign_id = ${campaigns.id} and c.status = 'waiting')`,
      open: sql<number>`(select count(*)::int from conversations c where c.campaign_id = ${campaigns.id} and c.status = 'assigned')`,
    })
    .from(campaigns)
    .leftJoin(queues, eq(queues.id, campaigns.queueId))
    .leftJoin(pollCursors, eq(pollCursors.campaignId, campaigns.id))
    .where(sql`${campaigns.archivedAt} is null`)
    .orderBy(asc(campaigns.name));
}

export const campaignSortable = ["name", "type", "state", "queue", "waiting", "open"] as const;

/** The «Configuration des campagnes» list: search by name or queue, sort, pages. */
export async function listCampaignPage(params: ListParams) {
  const db = await getDb();
  // Counted once for every campaign (the status index reads only waiting and assigned rows), not
  // once per campaign: sorting 1,000 campaigns by waiting conversations needs all their counts.
  const counts = db
    .select({
      campaignId: conversations.campaignId,
      waiting: sql<number>`count(*) filter (where ${conversations.status} = 'waiting')::int`.as("waiting"),
      open: sql<number>`count(*) filter (where ${conversations.status} = 'assigned')::int`.as("open"),
    })
    .from(conversations)
    .where(inArray(conversations.status, ["waiting", "assigned"]))
    .groupBy(conversations.campaignId)
    .as("counts");
  const waiting = sql<number>`coalesce(${counts.waiting}, 0)`;
  const open = sql<number>`coalesce(${counts.open}, 0)`;
  return pagedList(db, params, {
    query: () =>
      db
        .select({
          id: campaigns.id,
          type: campaigns.type,
          name: campaigns.name,
          state: campaigns.state,
          queueCode: queues.code,
          waiting,
          open,
        })
        .from(campaigns)
        .leftJoin(queues, eq(queues.id, campaigns.queueId))
        .leftJoin(counts, eq(counts.campaignId, campaigns.id))
        .$dynamic(),
    where: isNull(campaigns.archivedAt),
    search: [campaigns.name, queues.code],
    sortable: { name: campaigns.name, type: campaigns.type, state: campaigns.state, queue: queues.code, waiting, open },
    tiebreak: campaigns.id,
    nullsLast: true,
  });
}

/**
 * A campaign as its tabs show it. Credentials are decrypted here, on the server, and leave it
 * only as masks and booleans.
 */
export async function getCampaignForEdit(id: number) {
  const db = await getDb();
  const [row] = await db
    .select()
    .from(campaigns)
    .where(and(eq(campaigns.id, id), isNull(campaigns.archivedAt)));
  if (!row) return null;
  const { credentials, ...plain } = row;
  const [blacklistRows, skillRows] = await Promise.all([
    db.select({ id: campaignBlacklists.blacklistId }).from(campaignBlacklists).where(eq(campaignBlacklists.campaignId, id)),
    db
      .select({ skillId: campaignSkills.skillId, minLevel: campaignSkills.minLevel })
      .from(campaignSkills)
      .where(eq(campaignSkills.campaignId, id)),
  ]);
  return {
    ...plain,
    credentials: credentialsView(row.type, readCredentialsForEdit(credentials)),
    blacklistIds: blacklistRows.map((b) => b.id),
    skills: skillRows,
  };
}
export type CampaignForEdit = NonNullable<Awaited<ReturnType<typeof getCampaignForEdit>>>;

export async function listPredefinedResponses(campaignId: number) {
  const db = await getDb();
  return db
    .select({
      id: predefinedResponses.id,
      title: predefinedResponses.title,
      text: predefinedResponses.text,
      language: predefinedResponses.language,
      updatedAt: predefinedResponses.updatedAt,
    })
    .from(predefinedResponses)
    .where(eq(predefinedResponses.campaignId, campaignId))
    .orderBy(asc(predefinedResponses.position), asc(predefinedResponses.id));
}

export async function listEmailTemplates(campaignId: number) {
  const db = await getDb();
  return db
    .select({
      id: emailTemplates.id,
      name: emailTemplates.name,
      subject: emailTemplates.subject,
      body: emailTemplates.body,
      updatedAt: emailTemplates.updatedAt,
    })
    .from(emailTemplates)
    .where(eq(emailTemplates.campaignId, campaignId))
    .orderBy(asc(emailTemplates.name), asc(emailTemplates.id));
}
