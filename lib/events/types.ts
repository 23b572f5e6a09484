import type { Light } from "@/db/schema/summary";

/**
 * The one vocabulary of what happens in Relais. A mutation emits its events in its own
 * transaction (lib/events/emit.ts); listeners do the side effects: the live push to browsers
 * (the events of LIVE_EVENTS), and the background jobs whose triggers name them (lib/jobs).
 * Names follow Inngest's `app/noun.verb`, so the same events drive Inngest functions.
 * Payloads carry ids only: whoever reacts re-reads what it may see.
 */
export type RelaisEvent =
  | { name: "relais/conversation.queued"; data: { conversationId: number; campaignId: number } }
  | { name: "relais/conversation.assigned"; data: { conversationId: number; agentId: number } }
  | { name: "relais/conversation.updated"; data: { conversationId: number; agentId: number | null } }
  | { name: "relais/conversation.closed"; data: { conversationId: number; agentId: number | null } }
  | { name: "relais/agent.presence"; data: { agentId: number; state: string } }
  | { name: "relais/campaign.summary"; data: { campaignId: number; overall: Light } }
  | { name: "relais/campaign.state"; data: { campaignId: number; state: "running" | "stopped" } }
  // Something a campaign summary reads has changed; no campaignId = every campaign.
  | { name: "relais/campaign.changed"; data: { campaignId?: number } }
  | { name: "relais/campaign.poll"; data: { campaignId: number } }
  | { name: "relais/routing.requested"; data: { reason: string } }
  // Held conversations may enter the queue: the test clock moved (lib/clock.ts); the cron covers openings.
  | { name: "relais/held.release"; data: { reason: string } }
  // Offers expire at `at` (epoch seconds): sent delayed until then, wakes the offer timeout job.
  | { name: "relais/offers.expiring"; data: { at: number } }
  // Sent with `ts` = the callback's due time: the delayed run gives the conversation back then.
  | { name: "relais/callback.due"; data: { callbackId: number } }
  // An outbox row is due for a delivery attempt (lib/outbox); `ts` delays a retry.
  | { name: "relais/outbox.queued"; data: { outboxId: number } }
  | { name: "relais/config.changed"; data: ConfigChange }
  // Every session of the user ended (new password, archived, a right removed): lib/auth/revoke.ts.
  | { name: "relais/user.revoked"; data: { userId: number } }
  // One session signed out: its live streams close (app/api/stream).
  | { name: "relais/user.signedOut"; data: { userId: number; sessionId: string } }
  // An appointment was booked, moved or cancelled for a sales rep (the agendas and booking panels refresh).
  | { name: "relais/appointment.changed"; data: { appointmentId: number; repId: number; change: "booked" | "moved" | "cancelled" } }
  // A mass message was started or resumed: the delivery job (lib/jobs/functions/deliver-mass-message.ts) runs it.
  | { name: "relais/massMessage.started"; data: { massMessageId: number } }
  // A mass message's counts or state moved: its progress bar re-reads them.
  | { name: "relais/massMessage.progress"; data: { massMessageId: number; campaignId: number } };

/**
 * A configuration object was created, changed, archived or deleted (every audited change is
 * one: lib/admin/audit.ts). Listeners work out what it touches, e.g. which campaign summaries
 * read it (lib/summary/dependents.ts).
 */
export interface ConfigChange {
  /** The audit log's object type: "queue", "work_schedule", "campaign", "agent"… */
  object: string;
  ids: number[];
  /** The campaign the object belongs to, for a campaign's own children (predefined responses…). */
  campaignId?: number;
  /** For an agent: the skills it held before or after the change. */
  skillIds?: number[];
}

export type RelaisEventName = RelaisEvent["name"];

/** An event as sent: `ts` (Inngest's field) delays the runs it triggers until then, in ms. */
export type EventPayload = RelaisEvent & { ts?: number };
export type EventOf<N extends RelaisEventName> = Extract<RelaisEvent, { name: N }>;

/** The events pushed to browsers as they commit. */
export const LIVE_EVENTS = [
  "relais/conversation.queued",
  "relais/conversation.assigned",
  "relais/conversation.updated",
  "relais/conversation.closed",
  "relais/agent.presence",
  "relais/campaign.summary",
  "relais/campaign.state",
  // Read by the stream itself (lib/realtime/stream.ts) to close a user's connections; never forwarded.
  "relais/user.revoked",
  "relais/user.signedOut",
  "relais/appointment.changed",
  "relais/massMessage.progress",
] as const satisfies readonly RelaisEventName[];

type LiveName = (typeof LIVE_EVENTS)[number];
type ShortName<N extends string> = N extends `relais/${infer S}` ? S : never;

/**
 * What a browser receives for a live event: the same event, flattened to `{ type, ...ids }`
 * (the SSE payload components/live reads). Not a second vocabulary: derived from RelaisEvent.
 */
export type LiveMessage = {
  [N in LiveName]: { type: ShortName<N> } & EventOf<N>["data"];
}[LiveName];

const live = new Set<string>(LIVE_EVENTS);

export function isLive(event: RelaisEvent): event is EventOf<LiveName> {
  return live.has(event.name);
}

export function toLiveMessage(event: EventOf<LiveName>): LiveMessage {
  return { type: event.name.slice("relais/".length), ...event.data } as LiveMessage;
}
