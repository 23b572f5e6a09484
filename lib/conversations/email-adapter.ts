// Adapter to the outbox branch's `sendTemplateEmail(agentId, { conversationId, templateId, to })`
// (lib/mail/templates.ts, owner: outbox). Until that module is merged, sending refuses with a
// clear reason. AT MERGE: replace the body of `sendTemplateEmailAdapter` by
//   `return sendTemplateEmail(agentId, input);` with `import { sendTemplateEmail } from "@/lib/mail/templates";`
import { ActionError } from "@/lib/auth/action";

export type TemplateEmailInput = { conversationId: number; templateId: number; to: string };

export async function sendTemplateEmailAdapter(agentId: number, input: TemplateEmailInput): Promise<unknown> {
  void agentId;
  void input;
  throw new ActionError("desk.script.errors.emailUnavailable");
}
