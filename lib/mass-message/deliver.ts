// The mass message's delivery (RUNTIME.md, "Facebook mass message"): recipients are claimed in
// small batches (`pending` → `sending`, `for update skip locked` + a claim token, so two hosts
// never hold the same row), sent at the page's allowed rate, and recorded in one statement per
// batch that also moves the counts. A row found `sending` with an old claim was cut short by a
// crash: it is read back from the person's thread (by the metadata marker every send carries)
// before anything else happens to it, so nobody gets it twice and nobody is lost.
import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { getDb, rows, type Db } from "@/db/client";
import { massMessages, type MassMessage, type MassMessageTemplate, type MassMessageStatus } from "@/db/schema";
import { facebookCredentialsForCampaign } from "@/lib/campaigns/adapter";
import { emit } from "@/lib/events/emit";
import { now as clockNow } from "@/lib/clock";
import { isNetworkError } from "@/lib/networks/types";
import { createMassMessenger, graphCodes, isOutsideWindow, type MassMessenger } from "@/lib/networks/facebook/mass-send";
import { sendFailure } from "@/lib/outbox/reasons";
import { dropPacer, pacerFor, type Pacer } from "./pacer";

/** A claim older than this was cut short (a call times out after 15 s). */
export function staleClaimMs(): number {
  const n = Number(process.env.RELAIS_MASS_MESSAGE_STALE_MS);
  return Number.isFinite(n) && n > 0 ? n : 30_000;
}
/** Attempts before a transient failure is final for a recipient. */
const MAX_ATTEMPTS = 5;
/** Per-second and per-thread throttles (613, 80006) pass within a second or two. */
const SHORT_THROTTLE_CODES = new Set([613, 80006]);

export interface SliceResult {
  state: MassMessageStatus | "missing";
  /** Throttled: the delivery goes on at this time (ISO). */
  wakeAt?: string;
}

export interface DeliverOptions {
  /** How long one slice (one job step) delivers before handing back. */
  sliceMs?: number;
  messenger?: MassMessenger;
  /** Called after each recorded batch (tests stop a process at a chosen point). */
  onBatch?: (sent: number) => void;
}

interface ClaimedRow {
  id: number;
  contact_id: string;
  rendered_text: string;
  window_ends_at: string | Date | null;
  attempts: number;
  network_message_id: string | null;
  template_message_id: string | null;
}

type Outcome = {
  id: number;
  status: "sent" | "failed" | "not_sendable" | "pending";
  reason: string | null;
  code: string | null;
  textId: string | null;
  cardId: string | null;
};

export const marker = (massMessageId: number, recipientId: number, part: "text" | "card") =>
  `relais-mm:${massMessageId}:${recipientId}:${part}`;

async function load(db: Db, id: number): Promise<MassMessage | undefined> {
  const [mm] = await db.select().from(massMessages).where(eq(massMessages.id, id));
  return mm;
}

/** Tells the progress bars (admins' live stream) that the counts moved. */
export async function emitProgress(db: Db, mm: Pick<MassMessage, "id" | "campaignId">): Promise<void> {
  await emit(db, { name: "relais/massMessage.progress", data: { massMessageId: mm.id, campaignId: mm.campaignId } });
}

async function claim(db: Db, id: number, token: string, n: number, at: Date): Promise<ClaimedRow[]> {
  return rows<ClaimedRow>(
    db,
    sql`update mass_message_recipients r
        set status = 'sending', claim_token = ${token}, attempts = r.attempts + 1, attempted_at = ${at.toISOString()}::timestamptz
        where r.id in (
          select id from mass_message_recipients
          where mass_message_id = ${id} and status = 'pending'
          order by id limit ${n}
          for update skip locked)
        returning r.id, r.contact_id, r.rendered_text, r.window_ends_at, r.attempts, r.network_message_id, r.template_message_id`,
  );
}

