import { asc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { agentPresence, users } from "@/db/schema";

/** Live agent states with the conversation each one is handling. */
export async function agentBoard() {
  const db = await getDb();
  return db
    .select({
      id: users.id,
      login: users.login,
      name: users.name,
      state: sql<string>`coalesce(${agentPresence.state}, 'offline')`,
      since: agentPresence.since,
      handling: sql<number>`(select count(*)::int from conversations c where c.assigned_agent_id = ${users.id} and c.status = 'assigned')`,
      closedToday: sql<number>`(select count(*)::int from conversations c where c.qualified_by = ${users.id} and c.closed_at >= date_trunc('day', now()))`,
    })
    .from(users)
    .leftJoin(agentPresence, eq(agentPresence.userId, users.id))
    .where(sql`${users.role} = 'agent' and ${users.archivedAt} is null`)
    .orderBy(asc(users.login));
}
