import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { ActionError } from "@/lib/auth/action";
import { isOwnedBy } from "./access";
import { now } from "./clock";

/** The agent has seen the conversation up to its latest inbound message (clears the unread marker). */
export async function markRead(agentId: number, conversationId: number): Promise<void> {
  const db = await getDb();
  if (!(await isOwnedBy(db, agentId, conversationId))) throw new ActionError("workspace.errors.notYours");
  await db.execute(
    sql`insert into conversation_reads (conversation_id, agent_id, last_read_message_id, read_at)
        select ${conversationId}, ${agentId}, coalesce(max(id), 0), ${now().toISOString()} from messages
        where conversation_id = ${conversationId} and direction = 'in'
        on conflict (conversation_id, agent_id) do update
          set last_read_message_id = greatest(conversation_reads.last_read_message_id, excluded.last_read_message_id), read_at = excluded.read_at`,
  );
}