/** Records a batch's outcomes for the rows this claim still holds, and moves the counts with them. */
async function record(db: Db, mm: MassMessage, token: string, outcomes: Outcome[], at: Date): Promise<number> {
  if (outcomes.length === 0) return 0;
  return db.transaction(async (tx) => {
    const done = await rows<{ status: string }>(
      tx,
      sql`update mass_message_recipients r
          set status = o.status, reason = o.reason, error_code = o.code,
            network_message_id = coalesce(o.text_id, r.network_message_id),
            template_message_id = coalesce(o.card_id, r.template_message_id),
            sent_at = case when o.status = 'sent' then ${at.toISOString()}::timestamptz else r.sent_at end,
            claim_token = null
          from json_to_recordset(${JSON.stringify(
            outcomes.map((o) => ({ id: o.id, status: o.status, reason: o.reason, code: o.code, text_id: o.textId, card_id: o.cardId })),
          )}::json) as o(id int, status text, reason text, code text, text_id text, card_id text)
          where r.id = o.id and r.status = 'sending' and r.claim_token = ${token}
          returning r.status`,
    );
    const count = (s: string) => done.filter((d) => d.status === s).length;
    const sent = count("sent");
    await tx
      .update(massMessages)
      .set({
        sentCount: sql`${massMessages.sentCount} + ${sent}`,
        failedCount: sql`${massMessages.failedCount} + ${count("failed")}`,
        notSendableCount: sql`${massMessages.notSendableCount} + ${count("not_sendable")}`,
        updatedAt: at,
      })
      .where(eq(massMessages.id, mm.id));
    return sent;
  });
}

/** Sends one recipient's parts (text, then the card) that are not out yet. Never throws. */
async function sendOne(
  messenger: MassMessenger,
  mm: MassMessage,
  row: ClaimedRow,
  pacer: Pacer,
): Promise<Outcome & { throttle?: { until: Date; short: boolean }; stop?: boolean }> {
  let textId = row.network_message_id;
  let cardId = row.template_message_id;
  const template = mm.template as MassMessageTemplate | null;
  const base = { id: row.id, textId, cardId, reason: null, code: null };
  try {
    if (row.rendered_text && !textId) {
      await pacer.slot();
      const r = await messenger.sendText(row.contact_id, row.rendered_text, marker(mm.id, row.id, "text"));
      pacer.usage(r.usage);
      textId = r.id;
    }
    if (template && !cardId) {
      await pacer.slot();
      const r = await messenger.sendTemplate(row.contact_id, template, marker(mm.id, row.id, "card"));
      pacer.usage(r.usage);
      cardId = r.id;
    }
    return { ...base, status: "sent", textId, cardId };
  } catch (err) {
    const failure = sendFailure(err);
    // The person's window closed before his turn: not sendable, never sent late.
    if (isOutsideWindow(err))
      return { ...base, textId, cardId, status: textId ? "sent" : "not_sendable", reason: textId ? null : "window_expired" };
    // The page's token was refused or has expired: every other call would fail the same way. The
    // row goes back to its turn and the whole send pauses with the reason, for an administrator to
    // renew the token and resume (rather than 100,000 recipients failed one call at a time).
    if (isNetworkError(err) && err.kind === "unauthorized")
      return { ...base, textId, cardId, status: "pending", reason: failure.reason, code: failure.code, stop: true };
    if (isNetworkError(err) && err.kind === "rate_limited") {
      const { code } = graphCodes(err);
      const short = code !== undefined && SHORT_THROTTLE_CODES.has(code);
      const until = short ? new Date(Date.now() + 1_000) : (err.retryAt ?? new Date(Date.now() + 60_000));
      pacer.throttled(short);
      if (!short) console.warn(`[mass-message] ${mm.id}: the page is throttled (${failure.code ?? ""}) until ${until.toISOString()}`);
      // Throttled calls are refused, not delivered: the row waits for its next turn.
      return { ...base, textId, cardId, status: "pending", reason: failure.reason, code: failure.code, throttle: { until, short } };
    }
    if (failure.transient) {
      // A timeout or a 5xx may hide a delivered message: read it back before giving the row back.
      const found = await readBack(messenger, mm, { ...row, network_message_id: textId, template_message_id: cardId }).catch(() => null);
      if (found?.complete) return { ...base, status: "sent", textId: found.textId, cardId: found.cardId };
      if (found && row.attempts < MAX_ATTEMPTS)
        return { ...base, status: "pending", textId: found.textId, cardId: found.cardId, reason: failure.reason, code: failure.code };
      if (!found) {
        console.warn(
          `[mass-message] ${mm.id} recipient ${row.id}: ${failure.reason} ${failure.code ?? ""}, read-back failed; retried in 5 s`,
          err instanceof Error ? err.message : err,
        );
        return {
          ...base,
          textId,
          cardId,
          status: "pending",
          reason: failure.reason,
          code: failure.code,
          throttle: { until: new Date(Date.now() + 5_000), short: false },
        };
      }
    }
    console.warn(
      `[mass-message] ${mm.id} recipient ${row.id}: ${failure.reason} ${failure.code ?? ""}`,
      err instanceof Error ? err.message : err,
    );
    return { ...base, textId, cardId, status: textId ? "sent" : "failed", reason: failure.reason, code: failure.code };
  }
}

