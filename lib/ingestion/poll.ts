import { eq, sql } from "drizzle-orm";
import { getDb, rows, type Db, type Tx } from "@/db/client";
import { campaigns, campaignSources, pollCursors, type CampaignSource, type SourceErrorKind } from "@/db/schema";
import { adapterForCampaign, CampaignNotReadyError } from "@/lib/campaigns/adapter";
import { NetworkError, type NetworkAdapter, type SourceFetchResult, type SourceKind } from "@/lib/networks/types";
import { emit } from "@/lib/events/emit";
import { now as clockNow } from "@/lib/clock";
import { readCostCents, startOfNextMonth, usageMonth, worstPageCostCents } from "./cost";
import { storeBatch, type StoreCounts } from "./store";

export interface SourcePollResult {
  kind: SourceKind;
  status: "polled" | "failed" | "skipped" | "budget";
  fetched: number;
  newMessages: number;
  newConversations: number;
  /** False while a burst larger than the page cap is still being drained. */
  caughtUp: boolean;
  calls: number;
  error?: string;
  errorKind?: SourceErrorKind;
}

export interface PollResult {
  campaignId: number;
  status: "polled" | "skipped" | "failed";
  fetched: number;
  newMessages: number;
  newConversations: number;
  error?: string;
  sources: SourcePollResult[];
}

export interface PollOptions {
  /** Pages read at most per source and poll (default 10): the rest of a burst waits for the next poll. */
  pageCap?: number;
  now?: () => Date;
  /** Told how long each source's store transaction held the database (benchmarks). */
  onCommit?: (ms: number, messages: number) => void;
}

export const DEFAULT_PAGE_CAP = 10;
const MAX_BACKOFF_MS = 15 * 60_000;
// The run time's clock (tests shift it).
const systemNow = () => clockNow();

/**
 * Claims the running campaigns whose check interval has elapsed by pushing their next poll
 * forward, so that a second scheduler tick (or a second host) does not poll them again. The
 * per-source rows (campaign_sources) then say which sources of a claimed campaign are due.
 */
export async function claimDueCampaigns(now = clockNow()): Promise<number[]> {
  const db = await getDb();
  const at = now.toISOString();
  // One statement: a second tick or host racing this one claims nothing the first one did.
  const claimed = await rows<{ id: number }>(
    db,
    sql`insert into poll_cursors (campaign_id, next_poll_at)
        select c.id, ${at}::timestamptz + make_interval(secs => c.poll_interval_seconds)
        from campaigns c left join poll_cursors p on p.campaign_id = c.id
        where c.state = 'running' and c.archived_at is null and (p.next_poll_at is null or p.next_poll_at <= ${at}::timestamptz)
        on conflict (campaign_id) do update set next_poll_at = excluded.next_poll_at
        where poll_cursors.next_poll_at is null or poll_cursors.next_poll_at <= ${at}::timestamptz
        returning campaign_id as id`,
  );
  return claimed.map((r) => Number(r.id)).sort((a, b) => a - b);
}

const errorKindOf = (e: unknown): SourceErrorKind => {
  if (!(e instanceof NetworkError)) return "server";
  switch (e.kind) {
    case "rate_limited":
    case "unauthorized":
    case "forbidden":
    case "unreachable":
    case "malformed":
      return e.kind;
    default:
      return "server";
  }
};

/**
 * The earliest a source may be read again after a good read: at once, unless the network's
 * limits say to wait (the campaign's check interval is applied by the campaign claim).
 */
function nextPollAfterSuccess(now: Date, intervalMs: number, fetched: SourceFetchResult, kind: SourceKind): Date {
  const rl = fetched.rateLimit;
  let wait = 0;
  if (rl) {
    const left = Math.max(0, rl.resetAt.getTime() - now.getTime());
    if (rl.remaining <= 0) wait = left;
    else if (kind.startsWith("x_")) {
      // Spread the calls left over the window (a drain, or a tight limit such as DM reads'
      // 15 per 15 minutes), so that polling never runs into a 429.
      const spread = Math.ceil((left / rl.remaining) * fetched.calls);
      if (!fetched.caughtUp || spread > intervalMs) wait = spread;
    } else if (rl.remaining < 10) wait = left; // Facebook: percent of the allowance left
  }
  return new Date(now.getTime() + wait);
}

