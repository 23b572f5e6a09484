// Figures whose facts live in the workspace's and the agenda's tables (callbacks, appointments),
// one query function each.
import { sql } from "drizzle-orm";
import { rows, type Db } from "@/db/client";
import { OVERDUE_GRACE_MS } from "@/lib/conversations/overdue";
import { now } from "@/lib/clock";
import { inIds } from "./scope";
import type { ReportRange } from "./range";
import type { ReportScope } from "./scope";

export interface CallbackFigures {
  available: boolean;
  /** Callbacks done by their time (the conversation was offered again and answered). */
  made: number;
  /** Callbacks whose time passed without anyone taking them. */
  missed: number;
}

export interface AppointmentFigures {
  available: boolean;
  booked: number;
}

/** The arguments every pending figure will filter on, as the other figures of the report do. */
export type FigureArgs = [db: Db, campaignId: number, range: ReportRange, scope: ReportScope];

/**
 * Callbacks due in the range: made = given back at their time (to the agent or the queue);
 * missed = their time passed by more than the overdue grace without being given back.
 */
export async function callbackFigures(db: Db, campaignId: number, range: ReportRange, scope: ReportScope): Promise<CallbackFigures> {
  if (scope.kind === "agents" && scope.agentIds.length === 0) return { available: true, made: 0, missed: 0 };
  const scoped = scope.kind === "agents" ? sql`and ${inIds(sql`b.agent_id`, scope.agentIds)}` : sql``;
  const overdueBefore = new Date(now().getTime() - OVERDUE_GRACE_MS).toISOString();
  const [r] = await rows<{ made: number | string; missed: number | string }>(
    db,
    sql`select count(*) filter (where b.fired_at is not null) as made,
               count(*) filter (where b.fired_at is null and b.due_at < ${overdueBefore}::timestamptz) as missed
        from callbacks b
        where b.campaign_id = ${campaignId} and b.due_at >= ${range.from.toISOString()}::timestamptz
          and b.due_at < ${range.to.toISOString()}::timestamptz ${scoped}`,
  );
  return { available: true, made: Number(r?.made ?? 0), missed: Number(r?.missed ?? 0) };
}

/** Appointments booked for the campaign in the range (by booking time), cancelled ones excluded. */
export async function appointmentFigures(db: Db, campaignId: number, range: ReportRange, scope: ReportScope): Promise<AppointmentFigures> {
  if (scope.kind === "agents" && scope.agentIds.length === 0) return { available: true, booked: 0 };
  const scoped = scope.kind === "agents" ? sql`and ${inIds(sql`a.booked_by`, scope.agentIds)}` : sql``;
  const [r] = await rows<{ booked: number | string }>(
    db,
    sql`select count(*) as booked from appointments a
        where a.campaign_id = ${campaignId} and a.cancelled_at is null
          and a.created_at >= ${range.from.toISOString()}::timestamptz and a.created_at < ${range.to.toISOString()}::timestamptz ${scoped}`,
  );
  return { available: true, booked: Number(r?.booked ?? 0) };
}
