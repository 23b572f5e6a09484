"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/auth/action";
import { composeSchema, idSchema, previewSchema } from "@/lib/mass-message/mass-message.schema";
import { changeMassMessage, countRecipients, previewFor, startMassMessage } from "@/lib/mass-message/mutations";
import { massMessagePaths } from "@/lib/mass-message/paths";

// «Envoyer un message»: every action needs the mass-message right, checked on the server. The
// same actions serve the administrators' campaign tab and the /mass-message section.

export const countRecipientsAction = defineAction("massMessage.send", composeSchema, (input) => countRecipients(input));

export const previewMassMessageAction = defineAction("massMessage.send", previewSchema, (input) => previewFor(input));

export const startMassMessageAction = defineAction("massMessage.send", composeSchema, async (input, user) => {
  const result = await startMassMessage({ id: user.id, login: user.login }, input);
  for (const path of massMessagePaths(input.campaignId)) revalidatePath(path);
  return result;
});

const change = (kind: "pause" | "resume" | "cancel") =>
  defineAction("massMessage.send", idSchema, async (input, user) => {
    const mm = await changeMassMessage({ id: user.id, login: user.login }, input.massMessageId, kind);
    for (const path of massMessagePaths(mm.campaignId, mm.id)) revalidatePath(path);
    return { status: mm.status };
  });

export const pauseMassMessageAction = change("pause");
export const resumeMassMessageAction = change("resume");
export const cancelMassMessageAction = change("cancel");