function nextPollAfterFailure(now: Date, intervalMs: number, source: CampaignSource | undefined, e: unknown): Date {
  if (e instanceof NetworkError && e.kind === "rate_limited") return e.retryAt ?? new Date(now.getTime() + MAX_BACKOFF_MS);
  // 5xx, timeouts, garbage: back off exponentially from the delay of the previous failure.
  const previous =
    source?.lastErrorKind && source.lastPolledAt && source.nextPollAt ? source.nextPollAt.getTime() - source.lastPolledAt.getTime() : 0;
  const wait = Math.min(MAX_BACKOFF_MS, Math.max(intervalMs, previous * 2));
  return new Date(now.getTime() + wait);
}

function monthCost(s: CampaignSource, month: string): number {
  if (s.usageMonth !== month) return 0;
  return readCostCents(s.kind, { posts: s.postsRead, users: s.usersRead, dmEvents: s.dmEventsRead });
}

type CampaignRow = Awaited<ReturnType<typeof adapterForCampaign>>["campaign"];

/**
 * Reads what is new for every source of one campaign and stores each message exactly once.
 * Each source is fetched on its own (one failing never stops the others) and committed in its
 * own short transaction together with its position, so a crash between the network read and
 * the commit re-reads the same messages next time, and the unique index makes that harmless.
 */
