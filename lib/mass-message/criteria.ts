// Criteria → recipients: a Facebook campaign's contacts (the people who wrote to its page),
// filtered by the criteria, each classified against the 2026 Messenger rules (NETWORKS.md): a page
// may message a person only within 24 h of that person's last message; HUMAN_AGENT (up to 7 days)
// is for a person answering, never for a bulk send. Blacklisted contacts are left out entirely.
import { eq, sql, type SQL } from "drizzle-orm";
import { rows, type Db, type Tx } from "@/db/client";
import { campaigns, type MassMessageCriteria, type NotSendableReason } from "@/db/schema";
import { customerFileTarget, type CustomerFileTarget } from "@/lib/conversations/customer-file-row";
import { MESSENGER_WINDOW_MS } from "@/lib/conversations/reply-policy";
import { qualifiedTable, quoteIdent } from "@/lib/scripts/identifiers";
import { normalizeWord } from "@/lib/blacklists/normalize";

export interface Contact {
  contactId: string;
  name: string;
  conversationId: number;
  language: string | null;
  /** The person's last Messenger message to the page; null = no Messenger thread (a commenter). */
  lastInboundAt: Date | null;
  qualificationStatusId: number | null;
  qualificationCategory: string | null;
  /** Null when sendable now. */
  reason: NotSendableReason | null;
  windowEndsAt: Date | null;
}

/** A last message asking to stop (Messenger's convention for opting out of a page's messages). */
const OPT_OUT = /^(stop|arret|unsubscribe|desabonner|desinscrire|desinscription|stop all)$/;

export function isOptOut(text: string | null): boolean {
  if (!text) return false;
  return OPT_OUT.test(normalizeWord(text).replace(/[!.?\s]+$/g, ""));
}

/**
 * Whether a person may get a bulk message at `now`: inside 24 h of his last message (the boundary
 * belongs to the window, as in the reply policy), never with a tag.
 */
export function classify(
  lastInboundAt: Date | null,
  lastText: string | null,
  now: Date,
): { reason: NotSendableReason | null; windowEndsAt: Date | null } {
  if (!lastInboundAt) return { reason: "no_thread", windowEndsAt: null };
  const windowEndsAt = new Date(lastInboundAt.getTime() + MESSENGER_WINDOW_MS);
  if (isOptOut(lastText)) return { reason: "opted_out", windowEndsAt };
  if (now.getTime() > windowEndsAt.getTime()) return { reason: "window_closed", windowEndsAt };
  return { reason: null, windowEndsAt };
}

export class CriteriaError extends Error {}

async function campaignTarget(db: Db | Tx, campaignId: number): Promise<CustomerFileTarget | null> {
  const [c] = await db.select({ scriptVersionId: campaigns.scriptVersionId }).from(campaigns).where(eq(campaigns.id, campaignId));
  return customerFileTarget(db, c?.scriptVersionId ?? null);
}

/** The customer-file columns a criterion may name (the campaign's production script's file). */
export async function criteriaColumns(db: Db | Tx, campaignId: number): Promise<string[]> {
  const target = await campaignTarget(db, campaignId);
  return target ? target.mapping.columns.map((c) => c.column) : [];
}

function fieldConditions(target: CustomerFileTarget | null, fields: MassMessageCriteria["fields"]): SQL[] {
  if (!fields?.length) return [];
  const columns = new Set(target?.mapping.columns.map((c) => c.column) ?? []);
  return fields.map((f) => {
    if (!target || !columns.has(f.column)) throw new CriteriaError(f.column);
    const table = sql.raw(qualifiedTable(target.schemaName, target.tableName));
    const column = sql.raw(quoteIdent(f.column));
    return sql`exists (select 1 from customer_file_links l join ${table} t on t.contact_guid = l.contact_guid
                where l.schema_name = ${target.schemaName} and l.table_name = ${target.tableName} and l.network = 'facebook'
                  and l.author_id = x.author_id and lower(t.${column}::text) = lower(${f.value}))`;
  });
}

