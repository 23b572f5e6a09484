import { and, desc, eq, sql } from "drizzle-orm";
import { getDb, rows, type Tx } from "@/db/client";
import { emailTemplates, messages, scriptVersions, users } from "@/db/schema";
import { ActionError } from "@/lib/auth/action";
import { parseScriptModel } from "@/lib/scripts/migrate";
import { runAction, type Effect, type RunError, type RunState } from "@/lib/scripts/interpreter";
import type { ScriptModel } from "@/lib/scripts/model";
import { ownConversation, type OwnedConversation } from "./access";
import { customerFileTarget, readCustomerRow, saveCustomerRow } from "./customer-file-row";
import { scriptStartValues, sourcedNames } from "./script-values";
import { closeQualified } from "./qualify";
import { sendTemplateEmail } from "@/lib/mail/templates";
import type { ScriptActionInput } from "./workspace.schema";

export type ScriptActionResult = {
  state: RunState;
  error?: RunError;
  /** What was carried out, in order ("saveCustomerFile", "qualify", "sendEmail", "endConversation"). */
  done: Effect["type"][];
  closed: boolean;
};

async function pinnedModel(tx: Tx, c: OwnedConversation): Promise<ScriptModel> {
  if (!c.scriptVersionId) throw new ActionError("desk.script.errors.noScript");
  const [v] = await tx.select({ model: scriptVersions.model }).from(scriptVersions).where(eq(scriptVersions.id, c.scriptVersionId));
  if (!v) throw new ActionError("desk.script.errors.noScript");
  return parseScriptModel(v.model);
}

/** The values the server vouches for, laid over what the browser sent. */
async function trustedState(tx: Tx, agentId: number, c: OwnedConversation, model: ScriptModel, sent: ScriptActionInput["state"]) {
  const [agent] = await tx.select({ name: users.name, login: users.login }).from(users).where(eq(users.id, agentId));
  const [lastIn] = await tx
    .select({ text: messages.text })
    .from(messages)
    .where(and(eq(messages.conversationId, c.id), eq(messages.direction, "in")))
    .orderBy(desc(messages.createdAt), desc(messages.id))
    .limit(1);
  const target = await customerFileTarget(tx, c.scriptVersionId);
  const customer = target ? await readCustomerRow(tx, target, c.network, c.authorId) : null;
  const base = scriptStartValues(model, {
    conversationId: c.id,
    network: c.network,
    author: { name: c.authorName, handle: c.authorHandle },
    messageText: lastIn?.text ?? "",
    agent: { name: agent?.name ?? "", code: agent?.login ?? "" },
    customer,
  });
  const values = { ...base, ...sent.values };
  for (const name of sourcedNames(model)) if (name in base) values[name] = base[name];
  const pages = new Set(model.pages.map((p) => p.id));
  const pageId = sent.pageId && pages.has(sent.pageId) ? sent.pageId : (model.pages[0]?.id ?? null);
  const visited = sent.visited.filter((p) => pages.has(p));
  if (pageId && !visited.includes(pageId)) visited.push(pageId);
  return { state: { pageId, values, visited, ended: false } satisfies RunState, target };
}

/**
 * A script button pressed in the workspace. The server runs the action itself on the pinned
 * production version (the browser's result is never trusted), checks required fields as the
 * designer set them, then carries out the effects for real, in order: save to the customer
 * file (a row bound to the author), qualify (closes), end (needs a qualification), booking
 * (needs the agenda). Emails go out after the commit through the outbox's template sender.
 */
export async function runScriptAction(agentId: number, input: ScriptActionInput): Promise<ScriptActionResult> {
  const db = await getDb();
  const emails: { template: string; to: string }[] = [];
  const outcome = await db.transaction(async (tx) => {
    const c = await ownConversation(tx, agentId, input.conversationId);
    const model = await pinnedModel(tx, c);
    if (!model.actions.some((a) => a.id === input.actionId)) throw new ActionError("desk.script.errors.unknownAction");
    const { state, target } = await trustedState(tx, agentId, c, model, input.state);
    const result = runAction(model, state, input.actionId);
    if (result.error) return { state: result.state, error: result.error, done: [], closed: false } satisfies ScriptActionResult;
    const done: Effect["type"][] = [];
    let closed = false;
    for (const effect of result.effects) {
      switch (effect.type) {
        case "saveCustomerFile":
          if (!target) throw new ActionError("desk.script.errors.noCustomerFile");
          await saveCustomerRow(tx, target, c.network, c.authorId, effect.values);
          break;
        case "qualify":
          await closeQualified(tx, agentId, c, { statusCode: effect.status, subStatusCode: effect.detail });
          closed = true;
          break;
        case "endConversation":
          if (!closed) throw new ActionError("desk.script.errors.qualifyFirst");
          break;
        case "bookAppointment": {
          // The agenda object books through the booking panel (components/agenda/booking-panel.tsx,
          // one transaction with the slot's exclusivity); the action only moves on once this
          // conversation really has an appointment that is not cancelled.
          const [booked] = await rows<{ id: number }>(
            tx,
            sql`select id from appointments where conversation_id = ${c.id} and cancelled_at is null limit 1`,
          );
          if (!booked) throw new ActionError("desk.script.errors.bookFirst");
          break;
        }
        case "sendEmail":
          if (!effect.to.trim()) throw new ActionError("desk.script.errors.emailTo");
          emails.push({ template: effect.template, to: effect.to.trim() });
          break;
      }
      done.push(effect.type);
    }
    return { state: result.state, done, closed, campaignId: c.campaignId };
  });
  if ("campaignId" in outcome) {
    for (const mail of emails) {
      const [template] = await rows<{ id: number }>(
        db,
        sql`select id from ${emailTemplates} where campaign_id = ${outcome.campaignId} and (name = ${mail.template} or id::text = ${mail.template})
            order by id limit 1`,
      );
      if (!template) throw new ActionError("desk.script.errors.unknownTemplate");
      await sendTemplateEmail(agentId, { conversationId: input.conversationId, templateId: template.id, to: mail.to });
    }
    const { campaignId: _campaignId, ...rest } = outcome;
    void _campaignId;
    return rest;
  }
  return outcome;
}