export async function pollCampaign(campaignId: number, options: PollOptions = {}): Promise<PollResult> {
  const db = await getDb();
  const clock = options.now ?? systemNow;
  const pageCap = Math.max(1, options.pageCap ?? DEFAULT_PAGE_CAP);
  const base: PollResult = { campaignId, status: "skipped", fetched: 0, newMessages: 0, newConversations: 0, sources: [] };
  const [state] = await db
    .select({ state: campaigns.state, archivedAt: campaigns.archivedAt })
    .from(campaigns)
    .where(eq(campaigns.id, campaignId));
  if (!state || state.state !== "running" || state.archivedAt) return base;

  let campaign: CampaignRow;
  let adapter: NetworkAdapter;
  try {
    ({ campaign, adapter } = await adapterForCampaign(db, campaignId, { pageCap }));
  } catch (err) {
    if (!(err instanceof CampaignNotReadyError)) throw err;
    await recordCampaignError(db, campaignId, err.message, clock());
    return { ...base, status: "failed", error: err.message };
  }

  const kinds = adapter.sources();
  const sourceRows = await ensureSources(db, campaignId, kinds);
  const month = usageMonth(clock());
  let spent = sourceRows.reduce((sum, r) => sum + monthCost(r, month), 0);
  const budget = campaign.monthlyReadBudgetCents;
  const intervalMs = campaign.pollIntervalSeconds * 1000;

  // Network reads run side by side; the commits go one after the other (PGlite has one connection).
  let commits: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = commits.then(fn, fn);
    commits = run.catch(() => undefined);
    return run;
  };

  const results = await Promise.all(
    kinds.map(async (kind): Promise<SourcePollResult> => {
      const row = sourceRows.find((r) => r.kind === kind)!;
      const empty = { kind, fetched: 0, newMessages: 0, newConversations: 0, calls: 0, caughtUp: !row.pageToken };
      const now = clock();
      // A source stopped by the budget is looked at again every poll: the budget may have been raised.
      if (row.nextPollAt && row.nextPollAt > now && row.lastErrorKind !== "budget") {
        return { ...empty, status: "skipped", errorKind: row.lastErrorKind ?? undefined };
      }

      // The monthly read budget: read no more pages than the worst case the budget still covers.
      let cap = pageCap;
      const worst = worstPageCostCents(kind);
      if (budget !== null && worst > 0) {
        cap = Math.min(pageCap, Math.floor((budget - spent) / worst));
        if (cap < 1) {
          const message = `monthly read budget reached (${(spent / 100).toFixed(2)} of ${(budget / 100).toFixed(2)} USD)`;
          await serial(() => recordFailure(db, row, "budget", message, startOfNextMonth(now), now));
          return { ...empty, status: "budget", error: message, errorKind: "budget" };
        }
        spent += cap * worst; // reserved, so that two sources cannot both spend the last part
      }

      let fetched: SourceFetchResult;
      try {
        fetched = await adapter.fetchSource(
          kind,
          { cursor: row.cursor, pageToken: row.pageToken, pendingCursor: row.pendingCursor },
          { pageCap: cap },
        );
      } catch (err) {
        if (budget !== null) spent -= cap * worst;
        const message = err instanceof Error ? err.message : String(err);
        const kindOfError = errorKindOf(err);
        const at = clock();
        await serial(() => recordFailure(db, row, kindOfError, message, nextPollAfterFailure(at, intervalMs, row, err), at));
        return { ...empty, status: "failed", error: message, errorKind: kindOfError };
      }
      if (budget !== null) spent += readCostCents(kind, fetched.reads) - cap * worst;

      const counts = await serial(async () => {
        const t0 = performance.now();
        const c = await commitSource(db, campaign, row, fetched, month, intervalMs, clock);
        options.onCommit?.(performance.now() - t0, fetched.messages.length);
        return c;
      });
      return {
        kind,
        status: "polled",
        fetched: fetched.messages.length,
        newMessages: counts.newMessages,
        newConversations: counts.newConversations,
        caughtUp: fetched.caughtUp,
        calls: fetched.calls,
      };
    }),
  );
  await commits;

  // The campaign is claimed again after its check interval, or as soon as its limits allow while
  // a source is still draining a burst.
  const fresh = await db
    .select({ next: campaignSources.nextPollAt, pageToken: campaignSources.pageToken })
    .from(campaignSources)
    .where(eq(campaignSources.campaignId, campaignId));
  const now = clock();
  const draining = fresh.filter((f) => f.pageToken !== null).map((f) => f.next?.getTime() ?? now.getTime());
  const next = new Date(
    Math.min(now.getTime() + intervalMs, Math.max(now.getTime() + 1000, ...(draining.length ? [Math.min(...draining)] : [Infinity]))),
  );
  await db
    .insert(pollCursors)
    .values({ campaignId, lastPolledAt: now, lastError: null, nextPollAt: next })
    .onConflictDoUpdate({ target: pollCursors.campaignId, set: { lastPolledAt: now, lastError: null, nextPollAt: next } });

  const sum = (f: (r: SourcePollResult) => number) => results.reduce((n, r) => n + f(r), 0);
  const failed = results.filter((r) => r.status === "failed" || r.status === "budget");
  return {
    campaignId,
    status: failed.length > 0 && failed.length === results.filter((r) => r.status !== "skipped").length ? "failed" : "polled",
    fetched: sum((r) => r.fetched),
    newMessages: sum((r) => r.newMessages),
    newConversations: sum((r) => r.newConversations),
    ...(failed.length ? { error: failed.map((f) => `${f.kind}: ${f.error}`).join("; ") } : {}),
    sources: results,
  };
}

/** The campaign's source rows, created on first poll (one insert for all). */
async function ensureSources(db: Db, campaignId: number, kinds: SourceKind[]): Promise<CampaignSource[]> {
  if (kinds.length > 0) {
    await db
      .insert(campaignSources)
      .values(kinds.map((kind) => ({ campaignId, kind })))
      .onConflictDoNothing();
  }
  return db.select().from(campaignSources).where(eq(campaignSources.campaignId, campaignId));
}

