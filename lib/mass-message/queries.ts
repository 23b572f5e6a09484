import { and, asc, desc, eq, isNull, sql } from "drizzle-orm";
import { getDb, rows } from "@/db/client";
import { campaigns, massMessageRecipients, massMessages, qualificationStatuses, type MassMessage, type RecipientStatus } from "@/db/schema";
import { nowMs } from "@/lib/clock";
import { criteriaColumns } from "./criteria";

export type MassMessageListItem = Pick<
  MassMessage,
  "id" | "sendType" | "status" | "totalCount" | "sentCount" | "failedCount" | "notSendableCount" | "createdAt" | "text"
>;

export async function listMassMessages(campaignId: number): Promise<MassMessageListItem[]> {
  const db = await getDb();
  return db
    .select({
      id: massMessages.id,
      sendType: massMessages.sendType,
      status: massMessages.status,
      totalCount: massMessages.totalCount,
      sentCount: massMessages.sentCount,
      failedCount: massMessages.failedCount,
      notSendableCount: massMessages.notSendableCount,
      createdAt: massMessages.createdAt,
      text: massMessages.text,
    })
    .from(massMessages)
    .where(eq(massMessages.campaignId, campaignId))
    .orderBy(desc(massMessages.createdAt))
    .limit(50);
}

export interface MassMessageCampaign {
  id: number;
  name: string;
  state: "running" | "stopped";
  sends: number;
  lastSendAt: Date | null;
}

/** The Facebook campaigns (not archived) a holder of the mass-message right may write from, with their sends. */
export async function massMessageCampaigns(): Promise<MassMessageCampaign[]> {
  const db = await getDb();
  const list = await db
    .select({
      id: campaigns.id,
      name: campaigns.name,
      state: campaigns.state,
      sends: sql<number>`(select count(*)::int from mass_messages m where m.campaign_id = campaigns.id)`,
      lastSendAt: sql<Date | string | null>`(select max(m.created_at) from mass_messages m where m.campaign_id = campaigns.id)`,
    })
    .from(campaigns)
    .where(and(eq(campaigns.type, "facebook"), isNull(campaigns.archivedAt)))
    .orderBy(asc(campaigns.name));
  return list.map((c) => ({ ...c, sends: Number(c.sends), lastSendAt: c.lastSendAt === null ? null : new Date(c.lastSendAt) }));
}

/** One Facebook campaign's name, or null (not one, or archived). */
export async function massMessageCampaign(campaignId: number): Promise<{ id: number; name: string } | null> {
  const db = await getDb();
  const [c] = await db
    .select({ id: campaigns.id, name: campaigns.name })
    .from(campaigns)
    .where(and(eq(campaigns.id, campaignId), eq(campaigns.type, "facebook"), isNull(campaigns.archivedAt)));
  return c ?? null;
}

/** What the composer offers: the campaign (Facebook only), its customer-file columns and qualification statuses. */
export async function composerOptions(campaignId: number) {
  const db = await getDb();
  const [campaign] = await db
    .select({ id: campaigns.id, name: campaigns.name, type: campaigns.type, qualificationGroupId: campaigns.qualificationGroupId })
    .from(campaigns)
    .where(eq(campaigns.id, campaignId));
  if (!campaign) return null;
  const statuses = campaign.qualificationGroupId
    ? await db
        .select({ id: qualificationStatuses.id, label: qualificationStatuses.label })
        .from(qualificationStatuses)
        .where(eq(qualificationStatuses.groupId, campaign.qualificationGroupId))
        .orderBy(asc(qualificationStatuses.id))
    : [];
  return { campaign, columns: await criteriaColumns(db, campaignId), statuses };
}

export interface MassMessageProgress {
  mm: MassMessage;
  campaignName: string;
  remaining: number;
  /** Sends per second over the last 10 seconds. */
  rate: number;
  /** Seconds left at the current (or allowed) rate; null when nothing is left. */
  secondsLeft: number | null;
  /** The network throttled the page; the send goes on at `mm.throttledUntil`. */
  throttled: boolean;
}

export async function massMessageProgress(id: number, campaignId: number): Promise<MassMessageProgress | null> {
  const db = await getDb();
  const [found] = await db
    .select({ mm: massMessages, campaignName: campaigns.name })
    .from(massMessages)
    .innerJoin(campaigns, eq(campaigns.id, massMessages.campaignId))
    .where(and(eq(massMessages.id, id), eq(massMessages.campaignId, campaignId)));
  if (!found) return null;
  const { mm } = found;
  const since = new Date(nowMs() - 10_000).toISOString();
  const [recent] = await rows<{ n: number }>(
    db,
    sql`select count(*)::int as n from mass_message_recipients
        where mass_message_id = ${id} and status = 'sent' and sent_at >= ${since}::timestamptz`,
  );
  const rate = Number(recent?.n ?? 0) / 10;
  const remaining =
    mm.sendType === "page_post"
      ? mm.status === "done"
        ? 0
        : 1
      : Math.max(0, mm.totalCount - mm.sentCount - mm.failedCount - mm.notSendableCount);
  const pace = rate > 0 ? rate : mm.ratePerSecond;
  const secondsLeft = remaining > 0 && (mm.status === "running" || mm.status === "paused") ? Math.ceil(remaining / pace) : null;
  const throttled = mm.status === "running" && mm.throttledUntil !== null && mm.throttledUntil.getTime() > Date.now();
  return { mm, campaignName: found.campaignName, remaining, rate, secondsLeft, throttled };
}

/** Rows per page of the progress page's report per recipient. */
export const REPORT_PAGE_SIZE = 100;

const recipientColumns = {
  id: massMessageRecipients.id,
  contactId: massMessageRecipients.contactId,
  contactName: massMessageRecipients.contactName,
  status: massMessageRecipients.status,
  reason: massMessageRecipients.reason,
  errorCode: massMessageRecipients.errorCode,
  lastInboundAt: massMessageRecipients.lastInboundAt,
  sentAt: massMessageRecipients.sentAt,
  networkMessageId: massMessageRecipients.networkMessageId,
  templateMessageId: massMessageRecipients.templateMessageId,
};

const recipientsWhere = (id: number, status: RecipientStatus | null) =>
  status
    ? and(eq(massMessageRecipients.massMessageId, id), eq(massMessageRecipients.status, status))
    : eq(massMessageRecipients.massMessageId, id);

/** Every recipient of a mass message (optionally of one state), in the order they were chosen: the CSV export. */
export async function recipientsOf(id: number, status: RecipientStatus | null) {
  const db = await getDb();
  return db.select(recipientColumns).from(massMessageRecipients).where(recipientsWhere(id, status)).orderBy(asc(massMessageRecipients.id));
}

/**
 * One page of the report per recipient, read on the server (offset on the recipients' order;
 * the count uses the (mass message, status) index). A page past the end gives the last one.
 */
export async function recipientsPage(id: number, status: RecipientStatus | null, page: number, pageSize = REPORT_PAGE_SIZE) {
  const db = await getDb();
  const [{ n }] = await rows<{ n: number }>(
    db,
    sql`select count(*)::int as n from mass_message_recipients where mass_message_id = ${id} ${status ? sql`and status = ${status}` : sql``}`,
  );
  const total = Number(n);
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const current = Math.min(Math.max(1, Math.floor(page)), pageCount);
  const list = await db
    .select(recipientColumns)
    .from(massMessageRecipients)
    .where(recipientsWhere(id, status))
    .orderBy(asc(massMessageRecipients.id))
    .limit(pageSize)
    .offset((current - 1) * pageSize);
  return { rows: list, total, page: current, pageCount };
}
