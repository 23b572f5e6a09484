import { and, asc, eq, inArray, isNull, sql, type SQL } from "drizzle-orm";
import { getDb, rows } from "@/db/client";
import { campaigns, supervisionGroupMembers, supervisionGroups } from "@/db/schema";
import { can, type Principal } from "@/lib/auth/permissions";

/**
 * Whose figures a viewer may read. `all`: every agent and campaign (administrators, and whoever
 * holds «Reporting» with every agent in sight). `agents`: only conversations handled by these
 * agents — a supervisor's groups' agents (the same rule as the wallboard), or the agent himself
 * with «reporting.own». Campaign-wide figures that no agent handled (filtered messages) are not
 * shown to a scoped viewer.
 */
export type ReportScope = { kind: "all" } | { kind: "agents"; agentIds: number[]; own: boolean };

export function canOpenReports(viewer: Principal): boolean {
  return can(viewer, "reporting.view") || can(viewer, "reporting.own");
}

export async function reportScope(viewer: Principal): Promise<ReportScope> {
  const full = can(viewer, "reporting.view");
  const own = can(viewer, "reporting.own");
  if (full && (can(viewer, "supervision.allAgents") || viewer.role === "admin")) return { kind: "all" };
  const ids = new Set<number>();
  if (full) {
    const db = await getDb();
    const supervised = db
      .select({ groupId: supervisionGroupMembers.groupId })
      .from(supervisionGroupMembers)
      .innerJoin(supervisionGroups, and(eq(supervisionGroups.id, supervisionGroupMembers.groupId), isNull(supervisionGroups.archivedAt)))
      .where(and(eq(supervisionGroupMembers.userId, viewer.id), eq(supervisionGroupMembers.role, "supervisor")));
    const members = await db
      .select({ userId: supervisionGroupMembers.userId })
      .from(supervisionGroupMembers)
      .where(and(eq(supervisionGroupMembers.role, "agent"), inArray(supervisionGroupMembers.groupId, supervised)));
    for (const m of members) ids.add(m.userId);
  }
  if (own) ids.add(viewer.id);
  return { kind: "agents", agentIds: [...ids].sort((a, b) => a - b), own: own && !full };
}

/** One bound parameter for a list of ids (thousands of agents stay one parameter). */
export function intArray(ids: readonly number[]) {
  return sql`${`{${ids.map((id) => Math.trunc(id)).join(",")}}`}::int[]`;
}

/** The campaigns a viewer may open: all active ones, or those his agents have worked in. */
export async function reportCampaigns(scope: ReportScope): Promise<{ id: number; name: string }[]> {
  const db = await getDb();
  if (scope.kind === "all") {
    return db
      .select({ id: campaigns.id, name: campaigns.name })
      .from(campaigns)
      .where(isNull(campaigns.archivedAt))
      .orderBy(asc(campaigns.name));
  }
  if (scope.agentIds.length === 0) return [];
  return rows<{ id: number; name: string }>(
    db,
    sql`select k.id, k.name from campaigns k where k.archived_at is null and ${workedIn(sql`k.id`, scope.agentIds)} order by k.name`,
  );
}

// Either side can be the cheap one: a campaign's conversations by index, or an agent's.
function workedIn(campaignId: SQL, agentIds: readonly number[]): SQL {
  const ids = intArray(agentIds);
  return sql`(exists (select 1 from conversations c where c.campaign_id = ${campaignId} and c.qualified_by = any(${ids}))
    or exists (select 1 from assignments a join conversations c on c.id = a.conversation_id
               where a.agent_id = any(${ids}) and c.campaign_id = ${campaignId}))`;
}

/** Whether the scope lets the viewer open this campaign's report. */
export async function campaignInScope(scope: ReportScope, campaignId: number): Promise<boolean> {
  if (scope.kind === "all") return true;
  if (scope.agentIds.length === 0) return false;
  const db = await getDb();
  const [row] = await rows<{ ok: boolean }>(db, sql`select ${workedIn(sql`${campaignId}::int`, scope.agentIds)} as ok`);
  return Boolean(row?.ok);
}