// A campaign that cannot be polled at all (no platform, credentials missing or no longer
// decryptable after a key change) is not silent: the error is its last poll error, and its
// summary is recomputed (red) when that error changes.
async function recordCampaignError(db: Db, campaignId: number, message: string, now: Date) {
  await db.transaction(async (tx) => {
    const [before] = await tx.select({ lastError: pollCursors.lastError }).from(pollCursors).where(eq(pollCursors.campaignId, campaignId));
    await tx
      .insert(pollCursors)
      .values({ campaignId, lastError: message, lastPolledAt: now })
      .onConflictDoUpdate({ target: pollCursors.campaignId, set: { lastError: message, lastPolledAt: now } });
    if (before?.lastError !== message) await emitSummaryChange(tx, campaignId);
  });
}

/** A failed read changes nothing but the source's health: its position stays where it was. */
async function recordFailure(db: Db, row: CampaignSource, kind: SourceErrorKind, message: string, next: Date, now: Date) {
  await db.transaction(async (tx) => {
    await tx
      .update(campaignSources)
      .set({ lastError: message.slice(0, 2000), lastErrorKind: kind, lastPolledAt: now, nextPollAt: next, updatedAt: now })
      .where(eq(campaignSources.id, row.id));
    // The summary shows a source's health: recompute it when that health changes.
    if (row.lastErrorKind !== kind) await emitSummaryChange(tx, row.campaignId);
  });
}

async function emitSummaryChange(tx: Tx, campaignId: number) {
  await emit(tx, { name: "relais/campaign.changed", data: { campaignId } });
}

/** Stores a source's messages and saves its position, in one short transaction. */
async function commitSource(
  db: Db,
  campaign: CampaignRow,
  row: CampaignSource,
  fetched: SourceFetchResult,
  month: string,
  intervalMs: number,
  clock: () => Date,
): Promise<StoreCounts> {
  return db.transaction(async (tx) => {
    // Serialises ingestion of one campaign across hosts for the length of this transaction.
    await tx.execute(sql`select pg_advisory_xact_lock(1, ${campaign.id})`);
    const now = clock();
    const counts = await storeBatch(tx, campaign, fetched.messages, now);
    const next = nextPollAfterSuccess(now, intervalMs, fetched, row.kind);
    const { posts, users, dmEvents } = fetched.reads;
    const sameMonth = sql`${campaignSources.usageMonth} = ${month}`;
    // Another poller may have moved this source meanwhile: its position then wins (our messages
    // were stored idempotently all the same), so a position never goes backwards.
    const unchanged = sql`(${campaignSources.cursor}, ${campaignSources.pageToken}, ${campaignSources.pendingCursor}) is not distinct from (${row.cursor}::text, ${row.pageToken}::text, ${row.pendingCursor}::text)`;
    const p = fetched.position;
    await tx
      .update(campaignSources)
      .set({
        cursor: sql`case when ${unchanged} then ${p.cursor}::text else ${campaignSources.cursor} end`,
        pageToken: sql`case when ${unchanged} then ${p.pageToken}::text else ${campaignSources.pageToken} end`,
        pendingCursor: sql`case when ${unchanged} then ${p.pendingCursor}::text else ${campaignSources.pendingCursor} end`,
        lastPolledAt: now,
        lastSuccessAt: now,
        lastError: null,
        lastErrorKind: null,
        nextPollAt: next,
        usageMonth: month,
        postsRead: sql`case when ${sameMonth} then ${campaignSources.postsRead} + ${posts} else ${posts} end`,
        usersRead: sql`case when ${sameMonth} then ${campaignSources.usersRead} + ${users} else ${users} end`,
        dmEventsRead: sql`case when ${sameMonth} then ${campaignSources.dmEventsRead} + ${dmEvents} else ${dmEvents} end`,
        messagesStored: sql`${campaignSources.messagesStored} + ${counts.newMessages}`,
        updatedAt: now,
      })
      .where(eq(campaignSources.id, row.id));
    if (row.lastErrorKind) await emitSummaryChange(tx, campaign.id);
    return counts;
  });
}
