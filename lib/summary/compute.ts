// Computes and stores campaign summaries, tells the browsers which ones changed, and stops any
// running campaign whose summary is red (a red campaign cannot run), telling the admins why.
import { and, eq, inArray, sql } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import { adminNotifications, campaigns, campaignSummaries, type SummaryElement } from "@/db/schema";
import { recordAudit, type AuditActor } from "@/lib/admin/audit";
import { emit } from "@/lib/events/emit";
import { computeSummary } from "./rules";
import { loadCampaignSnapshots } from "./snapshot";
import type { CampaignSnapshot, CampaignSummary, StoredSummary } from "./types";

/** Relais itself, as the author of what it does on its own (audit trail). */
export const SYSTEM_ACTOR: AuditActor = { id: 0, login: "system" };

export const STOPPED_NOTIFICATION = "summary.notifications.campaignStopped";

export interface ComputeReport {
  computed: number;
  /** Campaigns whose summary is new or different. */
  changed: number[];
  /** Running campaigns stopped because their summary is red. */
  stopped: number[];
}

// One summary computation at a time across every host: two overlapping runs could otherwise
// store an older result last. (2, 0) lives apart from the single-key locks of migrations and seed.
const LOCK = sql`select pg_advisory_xact_lock(2, 0)`;
const UPSERT_CHUNK = 500;

/** jsonb does not keep key order: compare summaries on a canonical form. */
function canonical(elements: SummaryElement[]): string {
  return JSON.stringify(
    elements.map((e) => [e.element, e.light, e.reason, e.fix, Object.entries(e.params ?? {}).sort(([a], [b]) => a.localeCompare(b))]),
  );
}

async function stopRedCampaigns(tx: Tx, results: { snapshot: CampaignSnapshot; summary: CampaignSummary }[], now: Date): Promise<number[]> {
  const red = results.filter((r) => r.snapshot.state === "running" && r.summary.overall === "red");
  if (red.length === 0) return [];
  const stopped = await tx
    .update(campaigns)
    .set({ state: "stopped", updatedAt: now })
    .where(
      and(
        inArray(
          campaigns.id,
          red.map((r) => r.snapshot.id),
        ),
        eq(campaigns.state, "running"),
      ),
    )
    .returning({ id: campaigns.id, name: campaigns.name });
  const byId = new Map(red.map((r) => [r.snapshot.id, r.summary]));
  const blocking = (id: number) => byId.get(id)!.elements.filter((e) => e.light === "red");
  if (stopped.length === 0) return [];
  await tx.insert(adminNotifications).values(
    stopped.map((c) => ({
      campaignId: c.id,
      kind: "campaign.stopped",
      message: STOPPED_NOTIFICATION,
      params: {
        campaign: c.name,
        elements: blocking(c.id)
          .map((e) => e.element)
          .join(","),
      },
    })),
  );
  for (const c of stopped) {
    const reasons = blocking(c.id).map((e) => ({ element: e.element, reason: e.reason, params: e.params ?? {} }));
    await recordAudit(tx, SYSTEM_ACTOR, {
      action: "update",
      objectType: "campaign",
      objectId: c.id,
      label: `${c.name} — stop`,
      before: { state: "running" },
      after: { state: "stopped", because: "summary.red", reasons },
    });
  }
  return stopped.map((c) => c.id);
}