/** Which of a row's parts reached the person's thread, by their markers. */
async function readBack(
  messenger: MassMessenger,
  mm: MassMessage,
  row: Pick<ClaimedRow, "id" | "contact_id" | "rendered_text" | "network_message_id" | "template_message_id">,
): Promise<{ textId: string | null; cardId: string | null; complete: boolean }> {
  const template = mm.template as MassMessageTemplate | null;
  const needText = Boolean(row.rendered_text) && !row.network_message_id;
  const needCard = Boolean(template) && !row.template_message_id;
  const found = needText || needCard ? await messenger.sentMarkers(row.contact_id) : new Map<string, string>();
  const textId = row.rendered_text ? (row.network_message_id ?? found.get(marker(mm.id, row.id, "text")) ?? null) : null;
  const cardId = template ? (row.template_message_id ?? found.get(marker(mm.id, row.id, "card")) ?? null) : null;
  const complete = (!row.rendered_text || textId !== null) && (!template || cardId !== null);
  return { textId, cardId, complete };
}

/**
 * Rows a dead delivery left `sending`: taken over with a new token (one reconciler per row),
 * read back, then `sent` if every part is in the thread, else given back as `pending` with the
 * parts found (the retry sends only what is missing). A thread that cannot be read is left for
 * the next pass: never sent blindly.
 */
export async function reconcileStale(db: Db, mm: MassMessage, messenger: MassMessenger, at: Date = clockNow()): Promise<number> {
  const token = randomUUID();
  const stale = await rows<ClaimedRow>(
    db,
    sql`update mass_message_recipients r set claim_token = ${token}, attempted_at = ${at.toISOString()}::timestamptz
        where r.id in (
          select id from mass_message_recipients
          where mass_message_id = ${mm.id} and status = 'sending' and attempted_at < ${new Date(at.getTime() - staleClaimMs()).toISOString()}::timestamptz
          order by id limit 200 for update skip locked)
        returning r.id, r.contact_id, r.rendered_text, r.window_ends_at, r.attempts, r.network_message_id, r.template_message_id`,
  );
  const outcomes: Outcome[] = [];
  for (const row of stale) {
    try {
      const found = await readBack(messenger, mm, row);
      outcomes.push({
        id: row.id,
        status: found.complete ? "sent" : "pending",
        reason: found.complete ? null : "massMessage.reasons.interrupted",
        code: null,
        textId: found.textId,
        cardId: found.cardId,
      });
    } catch (err) {
      console.warn(`[mass-message] ${mm.id} recipient ${row.id}: read-back failed`, err instanceof Error ? err.message : err);
    }
  }
  await record(db, mm, token, outcomes, at);
  return stale.length;
}

