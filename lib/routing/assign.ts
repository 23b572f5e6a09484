import { sql } from "drizzle-orm";
import { getDb, rows } from "@/db/client";
import { emit } from "@/lib/events/emit";

export interface Assignment {
  conversationId: number;
  agentId: number;
}

/**
 * Gives each waiting conversation (highest priority, then oldest first) to the ready agent who
 * has been free the longest, up to the agent's profile capacity (max_conversations; the routing
 * branch replaces this file). Both rows are locked with
 * SKIP LOCKED and the update re-checks `status = 'waiting'`, so a conversation goes to one agent
 * only and an agent gets one conversation, whatever runs in parallel.
 */
export async function assignWaitingConversations(limit = 500): Promise<Assignment[]> {
  const db = await getDb();
  const done: Assignment[] = [];
  for (let i = 0; i < limit; i++) {
    const assigned = await db.transaction(async (tx) => {
      const [agent] = await rows<{ user_id: number }>(
        tx,
        sql`select p.user_id from agent_presence p
            join users u on u.id = p.user_id and u.archived_at is null
            where p.state = 'ready'
              and (select count(*) from conversations c where c.assigned_agent_id = p.user_id and c.status = 'assigned')
                  < coalesce((select ap.max_conversations from agent_profiles ap where ap.user_id = p.user_id), 1)
            order by p.since, p.user_id
            limit 1
            for update of p skip locked`,
      );
      if (!agent) return null;
      // The count above may come from a snapshot taken before another router committed; with
      // the agent's row now locked, a fresh statement sees every committed assignment.
      const [full] = await rows<{ full: boolean }>(
        tx,
        sql`select (select count(*) from conversations c where c.assigned_agent_id = ${agent.user_id} and c.status = 'assigned')
                   >= coalesce((select ap.max_conversations from agent_profiles ap where ap.user_id = ${agent.user_id}), 1) as full`,
      );
      if (full?.full) return "retry" as const;
      const [conversation] = await rows<{ id: number }>(
        tx,
        sql`update conversations set status = 'assigned', assigned_agent_id = ${agent.user_id},
              assigned_at = now(), updated_at = now()
            where id = (
              select c.id from conversations c
              join campaigns k on k.id = c.campaign_id
              where c.status = 'waiting' and k.state = 'running'
              order by c.priority desc, c.created_at, c.id
              limit 1
              for update of c skip locked)
            and status = 'waiting'
            returning id`,
      );
      if (!conversation) return null;
      await emit(tx, { name: "relais/conversation.assigned", data: { conversationId: conversation.id, agentId: agent.user_id } });
      return { conversationId: conversation.id, agentId: agent.user_id };
    });
    if (assigned === "retry") continue;
    if (!assigned) break;
    done.push(assigned);
  }
  return done;
}
