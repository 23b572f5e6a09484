"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/auth/action";
import { composeSchema, idSchema, previewSchema } from "@/lib/mass-message/mass-message.schema";
import { changeMassMessage, countRecipients, previewFor, startMassMessage } from "@/lib/mass-message/mutations";

// «Envoyer un message»: every action needs the mass-message right, checked on the server.

export const countRecipientsAction = defineAction("massMessage.send", composeSchema, (input) => countRecipients(input));

export const previewMassMessageAction = defineAction("massMessage.send", previewSchema, (input) => previewFor(input));

export const startMassMessageAction = defineAction("massMessage.send", composeSchema, async (input, user) => {
  const result = await startMassMessage({ id: user.id, login: user.login }, input);
  revalidatePath(`/admin/campaigns/${input.campaignId}`);
  return result;
});

const change = (kind: "pause" | "resume" | "cancel") =>
  defineAction("massMessage.send", idSchema, async (input, user) => {
    const mm = await changeMassMessage({ id: user.id, login: user.login }, input.massMessageId, kind);
    revalidatePath(`/admin/campaigns/${mm.campaignId}/mass-message/${mm.id}`);
    return { status: mm.status };
  });

export const pauseMassMessageAction = change("pause");
export const resumeMassMessageAction = change("resume");
export const cancelMassMessageAction = change("cancel");
