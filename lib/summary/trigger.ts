import { dispatch } from "@/lib/jobs/dispatch";

// Above this many campaigns one "all campaigns" run (a fixed number of queries) is cheaper than
// one run per campaign.
const MANY = 20;

/**
 * Asks for a summary recomputation after a configuration change has committed: of one campaign,
 * or of every campaign when `campaignId` is absent. Runs in the background (Inngest or the
 * embedded runner); the 5-minute cron catches anything a lost request missed.
 */
export async function requestSummaryRecompute(campaignId?: number): Promise<void> {
  await dispatch({ name: "relais/campaign.changed", data: campaignId === undefined ? {} : { campaignId } });
}

/** The same for the campaigns using a changed object (queue, schedule, skill…). */
export async function requestSummaryRecomputeFor(campaignIds: number[]): Promise<void> {
  const ids = [...new Set(campaignIds)];
  if (ids.length === 0) return;
  if (ids.length > MANY) return requestSummaryRecompute();
  await dispatch(ids.map((campaignId) => ({ name: "relais/campaign.changed" as const, data: { campaignId } })));
}