async function finishIfDone(db: Db, mm: MassMessage, at: Date): Promise<boolean> {
  const [left] = await rows<{ n: number }>(
    db,
    sql`select count(*)::int as n from mass_message_recipients where mass_message_id = ${mm.id} and status in ('pending', 'sending')`,
  );
  if (Number(left?.n) > 0) return false;
  await db
    .update(massMessages)
    .set({ status: "done", finishedAt: at, updatedAt: at, throttledUntil: null })
    .where(and(eq(massMessages.id, mm.id), eq(massMessages.status, "running")));
  await emitProgress(db, mm);
  return true;
}

/** The broadcast alternative: one post on the page's feed, claimed and read back like a recipient. */
async function deliverPost(db: Db, mm: MassMessage, messenger: MassMessenger): Promise<SliceResult> {
  const at = clockNow();
  if (mm.postState === "sending" && mm.postSendingSince && at.getTime() - mm.postSendingSince.getTime() > staleClaimMs()) {
    const recorded = await db
      .select({ postId: massMessages.postId })
      .from(massMessages)
      .where(and(eq(massMessages.campaignId, mm.campaignId), sql`${massMessages.postId} is not null`, sql`${massMessages.id} <> ${mm.id}`));
    const found = await messenger.findPost(mm.text, mm.postSendingSince, new Set(recorded.map((r) => r.postId!)));
    await db
      .update(massMessages)
      .set(found ? { postState: "sent", postId: found, sentCount: 1 } : { postState: "pending" })
      .where(and(eq(massMessages.id, mm.id), eq(massMessages.postState, "sending")));
  }
  const [claimed] = await db
    .update(massMessages)
    .set({ postState: "sending", postSendingSince: at })
    .where(and(eq(massMessages.id, mm.id), eq(massMessages.postState, "pending"), eq(massMessages.status, "running")))
    .returning();
  if (claimed) {
    try {
      const r = await messenger.publishPost(mm.text);
      await db.update(massMessages).set({ postState: "sent", postId: r.id, sentCount: 1 }).where(eq(massMessages.id, mm.id));
    } catch (err) {
      const failure = sendFailure(err);
      if (failure.transient) return { state: "running", wakeAt: new Date(Date.now() + 5_000).toISOString() };
      await db
        .update(massMessages)
        .set({ postState: "failed", failedCount: 1, errorReason: failure.reason })
        .where(eq(massMessages.id, mm.id));
    }
  }
  const [after] = await db.select().from(massMessages).where(eq(massMessages.id, mm.id));
  if (after?.postState === "sent" || after?.postState === "failed") {
    await db
      .update(massMessages)
      .set({ status: "done", finishedAt: at, updatedAt: at })
      .where(and(eq(massMessages.id, mm.id), eq(massMessages.status, "running")));
    await emitProgress(db, mm);
    return { state: "done" };
  }
  return { state: "running", wakeAt: new Date(Date.now() + staleClaimMs()).toISOString() };
}

/**
 * Delivers a running mass message for up to `sliceMs`, then hands back (the job's next step goes
 * on). Returns at once when it is paused, cancelled or done; with `wakeAt` when the network
 * throttled the page for longer than a moment.
 */
export async function deliverSlice(id: number, options: DeliverOptions = {}): Promise<SliceResult> {
  const result = await deliverFor(id, options);
  // A delivery that is over (or paused) needs its pacer no more; a running one keeps it for its next slice.
  if (result.state !== "running") dropPacer(id);
  return result;
}

