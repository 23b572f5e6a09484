import { sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import type { Light } from "@/db/schema/summary";

export const CHANNEL = "relais_events";

/**
 * What is pushed to browsers. Ids only, never content: every receiver re-reads what it is
 * allowed to see through its own checked queries.
 */
export type LiveEvent =
  | { type: "conversation.queued"; conversationId: number; campaignId: number }
  | { type: "conversation.assigned"; conversationId: number; agentId: number }
  | { type: "conversation.updated"; conversationId: number; agentId: number | null }
  | { type: "conversation.closed"; conversationId: number; agentId: number | null }
  | { type: "agent.presence"; agentId: number; state: string }
  | { type: "campaign.summary"; campaignId: number; overall: Light }
  | { type: "campaign.state"; campaignId: number; state: "running" | "stopped" };

/** NOTIFY inside the caller's transaction: listeners hear it only if the transaction commits. */
export async function notify(db: Db | Tx, event: LiveEvent): Promise<void> {
  await db.execute(sql`select pg_notify(${CHANNEL}, ${JSON.stringify(event)})`);
}