/** The campaign's contacts matching the criteria, each with what the rules allow at `now`. */
export async function findContacts(db: Db | Tx, campaignId: number, criteria: MassMessageCriteria, now: Date): Promise<Contact[]> {
  const target = await campaignTarget(db, campaignId);
  const where: SQL[] = [sql`not x.blacklisted`];
  if (criteria.lastMessageFrom)
    where.push(sql`coalesce(x.last_at, x.first_at) >= ${new Date(criteria.lastMessageFrom).toISOString()}::timestamptz`);
  if (criteria.lastMessageTo)
    where.push(sql`coalesce(x.last_at, x.first_at) < ${new Date(criteria.lastMessageTo).toISOString()}::timestamptz`);
  if (criteria.languages?.length)
    where.push(sql`x.language in (select json_array_elements_text(${JSON.stringify(criteria.languages)}::json))`);
  if (criteria.qualificationStatusIds?.length)
    where.push(
      sql`x.status_id in (select json_array_elements_text(${JSON.stringify(criteria.qualificationStatusIds.map(String))}::json)::int)`,
    );
  if (criteria.qualificationCategories?.length)
    where.push(sql`x.category in (select json_array_elements_text(${JSON.stringify(criteria.qualificationCategories)}::json))`);
  where.push(...fieldConditions(target, criteria.fields));

  const found = await rows<{
    author_id: string;
    author_name: string;
    conversation_id: number;
    language: string | null;
    last_at: string | Date | null;
    last_text: string | null;
    status_id: number | null;
    category: string | null;
  }>(
    db,
    // One pass: the campaign's conversations, each joined to its inbound Messenger messages by
    // index, grouped by person. (Joining separately aggregated lists let the planner, without
    // statistics on a fresh table, re-aggregate one list for every row of the other.)
    sql`select * from (
          select c.author_id,
            (array_agg(c.author_name order by c.id desc))[1] as author_name,
            max(c.id) as conversation_id,
            (array_agg(c.language order by c.id desc))[1] as language,
            min(c.created_at) as first_at,
            bool_or(c.filtered_term is not null and c.released_at is null) as blacklisted,
            max(coalesce(m.network_created_at, m.created_at)) as last_at,
            (array_agg(m.text order by coalesce(m.network_created_at, m.created_at) desc, m.id desc) filter (where m.id is not null))[1] as last_text,
            (array_agg(c.qualification_status_id order by c.closed_at desc nulls last, c.id desc) filter (where c.qualification_status_id is not null))[1] as status_id,
            (array_agg(c.qualification_category order by c.closed_at desc nulls last, c.id desc) filter (where c.qualification_status_id is not null))[1] as category
          from conversations c
          left join messages m on m.conversation_id = c.id and m.direction = 'in' and m.source_kind = 'fb_messenger'
          where c.campaign_id = ${campaignId} and c.network = 'facebook'
          group by c.author_id
        ) x
        where ${sql.join(where, sql` and `)}
        order by x.author_id`,
  );
  return found.map((r) => {
    const lastInboundAt = r.last_at ? new Date(r.last_at) : null;
    const { reason, windowEndsAt } = classify(lastInboundAt, r.last_text, now);
    return {
      contactId: r.author_id,
      name: r.author_name,
      conversationId: Number(r.conversation_id),
      language: r.language,
      lastInboundAt,
      qualificationStatusId: r.status_id === null ? null : Number(r.status_id),
      qualificationCategory: r.category,
      reason,
      windowEndsAt,
    };
  });
}

export interface RecipientCount {
  total: number;
  sendable: number;
  notSendable: Record<NotSendableReason, number>;
}

export function countOf(contacts: Contact[]): RecipientCount {
  const notSendable: Record<NotSendableReason, number> = { window_closed: 0, no_thread: 0, opted_out: 0, window_expired: 0 };
  let sendable = 0;
  for (const c of contacts) {
    if (c.reason) notSendable[c.reason]++;
    else sendable++;
  }
  return { total: contacts.length, sendable, notSendable };
}
