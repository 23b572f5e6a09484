import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { campaigns, pollCursors, type CampaignState } from "@/db/schema";
import { ActionError } from "@/lib/auth/action";
import { recordAudit, type AuditActor } from "@/lib/admin/audit";
import type { Translate } from "@/lib/i18n/translate";
import { computeCampaignSummary, describeElement, elementName } from "@/lib/summary";
import { emit } from "@/lib/events/emit";

async function setState(actor: AuditActor, id: number, state: CampaignState) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(campaigns)
      .where(and(eq(campaigns.id, id), isNull(campaigns.archivedAt)))
      .for("update");
    if (!before) throw new ActionError("adminCommon.errors.notFound");
    if (before.state === state) return before;
    const [after] = await tx.update(campaigns).set({ state, updatedAt: new Date() }).where(eq(campaigns.id, id)).returning();
    // A campaign just started is polled at the next scheduler tick, not after a full interval.
    if (state === "running") await tx.update(pollCursors).set({ nextPollAt: null }).where(eq(pollCursors.campaignId, id));
    await recordAudit(tx, actor, {
      action: "update",
      objectType: "campaign",
      objectId: id,
      label: `${after.name} — ${state === "running" ? "start" : "stop"}`,
      before: { state: before.state },
      after: { state },
    });
    // Other admins' campaign lists show the new state without reloading.
    await emit(tx, { name: "relais/campaign.state", data: { campaignId: id, state } });
    return after;
  });
}

/**
 * Starts a campaign unless its summary, computed now, has a red light: then the refusal lists
 * every blocking reason in the user's language.
 */
export async function startCampaign(actor: AuditActor, id: number, t: Translate) {
  const summary = await computeCampaignSummary(id);
  const blocking = summary.elements.filter((e) => e.light === "red");
  if (summary.overall === "red" || blocking.length > 0) {
    const reasons = blocking.map((e) => `${elementName(t, e.element)} — ${describeElement(t, e)}`).join(" ; ");
    throw new ActionError("campaigns.errors.cannotStart", undefined, { reasons });
  }
  const row = await setState(actor, id, "running");
  return row;
}

/** Stopping is always allowed. */
export async function stopCampaign(actor: AuditActor, id: number) {
  const row = await setState(actor, id, "stopped");
  return row;
}
