import { sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { events as eventsTable } from "@/db/schema/jobs";
import { isLive, toLiveMessage, type EventPayload } from "./types";

/** The channel browsers' streams listen on (lib/realtime/bus.ts). */
export const LIVE_CHANNEL = "relais_events";
/** Wakes the job runner (or the Inngest forwarder) of every host when an event commits. */
export const WAKE_CHANNEL = "relais_jobs";

/**
 * Records events in the caller's transaction, and so commits them with the change or not at
 * all: a rolled-back mutation leaves no event, a crash after the commit loses none.
 *
 * The live push happens here, in the same transaction: NOTIFY is delivered by PostgreSQL only
 * on commit, which is exactly the live listener's contract, and needs no runner. Every other
 * listener is a job triggered by the stored row: the embedded runner turns it into job runs,
 * or the Inngest forwarder sends it to Inngest, both after the commit (lib/jobs/outbox.ts).
 */
export async function emit(db: Db | Tx, events: EventPayload | EventPayload[]): Promise<number[]> {
  const list = Array.isArray(events) ? events : [events];
  if (list.length === 0) return [];
  const stored = await db
    .insert(eventsTable)
    .values(list.map((e) => ({ name: e.name, data: e.data as Record<string, unknown>, runAt: e.ts ? new Date(e.ts) : null })))
    .returning({ id: eventsTable.id });
  // One statement for every notification (a summary run may tell about 1,000 campaigns).
  // PostgreSQL folds identical notifications of one transaction into one: one wake-up per commit.
  const notes = [...list.filter(isLive).map((e) => ({ c: LIVE_CHANNEL, p: JSON.stringify(toLiveMessage(e)) })), { c: WAKE_CHANNEL, p: "" }];
  await db.execute(sql`select pg_notify(n.c, n.p) from json_to_recordset(${JSON.stringify(notes)}::json) as n(c text, p text)`);
  return stored.map((e) => e.id);
}
