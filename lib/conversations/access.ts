import { sql } from "drizzle-orm";
import { rows, type Db, type Tx } from "@/db/client";
import { customerFileTarget, readCustomerRow } from "./customer-file-row";
import { ActionError } from "@/lib/auth/action";
import { acceptAssignment } from "@/lib/routing/assignments";
import { now } from "./clock";

export type OwnedConversation = {
  id: number;
  campaignId: number;
  network: string;
  authorId: string;
  authorHandle: string;
  authorName: string;
  channel: string;
  language: string | null;
  scriptVersionId: number | null;
};

/**
 * The safety rule of every workspace action: the conversation is locked and must be assigned to
 * this agent, or the action is refused (`workspace.errors.notYours`) whatever the browser sent.
 * Acting on it accepts the offer (it no longer times out) and marks a callback that came back
 * as handled.
 */
export async function ownConversation(tx: Tx, agentId: number, conversationId: number): Promise<OwnedConversation> {
  const [c] = await rows<{
    id: number;
    campaign_id: number;
    network: string;
    author_id: string;
    author_handle: string;
    author_name: string;
    channel: string;
    language: string | null;
    script_version_id: number | null;
  }>(
    tx,
    sql`select id, campaign_id, network, author_id, author_handle, author_name, channel, language, script_version_id
        from conversations
        where id = ${conversationId} and assigned_agent_id = ${agentId} and status = 'assigned'
        for update`,
  );
  if (!c) throw new ActionError("workspace.errors.notYours");
  const at = now();
  await acceptAssignment(tx, c.id, agentId, at);
  await tx.execute(
    sql`update callbacks set handled_at = ${at.toISOString()} where conversation_id = ${c.id} and handled_at is null and fired_at is not null`,
  );
  return {
    id: c.id,
    campaignId: c.campaign_id,
    network: c.network,
    authorId: c.author_id,
    authorHandle: c.author_handle,
    authorName: c.author_name,
    channel: c.channel,
    language: c.language,
    scriptVersionId: c.script_version_id,
  };
}

/** Read-only check for queries: is this conversation assigned to this agent now? */
export async function isOwnedBy(tx: Tx | Parameters<typeof rows>[0], agentId: number, conversationId: number): Promise<boolean> {
  const found = await rows<{ id: number }>(
    tx,
    sql`select id from conversations where id = ${conversationId} and assigned_agent_id = ${agentId} and status = 'assigned'`,
  );
  return found.length > 0;
}

/**
 * What a booking from the workspace may link: the conversation must be this agent's (an
 * administrator may link any) and of the campaign booked for; the customer-file row is the one
 * bound to the author, read here rather than taken from the browser.
 */
export async function conversationForBooking(
  db: Db | Tx,
  user: { id: number; isAdmin: boolean },
  conversationId: number,
  campaignId: number,
): Promise<{ customerGuid: string | null }> {
  const [c] = await rows<{ network: string; author_id: string; script_version_id: number | null }>(
    db,
    sql`select network, author_id, script_version_id from conversations
        where id = ${conversationId} and campaign_id = ${campaignId}
          and (${user.isAdmin} or (assigned_agent_id = ${user.id} and status = 'assigned'))`,
  );
  if (!c) throw new ActionError("workspace.errors.notYours");
  const target = await customerFileTarget(db, c.script_version_id);
  const row = target ? await readCustomerRow(db, target, c.network, c.author_id) : null;
  return { customerGuid: row?.contactGuid ?? null };
}
