/** Every background event Relais sends, with its payload. Names follow Inngest's `app/noun.verb`. */
export type RelaisEvent =
  | { name: "relais/campaign.poll"; data: { campaignId: number } }
  | { name: "relais/routing.requested"; data: { reason: string } }
  // Something a campaign summary reads has changed; no campaignId = every campaign.
  | { name: "relais/campaign.changed"; data: { campaignId?: number } };

export type RelaisEventName = RelaisEvent["name"];

/** What a job handler needs from a runner: the subset of Inngest's step tools Relais uses. */
export interface JobStep {
  run<T>(id: string, fn: () => Promise<T>): Promise<T>;
  sendEvent(id: string, events: RelaisEvent | RelaisEvent[]): Promise<unknown>;
}

export interface JobContext<E = { name: string; data: Record<string, unknown> }> {
  event: E;
  step: JobStep;
}

/**
 * A job as both runners see it: Inngest gets `id`, `triggers` and `concurrency` as function
 * options; the embedded runner reads the same fields, plus `embeddedEveryMs` for crons because
 * one host can afford a finer tick than Inngest's one-minute cron.
 */
export interface JobDefinition {
  id: string;
  triggers: ({ event: RelaisEventName } | { cron: string })[];
  concurrency?: [{ key?: string; limit: number }];
  retries?: number;
  embeddedEveryMs?: number;
  handler(ctx: JobContext): Promise<unknown>;
}
