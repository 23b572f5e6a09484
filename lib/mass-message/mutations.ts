import { and, eq, inArray, sql } from "drizzle-orm";
import { getDb, type Db, type Tx } from "@/db/client";
import { campaigns, massMessages, type MassMessage, type MassMessageStatus } from "@/db/schema";
import { ActionError } from "@/lib/auth/action-error";
import { recordAudit, type AuditActor } from "@/lib/admin/audit";
import { customerFileTarget } from "@/lib/conversations/customer-file-row";
import { emit } from "@/lib/events/emit";
import { now as clockNow } from "@/lib/clock";
import { composeSchema, type ComposeInput } from "./mass-message.schema";
import { countOf, CriteriaError, findContacts, type Contact, type RecipientCount } from "./criteria";
import { customerRows, needsCustomerFile, render, valuesFor } from "./render";

/** The page's Send API rate Relais keeps to: RELAIS_FB_SEND_RATE, else the simulator's setting, else Meta's 300 per second. */
export function configuredRate(env: NodeJS.ProcessEnv = process.env): number {
  for (const raw of [env.RELAIS_FB_SEND_RATE, env.SIMULATOR_FB_SEND_RATE]) {
    const n = Number(raw);
    if (Number.isInteger(n) && n > 0) return n;
  }
  return 300;
}

async function facebookCampaign(db: Db | Tx, campaignId: number) {
  const [c] = await db
    .select({ id: campaigns.id, name: campaigns.name, type: campaigns.type, scriptVersionId: campaigns.scriptVersionId })
    .from(campaigns)
    .where(eq(campaigns.id, campaignId));
  if (!c) throw new ActionError("massMessage.errors.noCampaign");
  if (c.type !== "facebook") throw new ActionError("massMessage.errors.notFacebook");
  return c;
}

async function contactsOf(db: Db | Tx, input: ComposeInput, at: Date): Promise<Contact[]> {
  try {
    return await findContacts(db, input.campaignId, input.criteria, at);
  } catch (err) {
    if (err instanceof CriteriaError)
      throw new ActionError("massMessage.errors.unknownColumn", { criteria: ["massMessage.errors.unknownColumn"] });
    throw err;
  }
}

/** The live count the composer shows as criteria change. */
export async function countRecipients(input: ComposeInput): Promise<RecipientCount> {
  const parsed = composeSchema.parse(input);
  const db = await getDb();
  await facebookCampaign(db, parsed.campaignId);
  return countOf(await contactsOf(db, parsed, clockNow()));
}

export interface Preview {
  contacts: { contactId: string; name: string; sendable: boolean }[];
  contactId: string | null;
  name: string | null;
  text: string;
  template: ComposeInput["template"];
  sendable: boolean;
}

/** The message as the chosen recipient (by default the first sendable one) will see it. */
export async function previewFor(input: ComposeInput & { contactId?: string }): Promise<Preview> {
  const parsed = composeSchema.parse(input);
  const db = await getDb();
  const campaign = await facebookCampaign(db, parsed.campaignId);
  const contacts = await contactsOf(db, parsed, clockNow());
  const chosen = contacts.find((c) => c.contactId === input.contactId) ?? contacts.find((c) => !c.reason) ?? contacts[0] ?? null;
  const target = await customerFileTarget(db, campaign.scriptVersionId);
  const row = chosen ? ((await customerRows(db, target, [chosen.contactId])).get(chosen.contactId) ?? null) : null;
  const values = valuesFor(chosen ?? { name: "" }, campaign.name, row);
  const t = parsed.template;
  return {
    contacts: contacts.slice(0, 200).map((c) => ({ contactId: c.contactId, name: c.name, sendable: !c.reason })),
    contactId: chosen?.contactId ?? null,
    name: chosen?.name ?? null,
    text: render(parsed.text, values),
    template: t ? { ...t, title: render(t.title, values), subtitle: t.subtitle ? render(t.subtitle, values) : t.subtitle } : null,
    sendable: chosen ? !chosen.reason : false,
  };
}

const CHUNK = 5_000;

/**
 * Creates the send and its recipient rows (one per person: `pending`, or `not_sendable` with the
 * reason), audited with its criteria and counts, and starts the delivery job, in one transaction.
 */
