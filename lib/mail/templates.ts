// Email from a campaign's template («modèles de mail», tab «Relation Client»): the subject and
// body with their $VARIABLES filled, queued through the outbox in the conversation's history.
import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { campaigns, conversations, emailTemplates, users } from "@/db/schema";
import { ActionError } from "@/lib/auth/action-error";
import { interpolate, type VariableValues } from "@/lib/scripts/variables";
import { acceptAssignment } from "@/lib/routing/assignments";
import { enqueueEmail } from "./queue";

export const templateEmailSchema = z.object({
  conversationId: z.number().int().positive(),
  templateId: z.number({ message: "mail.errors.templateRequired" }).int().positive("mail.errors.templateRequired"),
  to: z.string().trim().pipe(z.email("mail.errors.invalidAddress")),
  /** The script's variables (its fields, the customer-file row), which win over the built-in ones. */
  values: z.record(z.string(), z.union([z.string(), z.array(z.string()), z.boolean()])).optional(),
  idempotencyKey: z.string().uuid().optional(),
});
export type TemplateEmailInput = z.input<typeof templateEmailSchema>;

/**
 * The variables every template may use: $AUTEUR (the author's name), $PSEUDO (handle),
 * $AGENT (the agent's name), $CAMPAGNE, $RESEAU, $EMAIL (the recipient).
 */
export function builtInValues(
  c: { authorName: string; authorHandle: string; campaignName: string; network: string },
  agentName: string,
  to: string,
): VariableValues {
  const network = c.network === "twitter" ? "X" : c.network === "facebook" ? "Facebook" : c.network;
  return { AUTEUR: c.authorName, PSEUDO: c.authorHandle, AGENT: agentName, CAMPAGNE: c.campaignName, RESEAU: network, EMAIL: to };
}

/** Fills and queues the template for an agent's own conversation; returns the outbox row. */
export async function sendTemplateEmail(agentId: number, input: TemplateEmailInput): Promise<{ outboxId: number; subject: string }> {
  const parsed = templateEmailSchema.parse(input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [c] = await tx
      .select({
        id: conversations.id,
        status: conversations.status,
        agentId: conversations.assignedAgentId,
        campaignId: conversations.campaignId,
        authorName: conversations.authorName,
        authorHandle: conversations.authorHandle,
        network: conversations.network,
        campaignName: campaigns.name,
      })
      .from(conversations)
      .innerJoin(campaigns, eq(campaigns.id, conversations.campaignId))
      .where(eq(conversations.id, parsed.conversationId));
    if (!c || c.status !== "assigned" || c.agentId !== agentId) throw new ActionError("workspace.errors.notYours");
    const [template] = await tx
      .select()
      .from(emailTemplates)
      .where(and(eq(emailTemplates.id, parsed.templateId), eq(emailTemplates.campaignId, c.campaignId)));
    if (!template) throw new ActionError("mail.errors.templateInvalid", { templateId: ["mail.errors.templateInvalid"] });
    const [agent] = await tx.select({ name: users.name }).from(users).where(eq(users.id, agentId));
    const values = { ...builtInValues(c, agent?.name ?? "", parsed.to), ...parsed.values };
    const subject = interpolate(template.subject, values).replace(/[\r\n]+/g, " ");
    const { id } = await enqueueEmail(
      tx,
      { to: parsed.to, subject, text: interpolate(template.body, values), conversationId: c.id, kind: "template" },
      { sentBy: agentId, idempotencyKey: parsed.idempotencyKey },
    );
    await acceptAssignment(tx, c.id, agentId);
    return { outboxId: id, subject };
  });
}

/** The templates of the campaign of an agent's own conversation (id and name only). */
export async function templatesForConversation(agentId: number, conversationId: number): Promise<{ id: number; name: string }[]> {
  const db = await getDb();
  const [c] = await db
    .select({ campaignId: conversations.campaignId, status: conversations.status, agentId: conversations.assignedAgentId })
    .from(conversations)
    .where(eq(conversations.id, conversationId));
  if (!c || c.status !== "assigned" || c.agentId !== agentId) throw new ActionError("workspace.errors.notYours");
  return db
    .select({ id: emailTemplates.id, name: emailTemplates.name })
    .from(emailTemplates)
    .where(eq(emailTemplates.campaignId, c.campaignId))
    .orderBy(asc(emailTemplates.name), asc(emailTemplates.id));
}