async function deliverFor(id: number, options: DeliverOptions): Promise<SliceResult> {
  const db = await getDb();
  const deadline = Date.now() + (options.sliceMs ?? 20_000);
  let mm = await load(db, id);
  if (!mm) return { state: "missing" };
  if (mm.status !== "running") return { state: mm.status };
  if (mm.throttledUntil && mm.throttledUntil.getTime() > Date.now()) return { state: "running", wakeAt: mm.throttledUntil.toISOString() };
  const messenger = options.messenger ?? createMassMessenger(await facebookCredentialsForCampaign(db, mm.campaignId));
  if (mm.sendType === "page_post") return deliverPost(db, mm, messenger);

  const pacer = pacerFor(id, mm.ratePerSecond);
  let lastProgress = 0;
  await reconcileStale(db, mm, messenger);
  // Batches overlap: the next one is claimed while the current one's last calls are still
  // waiting for their slots, so the page's rate has no gap between batches. Each batch is
  // recorded as soon as its calls are answered.
  const inFlight = new Set<Promise<void>>();
  let long: { until: Date } | null = null;
  // The first refusal answered gives the pause its reason: batches overlap, and a later batch
  // can be recorded before an earlier one still waiting on a slow call.
  let stop: { reason: string; code: string | null } | null = null;
  let failure: unknown = null;
  const settle = async () => {
    await Promise.all(inFlight);
    if (failure) throw failure;
  };
  while (Date.now() < deadline && !long && !stop) {
    mm = await load(db, id);
    if (!mm) return { state: "missing" };
    if (mm.status !== "running") {
      await settle();
      await emitProgress(db, mm);
      return { state: mm.status };
    }
    const at = clockNow();
    const token = randomUUID();
    // A quarter of a second's worth per batch: the counts move often, a pause stops quickly.
    const claimed = await claim(db, id, token, pacer.batchSize(250), at);
    if (claimed.length === 0) {
      await settle();
      if (await finishIfDone(db, mm, at)) return { state: "done" };
      // Rows still `sending`: another delivery holds them, or a dead one left them (read back once stale).
      if ((await reconcileStale(db, mm, messenger)) === 0) await new Promise((r) => setTimeout(r, 250));
      continue;
    }
    const current = mm;
    const expired = claimed.filter((r) => r.window_ends_at && new Date(r.window_ends_at).getTime() <= at.getTime());
    const live = claimed.filter((r) => !expired.includes(r));
    const batch = (async () => {
      const results = await Promise.all(
        live.map((row) =>
          sendOne(messenger, current, row, pacer).then((r) => {
            if (r.stop && r.reason) stop ??= { reason: r.reason, code: r.code };
            return r;
          }),
        ),
      );
      const outcomes: Outcome[] = [
        ...expired.map((r) => ({
          id: r.id,
          status: "not_sendable" as const,
          reason: "window_expired",
          code: null,
          textId: null,
          cardId: null,
        })),
        ...results,
      ];
      const sent = await record(db, current, token, outcomes, clockNow());
      options.onBatch?.(sent);
      for (const r of results) {
        if (r.throttle && !r.throttle.short && (!long || r.throttle.until > long.until)) long = { until: r.throttle.until };
      }
      if (Date.now() - lastProgress > 500) {
        lastProgress = Date.now();
        await emitProgress(db, current);
      }
    })().catch((err: unknown) => {
      failure ??= err;
    });
    inFlight.add(batch);
    void batch.finally(() => inFlight.delete(batch));
    if (failure) break;
    // Claim the next batch shortly before this one's last slot, or once enough of the batches
    // in flight are done (a slow network must not pile up claims).
    while (inFlight.size > 2) await Promise.race(inFlight);
    const lead = pacer.msUntilFree() - 100;
    if (lead > 0) await new Promise((r) => setTimeout(r, lead));
  }
  await settle();
  if (stop) {
    const { reason, code } = stop as { reason: string; code: string | null };
    console.warn(`[mass-message] ${id}: paused, the page's token was refused (${code ?? ""})`);
    await db
      .update(massMessages)
      .set({
        status: "paused",
        errorReason: reason,
        updatedAt: clockNow(),
        ...(long ? { throttledUntil: (long as { until: Date }).until } : {}),
      })
      .where(and(eq(massMessages.id, id), eq(massMessages.status, "running")));
    await emitProgress(db, mm!);
    return { state: "paused" };
  }
  if (long) {
    const until = (long as { until: Date }).until;
    await db.update(massMessages).set({ throttledUntil: until }).where(eq(massMessages.id, id));
    await emitProgress(db, mm!);
    return { state: "running", wakeAt: until.toISOString() };
  }
  return { state: "running" };
}
