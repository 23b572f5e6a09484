// Conversations held outside service hours enter the queue when their campaign opens, in arrival
// order (RUNTIME.md, "Gate"). Run by the release-held-conversations job (a cron, and at once when
// the test clock moves); idempotent and safe on several hosts (rows locked, SKIP LOCKED).
import { and, count, eq, sql } from "drizzle-orm";
import { getDb, type Db, type Tx } from "@/db/client";
import { campaigns, conversations } from "@/db/schema";
import { isOpenAt } from "@/lib/calendars/hours";
import { nextOpeningAt } from "@/lib/calendars/next-open";
import { now as clockNow } from "@/lib/clock";
import { emit } from "@/lib/events/emit";
import { campaignCalendar } from "./classify";

/**
 * Moves a campaign's held conversations to the queue if it is open at `at`. Their waiting time
 * starts at the opening, not at their arrival the night before (routing's preferred wait and the
 * wallboard's "longest wait" would otherwise count the closed hours); to keep arrival order
 * whatever the tie-breaks of a queue read, the n-th of N released gets `at − (N − n) µs`.
 * Priority is unchanged. Returns how many were queued.
 */
export async function releaseHeldForCampaign(tx: Tx, campaignId: number, at: Date): Promise<number> {
  const calendar = await campaignCalendar(tx, campaignId);
  if (!calendar || !isOpenAt(calendar, at).open) return 0;
  const locked = await tx
    .select({ id: conversations.id })
    .from(conversations)
    .where(and(eq(conversations.campaignId, campaignId), eq(conversations.status, "held")))
    .orderBy(conversations.createdAt, conversations.id)
    .for("update", { skipLocked: true });
  if (locked.length === 0) return 0;
  const ids = locked.map((r) => r.id);
  const released = await tx.execute<{ id: number }>(sql`
    update conversations c
       set status = 'waiting',
           waiting_since = ${at.toISOString()}::timestamptz - ((${ids.length}::int - u.o) * interval '1 microsecond'),
           updated_at = ${at.toISOString()}::timestamptz
      from unnest(${`{${ids.join(",")}}`}::int[]) with ordinality as u(id, o)
     where c.id = u.id and c.status = 'held'
     returning c.id`);
  const rows = Array.isArray(released) ? released : (released as unknown as { rows: { id: number }[] }).rows;
  await emit(
    tx,
    rows.map((r) => ({ name: "relais/conversation.queued" as const, data: { conversationId: r.id, campaignId } })),
  );
  return rows.length;
}

/** Every campaign holding conversations, released where it is open now. */
export async function releaseHeldConversations(at: Date = clockNow()): Promise<{ campaignId: number; released: number }[]> {
  const db = await getDb();
  const holding = await db
    .selectDistinct({ campaignId: conversations.campaignId })
    .from(conversations)
    .where(eq(conversations.status, "held"));
  const result: { campaignId: number; released: number }[] = [];
  for (const { campaignId } of holding) {
    const released = await db.transaction((tx) => releaseHeldForCampaign(tx, campaignId, at));
    if (released > 0) result.push({ campaignId, released });
  }
  return result;
}

export interface GateStatus {
  open: boolean;
  /** When closed: the next opening (null = never within two years). */
  openAt: Date | null;
  timeZone: string;
  held: number;
  filtered: number;
}

/** What the campaign page says of its gate: open or «Fermée jusqu'au …», and how many are held/filtered. */
export async function campaignGateStatus(campaignId: number, at: Date = clockNow(), dbOrTx?: Db | Tx): Promise<GateStatus | null> {
  const db = dbOrTx ?? (await getDb());
  const [exists] = await db.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.id, campaignId));
  if (!exists) return null;
  const calendar = await campaignCalendar(db, campaignId);
  if (!calendar) return null;
  const counts = await db
    .select({ status: conversations.status, n: count() })
    .from(conversations)
    .where(and(eq(conversations.campaignId, campaignId), sql`${conversations.status} in ('held', 'filtered')`))
    .groupBy(conversations.status);
  const of = (s: string) => counts.find((c) => c.status === s)?.n ?? 0;
  const open = isOpenAt(calendar, at).open;
  return {
    open,
    openAt: open ? null : nextOpeningAt(calendar, at),
    timeZone: calendar.timeZone,
    held: of("held"),
    filtered: of("filtered"),
  };
}