async function run(campaignIds?: number[]): Promise<ComputeReport & { summaries: Map<number, StoredSummary> }> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    await tx.execute(LOCK);
    // Read after the lock: this run sees everything committed by the run before it.
    const snapshots = await loadCampaignSnapshots(tx, campaignIds);
    const summaries = new Map<number, StoredSummary>();
    if (snapshots.length === 0) return { computed: 0, changed: [], stopped: [], summaries };
    const ids = snapshots.map((s) => s.id);
    const previous = await tx
      .select({ campaignId: campaignSummaries.campaignId, overall: campaignSummaries.overall, elements: campaignSummaries.elements })
      .from(campaignSummaries)
      .where(inArray(campaignSummaries.campaignId, ids));
    const before = new Map(previous.map((p) => [p.campaignId, p]));
    const now = new Date();
    const results = snapshots.map((snapshot) => ({ snapshot, summary: computeSummary(snapshot) }));

    const changed = new Set(
      results
        .filter(({ snapshot, summary }) => {
          const old = before.get(snapshot.id);
          return !old || old.overall !== summary.overall || canonical(old.elements) !== canonical(summary.elements);
        })
        .map((r) => r.snapshot.id),
    );
    const rowsToWrite = results.map(({ snapshot, summary }) => ({
      campaignId: snapshot.id,
      overall: summary.overall,
      elements: summary.elements,
      computedAt: now,
    }));
    // Only changed summaries are rewritten; the others just record that they were checked now.
    const changedRows = rowsToWrite.filter((r) => changed.has(r.campaignId));
    for (let i = 0; i < changedRows.length; i += UPSERT_CHUNK) {
      await tx
        .insert(campaignSummaries)
        .values(changedRows.slice(i, i + UPSERT_CHUNK))
        .onConflictDoUpdate({
          target: campaignSummaries.campaignId,
          set: { overall: sql`excluded.overall`, elements: sql`excluded.elements`, computedAt: sql`excluded.computed_at` },
        });
    }
    const unchanged = ids.filter((id) => !changed.has(id));
    if (unchanged.length)
      await tx.update(campaignSummaries).set({ computedAt: now }).where(inArray(campaignSummaries.campaignId, unchanged));
    const stopped = await stopRedCampaigns(tx, results, now);

    const overallById = new Map(results.map((r) => [r.snapshot.id, r.summary.overall]));
    const toTell = [...new Set([...changed, ...stopped])];
    // One insert and one NOTIFY statement whatever the number: a first computation of 1,000
    // campaigns tells about 1,000 summaries.
    await emit(
      tx,
      toTell.map((campaignId) => ({
        name: "relais/campaign.summary" as const,
        data: { campaignId, overall: overallById.get(campaignId)! },
      })),
    );
    for (const r of rowsToWrite)
      summaries.set(r.campaignId, { campaignId: r.campaignId, overall: r.overall, elements: r.elements, computedAt: now });
    return { computed: results.length, changed: [...changed], stopped, summaries };
  });
}

/** Recomputes the summaries of the given campaigns (every non-archived campaign when absent). */
export async function computeCampaignSummaries(campaignIds?: number[]): Promise<ComputeReport> {
  const { computed, changed, stopped } = await run(campaignIds);
  return { computed, changed, stopped };
}

/** Recomputes one campaign's summary now and returns it (e.g. before starting the campaign). */
export async function computeCampaignSummary(campaignId: number): Promise<StoredSummary> {
  const { summaries } = await run([campaignId]);
  const summary = summaries.get(campaignId);
  if (!summary) {
    // Loaded only here: lib/auth pulls next-auth, which scripts run with tsx (the benchmark) cannot load.
    const { ActionError } = await import("@/lib/auth/action");
    throw new ActionError("adminCommon.errors.notFound");
  }
  return summary;
}

/**
 * The stored summaries of these campaigns, by id. A campaign not computed yet (just created,
 * before the background run) is computed now, so a page never shows a campaign without lights.
 */
export async function getCampaignSummaries(campaignIds: number[]): Promise<Map<number, StoredSummary>> {
  const result = new Map<number, StoredSummary>();
  if (campaignIds.length === 0) return result;
  const db = await getDb();
  const stored = await db.select().from(campaignSummaries).where(inArray(campaignSummaries.campaignId, campaignIds));
  for (const s of stored) result.set(s.campaignId, s);
  const missing = campaignIds.filter((id) => !result.has(id));
  if (missing.length) for (const [id, s] of (await run(missing)).summaries) result.set(id, s);
  return result;
}

export async function getCampaignSummary(campaignId: number): Promise<StoredSummary | null> {
  return (await getCampaignSummaries([campaignId])).get(campaignId) ?? null;
}
