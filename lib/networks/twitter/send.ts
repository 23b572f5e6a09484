import type { NetworkSender, OutboundRequest } from "../types";
import { createTwitterClients, type TwitterCredentials } from "./client";
import { toNetworkError } from "./errors";

interface DmEvent {
  id: string;
  text?: string;
  sender_id?: string;
  created_at?: string;
}

interface SearchTweet {
  id: string;
  text: string;
  created_at?: string;
  referenced_tweets?: { type: string; id: string }[];
}

// A read-back allows for clocks a little apart between Relais and the network.
const CLOCK_SLACK_MS = 60_000;

/** X's send side: public replies (POST /2/tweets) and DMs (POST /2/dm_conversations/with/:id/messages). */
export function createTwitterSender(credentials: TwitterCredentials, options: { timeoutMs?: number } = {}): NetworkSender {
  const { user } = createTwitterClients(credentials);
  const timeout = options.timeoutMs ?? 15_000;
  let me: { id: string; username: string } | undefined;
  const account = async () => {
    me ??= (await user.v2.get<{ data: { id: string; username: string } }>("users/me", undefined, { timeout })).data;
    return me;
  };

  return {
    async send(request: OutboundRequest) {
      try {
        if (request.kind === "x_reply") {
          const res = await user.v2.post<{ data: { id: string } }>(
            "tweets",
            { text: request.text, reply: { in_reply_to_tweet_id: request.inReplyToId } },
            { timeout },
          );
          return { externalId: res.data.id };
        }
        if (request.kind === "x_dm") {
          const res = await user.v2.post<{ data: { dm_event_id: string } }>(
            `dm_conversations/with/${encodeURIComponent(request.participantId)}/messages`,
            { text: request.text },
            { timeout },
          );
          return { externalId: res.data.dm_event_id };
        }
      } catch (e) {
        throw toNetworkError(e, request.kind === "x_reply" ? "reply" : "direct message");
      }
      throw new Error(`X cannot send a ${request.kind}`);
    },

    async findSent(request: OutboundRequest, since: Date) {
      const after = since.getTime() - CLOCK_SLACK_MS;
      try {
        const self = await account();
        if (request.kind === "x_dm") {
          const res = await user.v2.get<{ data?: DmEvent[] }>(
            `dm_conversations/with/${encodeURIComponent(request.participantId)}/dm_events`,
            { "dm_event.fields": "id,text,sender_id,created_at", max_results: 100 },
            { timeout },
          );
          const found = (res.data ?? []).find(
            (e) => e.sender_id === self.id && e.text === request.text && (!e.created_at || Date.parse(e.created_at) >= after),
          );
          return found?.id ?? null;
        }
        if (request.kind === "x_reply") {
          const res = await user.v2.get<{ data?: SearchTweet[] }>(
            "tweets/search/recent",
            { query: `from:${self.username}`, max_results: 100, "tweet.fields": "created_at,referenced_tweets" },
            { timeout },
          );
          const found = (res.data ?? []).find(
            (t) =>
              t.text === request.text && t.referenced_tweets?.some((r) => r.type === "replied_to" && r.id === request.inReplyToId) === true,
          );
          return found?.id ?? null;
        }
      } catch (e) {
        throw toNetworkError(e, "read-back");
      }
      throw new Error(`X cannot read back a ${request.kind}`);
    },
  };
}
