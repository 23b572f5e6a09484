import { z } from "zod";
import { getDb } from "@/db/client";
import { campaignSources, pollCursors } from "@/db/schema";
import { defineRoute } from "@/lib/auth/route";
import { clockOffsetMs, now, resetClock, setClockAt, setClockOffset, testClockEnabled } from "@/lib/clock";
import { emit } from "@/lib/events/emit";

export const dynamic = "force-dynamic";

// The browser journeys' handle on the server's clock (lib/clock.ts): only when the server was
// started with RELAIS_TEST_CLOCK=1, and only for an administrator. Anywhere else it does not exist.
const clockSchema = z.union([
  z.object({ at: z.iso.datetime({ offset: true }) }),
  z.object({ offsetMs: z.number().int().finite() }),
  z.object({ reset: z.literal(true) }),
]);

const notFound = () => new Response("Not found", { status: 404 });
const state = () => Response.json({ now: now().toISOString(), offsetMs: clockOffsetMs() });

export const GET = defineRoute("admin.access", {}, () => (testClockEnabled() ? state() : notFound()));

export const POST = defineRoute("admin.access", {}, async (ctx) => {
  if (!testClockEnabled()) return notFound();
  const input = clockSchema.parse(ctx.json());
  if ("at" in input) setClockAt(new Date(input.at));
  else if ("offsetMs" in input) setClockOffset(input.offsetMs);
  else resetClock();
  // Time-driven work runs now rather than at its next cron tick: held conversations, routing;
  // and every source is due again (positions computed on the old clock would otherwise be days
  // away after a jump forward and back).
  const db = await getDb();
  await db.update(pollCursors).set({ nextPollAt: null });
  await db.update(campaignSources).set({ nextPollAt: null });
  await emit(db, [
    { name: "relais/held.release", data: { reason: "clock" } },
    { name: "relais/routing.requested", data: { reason: "clock" } },
  ]);
  return state();
});
