import { and, asc, eq, isNull, max } from "drizzle-orm";
import type { z } from "zod";
import { getDb, type Tx } from "@/db/client";
import { campaigns, emailTemplates, predefinedResponses } from "@/db/schema";
import { ActionError } from "@/lib/auth/action";
import { recordAudit, type AuditActor } from "@/lib/admin/audit";
import { updateWithLock } from "@/lib/admin/mutate";
import type { childRefSchema, emailTemplateSchema, moveResponseSchema, predefinedResponseSchema } from "./campaign.schema";

// Predefined responses («Réponses prédéfinies», tab «Réception») and email templates (tab
// «Relation Client») are managed one by one beside the tab's form, each change its own
// transaction, so adding a response never conflicts with someone editing the tab's fields.

async function lockCampaign(tx: Tx, campaignId: number) {
  const [row] = await tx
    .select({ id: campaigns.id, name: campaigns.name })
    .from(campaigns)
    .where(and(eq(campaigns.id, campaignId), isNull(campaigns.archivedAt)))
    .for("update");
  if (!row) throw new ActionError("adminCommon.errors.notFound");
  return row;
}

export async function saveResponse(actor: AuditActor, input: z.output<typeof predefinedResponseSchema>) {
  const db = await getDb();
  const row = await db.transaction(async (tx) => {
    const campaign = await lockCampaign(tx, input.campaignId);
    const values = { title: input.title, text: input.text, language: input.language };
    if (input.id === undefined) {
      const [{ last }] = await tx
        .select({ last: max(predefinedResponses.position) })
        .from(predefinedResponses)
        .where(eq(predefinedResponses.campaignId, campaign.id));
      const [created] = await tx
        .insert(predefinedResponses)
        .values({ ...values, campaignId: campaign.id, position: (last ?? -1) + 1 })
        .returning();
      await recordAudit(tx, actor, {
        action: "create",
        objectType: "predefined_response",
        objectId: created.id,
        label: `${campaign.name} — ${created.title}`,
        after: created,
      });
      return created;
    }
    const { before, after } = await updateWithLock(
      tx,
      predefinedResponses,
      input.id,
      input.version,
      values,
      eq(predefinedResponses.campaignId, campaign.id),
    );
    await recordAudit(tx, actor, {
      action: "update",
      objectType: "predefined_response",
      objectId: after.id,
      label: `${campaign.name} — ${after.title}`,
      before,
      after,
    });
    return after;
  });
  return row;
}

export async function deleteResponse(actor: AuditActor, input: z.output<typeof childRefSchema>) {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const campaign = await lockCampaign(tx, input.campaignId);
    const [before] = await tx
      .delete(predefinedResponses)
      .where(and(eq(predefinedResponses.id, input.id), eq(predefinedResponses.campaignId, campaign.id)))
      .returning();
    if (!before) throw new ActionError("adminCommon.errors.notFound");
    await recordAudit(tx, actor, {
      action: "delete",
      objectType: "predefined_response",
      objectId: before.id,
      label: `${campaign.name} — ${before.title}`,
      before,
    });
  });
}

/** Swaps a response with its neighbour; positions are renumbered 0…n-1 so gaps never accumulate. */
export async function moveResponse(actor: AuditActor, input: z.output<typeof moveResponseSchema>) {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const campaign = await lockCampaign(tx, input.campaignId);
    const rows = await tx
      .select({ id: predefinedResponses.id, title: predefinedResponses.title })
      .from(predefinedResponses)
      .where(eq(predefinedResponses.campaignId, campaign.id))
      .orderBy(asc(predefinedResponses.position), asc(predefinedResponses.id));
    const from = rows.findIndex((r) => r.id === input.id);
    if (from < 0) throw new ActionError("adminCommon.errors.notFound");
    const to = input.direction === "up" ? from - 1 : from + 1;
    if (to < 0 || to >= rows.length) return;
    const before = rows.map((r) => r.id);
    [rows[from], rows[to]] = [rows[to], rows[from]];
    for (const [position, r] of rows.entries())
      await tx.update(predefinedResponses).set({ position }).where(eq(predefinedResponses.id, r.id));
    await recordAudit(tx, actor, {
      action: "update",
      objectType: "predefined_response",
      objectId: input.id,
      label: `${campaign.name} — ${rows[to].title}`,
      before: { order: before },
      after: { order: rows.map((r) => r.id) },
    });
  });
}

export async function saveEmailTemplate(actor: AuditActor, input: z.output<typeof emailTemplateSchema>) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const campaign = await lockCampaign(tx, input.campaignId);
    const values = { name: input.name, subject: input.subject, body: input.body };
    if (input.id === undefined) {
      const [created] = await tx
        .insert(emailTemplates)
        .values({ ...values, campaignId: campaign.id })
        .returning();
      await recordAudit(tx, actor, {
        action: "create",
        objectType: "email_template",
        objectId: created.id,
        label: `${campaign.name} — ${created.name}`,
        after: created,
      });
      return created;
    }
    const { before, after } = await updateWithLock(
      tx,
      emailTemplates,
      input.id,
      input.version,
      values,
      eq(emailTemplates.campaignId, campaign.id),
    );
    await recordAudit(tx, actor, {
      action: "update",
      objectType: "email_template",
      objectId: after.id,
      label: `${campaign.name} — ${after.name}`,
      before,
      after,
    });
    return after;
  });
}

export async function deleteEmailTemplate(actor: AuditActor, input: z.output<typeof childRefSchema>) {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const campaign = await lockCampaign(tx, input.campaignId);
    const [before] = await tx
      .delete(emailTemplates)
      .where(and(eq(emailTemplates.id, input.id), eq(emailTemplates.campaignId, campaign.id)))
      .returning();
    if (!before) throw new ActionError("adminCommon.errors.notFound");
    await recordAudit(tx, actor, {
      action: "delete",
      objectType: "email_template",
      objectId: before.id,
      label: `${campaign.name} — ${before.name}`,
      before,
    });
  });
}