export async function startMassMessage(actor: AuditActor, input: ComposeInput): Promise<{ id: number; counts: RecipientCount }> {
  const parsed = composeSchema.parse(input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const campaign = await facebookCampaign(tx, parsed.campaignId);
    const at = clockNow();
    const template = parsed.template
      ? { ...parsed.template, imageUrl: parsed.template.imageUrl || undefined, subtitle: parsed.template.subtitle || undefined }
      : null;
    const [mm] = await tx
      .insert(massMessages)
      .values({
        campaignId: campaign.id,
        sendType: parsed.sendType,
        text: parsed.text,
        template: parsed.sendType === "messenger" ? template : null,
        criteria: parsed.criteria,
        status: "running",
        ratePerSecond: configuredRate(),
        postState: parsed.sendType === "page_post" ? "pending" : null,
        createdBy: actor.id || null,
        startedBy: actor.id || null,
        startedAt: at,
        createdAt: at,
        updatedAt: at,
      })
      .returning();
    let counts: RecipientCount = {
      total: 0,
      sendable: 0,
      notSendable: { window_closed: 0, no_thread: 0, opted_out: 0, window_expired: 0 },
    };
    if (parsed.sendType === "messenger") {
      const contacts = await contactsOf(tx, parsed, at);
      counts = countOf(contacts);
      const target = needsCustomerFile(parsed.text) ? await customerFileTarget(tx, campaign.scriptVersionId) : null;
      for (let i = 0; i < contacts.length; i += CHUNK) {
        const chunk = contacts.slice(i, i + CHUNK);
        const files = await customerRows(
          tx,
          target,
          chunk.map((c) => c.contactId),
        );
        const list = chunk.map((c) => ({
          contact_id: c.contactId,
          contact_name: c.name,
          conversation_id: c.conversationId,
          language: c.language,
          last_inbound_at: c.lastInboundAt?.toISOString() ?? null,
          window_ends_at: c.windowEndsAt?.toISOString() ?? null,
          rendered_text: c.reason ? "" : render(parsed.text, valuesFor(c, campaign.name, files.get(c.contactId) ?? null)),
          status: c.reason ? "not_sendable" : "pending",
          reason: c.reason,
        }));
        await tx.execute(
          sql`insert into mass_message_recipients (mass_message_id, contact_id, contact_name, conversation_id, language, last_inbound_at,
                window_ends_at, rendered_text, status, reason)
              select ${mm.id}, x.contact_id, x.contact_name, x.conversation_id, x.language, x.last_inbound_at, x.window_ends_at,
                x.rendered_text, x.status, x.reason
              from json_to_recordset(${JSON.stringify(list)}::json) as x(contact_id text, contact_name text, conversation_id int,
                language text, last_inbound_at timestamptz, window_ends_at timestamptz, rendered_text text, status text, reason text)
              on conflict (mass_message_id, contact_id) do nothing`,
        );
      }
      const notSendable = counts.total - counts.sendable;
      await tx
        .update(massMessages)
        .set({
          totalCount: counts.total,
          notSendableCount: notSendable,
          ...(counts.sendable === 0 ? { status: "done" as const, finishedAt: at } : {}),
        })
        .where(eq(massMessages.id, mm.id));
    }
    await recordAudit(tx, actor, {
      action: "create",
      objectType: "mass_message",
      objectId: mm.id,
      label: `${campaign.name} #${mm.id}`,
      after: {
        campaignId: campaign.id,
        sendType: parsed.sendType,
        text: parsed.text,
        template,
        criteria: parsed.criteria,
        total: counts.total,
        sendable: counts.sendable,
        notSendable: counts.notSendable,
      },
    });
    await emit(tx, [
      { name: "relais/massMessage.started", data: { massMessageId: mm.id } },
      { name: "relais/massMessage.progress", data: { massMessageId: mm.id, campaignId: campaign.id } },
    ]);
    return { id: mm.id, counts };
  });
}

const TRANSITIONS: Record<"pause" | "resume" | "cancel", { from: MassMessageStatus[]; to: MassMessageStatus }> = {
  pause: { from: ["running"], to: "paused" },
  resume: { from: ["paused"], to: "running" },
  cancel: { from: ["draft", "running", "paused"], to: "cancelled" },
};

/**
 * Pause, resume or cancel: one conditional update, so two admins clicking at once get one change
 * and one clear refusal. A delivery in progress sees the new state at its next batch; the rows it
 * already claimed are recorded, nothing else is sent.
 */
export async function changeMassMessage(actor: AuditActor, id: number, change: keyof typeof TRANSITIONS): Promise<MassMessage> {
  const db = await getDb();
  const { from, to } = TRANSITIONS[change];
  return db.transaction(async (tx) => {
    const at = clockNow();
    const [mm] = await tx
      .update(massMessages)
      .set({
        status: to,
        updatedAt: at,
        // The network's wait (`throttled_until`) is kept: a send resumed while the page is still
        // throttled waits for it. Resumed: the reason a delivery paused itself (a refused token) is behind it.
        ...(to === "running" ? { errorReason: null } : {}),
        ...(to === "cancelled" ? { finishedAt: at } : {}),
      })
      .where(and(eq(massMessages.id, id), inArray(massMessages.status, from)))
      .returning();
    if (!mm) throw new ActionError("massMessage.errors.wrongState");
    const [counts] = await tx
      .select({ sent: massMessages.sentCount, failed: massMessages.failedCount, notSendable: massMessages.notSendableCount })
      .from(massMessages)
      .where(eq(massMessages.id, id));
    await recordAudit(tx, actor, {
      action: "update",
      objectType: "mass_message",
      objectId: id,
      label: `#${id} ${change}`,
      before: { status: from.join("|") },
      after: { campaignId: mm.campaignId, status: to, ...counts },
    });
    const events = [{ name: "relais/massMessage.progress" as const, data: { massMessageId: id, campaignId: mm.campaignId } }];
    if (to === "running") await emit(tx, [...events, { name: "relais/massMessage.started", data: { massMessageId: id } }]);
    else await emit(tx, events);
    return mm;
  });
}
