// The outbox's state machine (RUNTIME.md, "Outbox"). Every transition is one conditional update,
// so the database decides the races: one attempt claims a queued row; only the attempt that
// claimed it may mark it failed or queued again; a confirmation wins over anything but `sent`;
// one retry of a failed row wins. The network call itself happens outside any transaction.
import { randomUUID } from "node:crypto";
import { and, asc, eq, lt, lte, ne, sql } from "drizzle-orm";
import { getDb, type Db, type Tx } from "@/db/client";
import { messages, outbox, type OutboxPayload, type OutboxRow, type OutboxState } from "@/db/schema";
import { senderForCampaign } from "@/lib/campaigns/adapter";
import { emit } from "@/lib/events/emit";
import type { OutboundRequest } from "@/lib/networks/types";
import { sendSmtp } from "@/lib/mail/smtp";
import { now as clockNow } from "./clock";
import { sendFailure, type SendFailure } from "./reasons";

/** Attempts before a transient failure becomes `failed` (the agent may still retry by hand). */
export const MAX_ATTEMPTS = 5;
/** A row `sending` this long was cut short (the network calls time out after 15 s). */
export const STALE_SENDING_MS = 60_000;
/** Failures after which the network may have done the send although Relais never read its answer. */
const ANSWER_LOST = new Set(["outbox.reasons.unreachable", "outbox.reasons.unexpected"]);
/** Read-backs that could not reach the network before the row is marked `unknown`. */
const MAX_RECONCILE_ATTEMPTS = 3;

export type AttemptOutcome =
  | { type: "skipped"; state: OutboxState | "missing" }
  | { type: "sent"; token: string; externalId: string }
  | { type: "failed"; token: string; failure: SendFailure };

/** Exponential backoff: 5 s, 10 s, 20 s, 40 s… (a rate limit's own reset time wins when later). */
export function backoffMs(attempt: number): number {
  return 5_000 * 2 ** Math.max(0, attempt - 1);
}

async function mirror(tx: Tx, row: Pick<OutboxRow, "messageId">, values: Partial<typeof messages.$inferInsert>) {
  if (row.messageId) await tx.update(messages).set(values).where(eq(messages.id, row.messageId));
}

async function notify(tx: Tx, row: Pick<OutboxRow, "conversationId" | "createdBy" | "campaignId" | "state">) {
  if (row.conversationId)
    await emit(tx, { name: "relais/conversation.updated", data: { conversationId: row.conversationId, agentId: row.createdBy ?? null } });
  // The campaign summary counts the replies that failed: recompute it when one does.
  if (row.campaignId && (row.state === "failed" || row.state === "unknown"))
    await emit(tx, { name: "relais/campaign.changed", data: { campaignId: row.campaignId } });
}

/** queued → sending, for one attempt; null when the row is not queued or not due (another attempt has it). */
export async function claimRow(id: number, at: Date = clockNow()): Promise<(OutboxRow & { token: string }) | null> {
  const db = await getDb();
  const token = randomUUID();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(outbox)
      .set({ state: "sending", attempts: sql`${outbox.attempts} + 1`, sendingSince: at, claimToken: token, updatedAt: at })
      // `at` has millisecond precision, the column's default (now()) microseconds: a row queued in
      // the same millisecond is due, not "in the future".
      .where(and(eq(outbox.id, id), eq(outbox.state, "queued"), lte(outbox.nextAttemptAt, new Date(at.getTime() + 1))))
      .returning();
    if (!row) return null;
    await mirror(tx, row, { sendState: "sending" });
    await notify(tx, row);
    return { ...row, token };
  });
}

/** The one network (or SMTP) call of an attempt. Never throws: the outcome is what gets recorded. */
export async function callNetwork(row: OutboxRow & { token: string }): Promise<AttemptOutcome> {
  const payload = row.payload;
  try {
    if (payload.kind === "email") {
      const { messageId } = await sendSmtp(payload);
      return { type: "sent", token: row.token, externalId: messageId };
    }
    const db = await getDb();
    if (!row.campaignId) throw new Error(`outbox row ${row.id} has no campaign`);
    const sender = await senderForCampaign(db, row.campaignId);
    // The previous attempt's answer was lost (no answer in time, a cut body): the network may
    // have posted it. Read back first, as the reconciler does, instead of posting it twice.
    if (row.attempts > 1 && row.errorReason && ANSWER_LOST.has(row.errorReason)) {
      const found = await sender.findSent(payload as OutboundRequest, row.createdAt);
      if (found) return { type: "sent", token: row.token, externalId: found };
    }
    const { externalId } = await sender.send(payload as OutboundRequest);
    return { type: "sent", token: row.token, externalId };
  } catch (err) {
    const failure = payload.kind === "email" ? (await import("./reasons")).mailFailure(err) : sendFailure(err);
    // The network's own words go to the log, with the row, never to the agent.
    console.warn(
      `[outbox] row ${row.id} (${row.kind}) attempt ${row.attempts} failed: ${failure.reason} ${failure.code ?? ""}`,
      err instanceof Error ? err.message : err,
    );
    return { type: "failed", token: row.token, failure };
  }
}

