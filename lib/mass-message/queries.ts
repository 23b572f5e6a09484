import { and, asc, desc, eq, sql } from "drizzle-orm";
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

export const REPORT_LIMIT = 500;

export async function recipientsOf(id: number, status: RecipientStatus | null, limit: number | null = REPORT_LIMIT) {
  const db = await getDb();
  const where = status
    ? and(eq(massMessageRecipients.massMessageId, id), eq(massMessageRecipients.status, status))
    : eq(massMessageRecipients.massMessageId, id);
  const q = db
    .select({
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
    })
    .from(massMessageRecipients)
    .where(where)
    .orderBy(asc(massMessageRecipients.id));
  const list = limit === null ? await q : await q.limit(limit);
  const [{ n }] = await rows<{ n: number }>(
    db,
    sql`select count(*)::int as n from mass_message_recipients where mass_message_id = ${id} ${status ? sql`and status = ${status}` : sql``}`,
  );
  return { rows: list, total: Number(n) };
}
