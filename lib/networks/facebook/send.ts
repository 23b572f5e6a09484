import type { NetworkSender, OutboundRequest } from "../types";
import { createGraphClient, type FacebookCredentials } from "./client";

interface GraphItem {
  id: string;
  message?: string;
  from?: { id?: string };
  created_time?: string;
}

const CLOCK_SLACK_MS = 60_000;

/**
 * Facebook's send side: a public reply to a comment (POST /{comment-id}/comments), a private
 * reply to a comment and Messenger messages (the Send API, POST /{page-id}/messages, with the
 * messaging type the 24-hour rule asks for).
 */
export function createFacebookSender(
  credentials: FacebookCredentials,
  options: { timeoutMs?: number; fetch?: typeof fetch } = {},
): NetworkSender {
  const graph = createGraphClient(credentials, options);
  const page = encodeURIComponent(credentials.pageId);
  const recent = (items: GraphItem[], text: string, since: Date) =>
    items.find(
      (m) =>
        m.from?.id === credentials.pageId &&
        m.message === text &&
        (!m.created_time || Date.parse(m.created_time) >= since.getTime() - CLOCK_SLACK_MS),
    );

  return {
    async send(request: OutboundRequest) {
      switch (request.kind) {
        case "fb_comment_reply": {
          const res = await graph.post<{ id: string }>(
            `${encodeURIComponent(request.commentId)}/comments`,
            { message: request.text },
            "comment reply",
          );
          return { externalId: res.data.id };
        }
        case "fb_private_reply": {
          const res = await graph.post<{ message_id: string }>(
            `${page}/messages`,
            { recipient: { comment_id: request.commentId }, messaging_type: "RESPONSE", message: { text: request.text } },
            "private reply",
          );
          return { externalId: res.data.message_id };
        }
        case "messenger": {
          const body = request.tag
            ? { recipient: { id: request.recipientId }, messaging_type: "MESSAGE_TAG", tag: request.tag, message: { text: request.text } }
            : { recipient: { id: request.recipientId }, messaging_type: "RESPONSE", message: { text: request.text } };
          const res = await graph.post<{ message_id: string }>(`${page}/messages`, body, "Messenger send");
          return { externalId: res.data.message_id };
        }
        default:
          throw new Error(`Facebook cannot send a ${request.kind}`);
      }
    },

    async findSent(request: OutboundRequest, since: Date) {
      if (request.kind === "fb_comment_reply") {
        const res = await graph.get<{ data?: GraphItem[] }>(
          `${encodeURIComponent(request.commentId)}/comments`,
          { fields: "id,message,from,created_time", filter: "stream", order: "reverse_chronological", limit: 100 },
          "read-back",
        );
        return recent(res.data.data ?? [], request.text, since)?.id ?? null;
      }
      if (request.kind === "messenger" || request.kind === "fb_private_reply") {
        const res = await graph.get<{ data?: { id: string; messages?: { data?: GraphItem[] } }[] }>(
          `${page}/conversations`,
          { platform: "messenger", user_id: request.recipientId, fields: "id,messages.limit(20){id,message,from,created_time}" },
          "read-back",
        );
        const items = (res.data.data ?? []).flatMap((c) => c.messages?.data ?? []);
        return recent(items, request.text, since)?.id ?? null;
      }
      throw new Error(`Facebook cannot read back a ${request.kind}`);
    },
  };
}