/** Records an attempt's outcome; returns the row's state afterwards. */
export async function recordOutcome(id: number, outcome: AttemptOutcome, at: Date = clockNow()): Promise<OutboxState | "missing"> {
  const db = await getDb();
  if (outcome.type === "skipped") return outcome.state;
  return db.transaction(async (tx) => {
    if (outcome.type === "sent") {
      // A confirmation is final and wins over whatever happened meanwhile (a reconcile that gave
      // up, a failure recorded by a slower path): a post the network confirmed is never "failed".
      const [row] = await tx
        .update(outbox)
        .set({
          state: "sent",
          externalId: outcome.externalId,
          sentAt: at,
          errorReason: null,
          errorCode: null,
          claimToken: null,
          updatedAt: at,
        })
        .where(and(eq(outbox.id, id), ne(outbox.state, "sent")))
        .returning();
      if (row) {
        await mirror(tx, row, { sendState: "sent", sendError: null, externalId: outcome.externalId, networkCreatedAt: at });
        await notify(tx, row);
      }
      return "sent";
    }
    const { failure } = outcome;
    const [current] = await tx.select().from(outbox).where(eq(outbox.id, id));
    if (!current) return "missing";
    const retry = failure.transient && current.attempts < MAX_ATTEMPTS;
    const next = new Date(Math.max(at.getTime() + backoffMs(current.attempts), failure.retryAt ? Date.parse(failure.retryAt) : 0));
    // Only the attempt that claimed the row may move it on from `sending`.
    const [row] = await tx
      .update(outbox)
      .set(
        retry
          ? { state: "queued", nextAttemptAt: next, errorReason: failure.reason, errorCode: failure.code, claimToken: null, updatedAt: at }
          : { state: "failed", errorReason: failure.reason, errorCode: failure.code, claimToken: null, updatedAt: at },
      )
      .where(and(eq(outbox.id, id), eq(outbox.state, "sending"), eq(outbox.claimToken, outcome.token)))
      .returning();
    if (!row) return current.state;
    await mirror(tx, row, { sendState: row.state, sendError: failure.reason });
    await notify(tx, row);
    if (retry) await emit(tx, { name: "relais/outbox.queued", data: { outboxId: id }, ts: next.getTime() });
    return row.state;
  });
}

/** One delivery attempt, start to end (what the job does in two steps). */
export async function deliverOnce(id: number): Promise<OutboxState | "missing"> {
  const claimed = await claimRow(id);
  if (!claimed) {
    const db = await getDb();
    const [row] = await db.select({ state: outbox.state }).from(outbox).where(eq(outbox.id, id));
    return row?.state ?? "missing";
  }
  return recordOutcome(id, await callNetwork(claimed));
}

/**
 * Rows left `sending` by an attempt that never finished (a crash, a lost process): read back
 * from the network whether the send went out. Found → `sent`; the network shows it is not there
 * → `failed` (interrupted, the agent may retry); no read-back (email) or the network cannot be
 * read → `unknown`, shown as such. Never sent again by this path.
 */
export async function reconcileStuck(at: Date = clockNow(), limit = 20): Promise<{ id: number; state: OutboxState }[]> {
  const db = await getDb();
  const stale = await db
    .select({ id: outbox.id })
    .from(outbox)
    .where(and(eq(outbox.state, "sending"), lt(outbox.sendingSince, new Date(at.getTime() - STALE_SENDING_MS))))
    .orderBy(asc(outbox.sendingSince))
    .limit(limit);
  const results: { id: number; state: OutboxState }[] = [];
  for (const { id } of stale) {
    const state = await reconcileOne(db, id, at);
    if (state) results.push({ id, state });
  }
  return results;
}

async function reconcileOne(db: Db, id: number, at: Date): Promise<OutboxState | null> {
  // Taking the row over (a new token, the clock restarted) makes one reconciler at a time.
  const token = randomUUID();
  const [row] = await db
    .update(outbox)
    .set({ claimToken: token, sendingSince: at, reconcileAttempts: sql`${outbox.reconcileAttempts} + 1`, updatedAt: at })
    .where(and(eq(outbox.id, id), eq(outbox.state, "sending"), lt(outbox.sendingSince, new Date(at.getTime() - STALE_SENDING_MS))))
    .returning();
  if (!row) return null;
  const settle = (state: "failed" | "unknown", reason: string) =>
    db.transaction(async (tx) => {
      const [done] = await tx
        .update(outbox)
        .set({ state, errorReason: reason, errorCode: null, claimToken: null, updatedAt: at })
        .where(and(eq(outbox.id, id), eq(outbox.state, "sending"), eq(outbox.claimToken, token)))
        .returning();
      if (done) {
        await mirror(tx, done, { sendState: state, sendError: reason });
        await notify(tx, done);
      }
      return done ? state : null;
    });
  if (row.payload.kind === "email" || !row.campaignId) return settle("unknown", "outbox.reasons.interruptedUnknown");
  let found: string | null;
  try {
    const sender = await senderForCampaign(db, row.campaignId);
    found = await sender.findSent(row.payload as OutboundRequest, row.createdAt);
  } catch (err) {
    console.warn(`[outbox] row ${id}: read-back failed`, err instanceof Error ? err.message : err);
    if (row.reconcileAttempts >= MAX_RECONCILE_ATTEMPTS) return settle("unknown", "outbox.reasons.interruptedUnknown");
    return null;
  }
  if (found) {
    await recordOutcome(id, { type: "sent", token, externalId: found }, at);
    return "sent";
  }
  return settle("failed", "outbox.reasons.interrupted");
}

/** Queued rows whose attempt time has come (a lost event, a restart): the sweep hands them to the job again. */
export async function dueRows(at: Date = clockNow(), limit = 50): Promise<number[]> {
  const db = await getDb();
  const rows = await db
    .select({ id: outbox.id })
    .from(outbox)
    .where(and(eq(outbox.state, "queued"), lte(outbox.nextAttemptAt, at)))
    .orderBy(asc(outbox.nextAttemptAt))
    .limit(limit);
  return rows.map((r) => r.id);
}

export type { OutboxPayload };
