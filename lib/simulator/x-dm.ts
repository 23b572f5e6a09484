// X direct messages, the send side Relais uses: POST /2/dm_conversations/with/:participant_id/messages
// (201 {data:{dm_conversation_id, dm_event_id}}) and the read-back of one conversation,
// GET /2/dm_conversations/with/:participant_id/dm_events.
import type { IncomingMessage } from "node:http";
import { BodyError, readJson, xProblems } from "./http";
import type { SimDm, SimStore } from "./state";

type Outcome = { status: number; body: unknown };

const MAX_DM_LENGTH = 10_000;
const ID_RE = /^[0-9]{1,19}$/;
export const DM_PATH = /^\/2\/dm_conversations\/with\/([^/]+)\/(messages|dm_events)$/;

export function renderDm(dm: SimDm) {
  return {
    id: dm.id,
    event_type: "MessageCreate",
    text: dm.text,
    sender_id: dm.senderId,
    dm_conversation_id: dm.conversationId,
    created_at: dm.createdAt,
  };
}

export async function sendDm(
  store: SimStore,
  accountId: string,
  appId: string,
  participantId: string,
  req: IncomingMessage,
): Promise<Outcome> {
  let body: unknown;
  try {
    body = await readJson(req);
  } catch (e) {
    return { status: 400, body: xProblems.invalidRequest([{ message: e instanceof BodyError ? e.message : "Invalid request body" }]) };
  }
  const text = (body as { text?: unknown } | null)?.text;
  if (!ID_RE.test(participantId))
    return { status: 400, body: xProblems.invalidRequest([{ message: "The `participant_id` query parameter value is not valid" }]) };
  if (typeof text !== "string" || !text.trim())
    return { status: 400, body: xProblems.invalidRequest([{ message: "$.text: text is required (this simulator has no attachments)" }]) };
  if ([...text].length > MAX_DM_LENGTH) return { status: 400, body: xProblems.invalidRequest([{ message: "$.text: is too long" }]) };
  const recipient = store.user(participantId);
  if (!recipient || participantId === accountId)
    return { status: 403, body: xProblems.forbidden("You cannot send messages to this user.") };
  if (recipient.acceptsDms === false) return { status: 403, body: xProblems.forbidden("You cannot send messages to this user.") };
  const dm = store.addDm({ senderId: accountId, recipientId: participantId, text, appId });
  return { status: 201, body: { data: { dm_conversation_id: dm.conversationId, dm_event_id: dm.id } } };
}

export function readDms(store: SimStore, accountId: string, participantId: string): Outcome {
  const events = store
    .dms()
    .filter(
      (d) => (d.senderId === accountId && d.recipientId === participantId) || (d.senderId === participantId && d.recipientId === accountId),
    )
    .slice(0, 100);
  return events.length
    ? { status: 200, body: { data: events.map(renderDm), meta: { result_count: events.length } } }
    : { status: 200, body: { meta: { result_count: 0 } } };
}
