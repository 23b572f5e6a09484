// What the campaign summary's agenda element reads of the sales-rep schedules (one query per kind).
import { and, count, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appointmentTypes, salesReps, salesRepSchedules } from "@/db/schema";
import { availableQuarterCount } from "./slots";

export async function salesRepScheduleFacts(db: Db, ids: number[]) {
  const out = new Map<number, { id: number; name: string; activeReps: number; types: number; availableQuarters: number }>();
  if (ids.length === 0) return out;
  const [schedules, reps, types] = await Promise.all([
    db
      .select({ id: salesRepSchedules.id, name: salesRepSchedules.name, greyed: salesRepSchedules.greyed })
      .from(salesRepSchedules)
      .where(inArray(salesRepSchedules.id, ids)),
    db
      .select({ scheduleId: salesReps.scheduleId, n: count() })
      .from(salesReps)
      .where(and(inArray(salesReps.scheduleId, ids), eq(salesReps.active, true), isNull(salesReps.archivedAt)))
      .groupBy(salesReps.scheduleId),
    db
      .select({ scheduleId: appointmentTypes.scheduleId, n: count() })
      .from(appointmentTypes)
      .where(inArray(appointmentTypes.scheduleId, ids))
      .groupBy(appointmentTypes.scheduleId),
  ]);
  const repsBy = new Map(reps.map((r) => [r.scheduleId, r.n]));
  const typesBy = new Map(types.map((t) => [t.scheduleId, t.n]));
  for (const s of schedules)
    out.set(s.id, {
      id: s.id,
      name: s.name,
      activeReps: repsBy.get(s.id) ?? 0,
      types: typesBy.get(s.id) ?? 0,
      availableQuarters: availableQuarterCount(s.greyed),
    });
  return out;
}
