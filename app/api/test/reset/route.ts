import { sql } from "drizzle-orm";
import { getDb, rows } from "@/db/client";
import { defineRoute } from "@/lib/auth/route";
import { resetClock, testClockEnabled } from "@/lib/clock";
import { emit } from "@/lib/events/emit";

export const dynamic = "force-dynamic";

// The browser journeys share one demo workspace: each journey that routes work starts from a
// quiet floor, as a shift would. Only when the server was started with RELAIS_TEST_CLOCK=1 (the
// journeys' server), and only for an administrator; anywhere else it does not exist.
// What it does: the clock back to real time; every conversation still in play (waiting, held,
// filtered, offered or assigned, scheduled for a callback) is closed, unqualified, with its open
// assignment ended as `released` and its pending callback handled; every agent Offline with
// nothing assigned. Nothing is deleted: reports of earlier journeys keep what they counted.
export const POST = defineRoute("admin.access", {}, async () => {
  if (!testClockEnabled()) return new Response("Not found", { status: 404 });
  resetClock();
  const db = await getDb();
  const closed = await db.transaction(async (tx) => {
    await tx.execute(sql`update assignments set state = 'ended', ended_at = now(), end_reason = 'released' where ended_at is null`);
    await tx.execute(sql`update callbacks set handled_at = now() where handled_at is null`);
    const ended = await rows<{ id: number }>(
      tx,
      sql`update conversations set status = 'closed', closed_at = now(), updated_at = now(), assigned_agent_id = null
          where status <> 'closed' returning id`,
    );
    await tx.execute(sql`update agent_presence set state = 'offline', since = now(), pause_reason = null, active_count = 0`);
    return ended.length;
  });
  await emit(db, [{ name: "relais/routing.requested", data: { reason: "clock" } }]);
  return Response.json({ closed });
});
