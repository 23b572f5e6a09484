// A campaign's filtered conversations («Filtrés»): those whose first message held a blacklist
// term. Listed on the campaign's page; an administrator may release one into the queue.
import { and, eq, sql } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import { blacklists, conversations } from "@/db/schema";
import { pagedList, type PageParams } from "@/lib/admin/list-query";
import { ActionError } from "@/lib/auth/action-error";
import { recordAudit, type AuditActor } from "@/lib/admin/audit";
import { isOpenAt } from "@/lib/calendars/hours";
import { now as clockNow } from "@/lib/clock";
import { emit } from "@/lib/events/emit";
import { campaignCalendar } from "./classify";

export const filteredSortable = ["createdAt", "author", "term"] as const;

// The first inbound message: what the customer wrote, and what the term was found in.
const firstText = sql<string>`(select m.text from messages m where m.conversation_id = ${conversations.id} and m.direction = 'in' order by m.created_at, m.id limit 1)`;

export async function listFilteredConversations(campaignId: number, params: PageParams) {
  const db = await getDb();
  return pagedList(
    db,
    { ...params, archived: undefined },
    {
      query: () =>
        db
          .select({
            id: conversations.id,
            authorHandle: conversations.authorHandle,
            authorName: conversations.authorName,
            text: firstText,
            term: conversations.filteredTerm,
            blacklistName: blacklists.name,
            createdAt: conversations.createdAt,
          })
          .from(conversations)
          .leftJoin(blacklists, eq(blacklists.id, conversations.filteredBlacklistId))
          .$dynamic(),
      where: and(eq(conversations.campaignId, campaignId), eq(conversations.status, "filtered")),
      search: [conversations.authorHandle, conversations.authorName, conversations.filteredTerm],
      sortable: {
        createdAt: conversations.createdAt,
        author: conversations.authorHandle,
        term: conversations.filteredTerm,
      },
      tiebreak: conversations.id,
    },
  );
}

/**
 * Releases a filtered conversation: into the queue (waiting since now) when the campaign is open,
 * held until opening otherwise; who released it and when are kept, and the change is audited.
 * A conversation no longer filtered (released meanwhile by another admin) is refused.
 */
export async function releaseFiltered(
  tx: Tx,
  input: { campaignId: number; conversationId: number },
  actor: AuditActor,
  at: Date = clockNow(),
): Promise<{ status: "waiting" | "held" }> {
  const [row] = await tx
    .select({ id: conversations.id, authorHandle: conversations.authorHandle, term: conversations.filteredTerm })
    .from(conversations)
    .where(
      and(eq(conversations.id, input.conversationId), eq(conversations.campaignId, input.campaignId), eq(conversations.status, "filtered")),
    )
    .for("update");
  if (!row) throw new ActionError("filtered.notFiltered");
  const calendar = await campaignCalendar(tx, input.campaignId);
  const status = calendar && !isOpenAt(calendar, at).open ? "held" : "waiting";
  await tx
    .update(conversations)
    .set({ status, waitingSince: status === "waiting" ? at : null, releasedBy: actor.id, releasedAt: at, updatedAt: at })
    .where(eq(conversations.id, row.id));
  await recordAudit(tx, actor, {
    action: "update",
    objectType: "conversation",
    objectId: row.id,
    label: `@${row.authorHandle}`,
    before: { status: "filtered", filteredTerm: row.term, campaignId: input.campaignId },
    after: { status, releasedAt: at, campaignId: input.campaignId },
  });
  if (status === "waiting") {
    await emit(tx, { name: "relais/conversation.queued", data: { conversationId: row.id, campaignId: input.campaignId } });
  }
  return { status };
}
