import type { MassMessageTemplate } from "@/db/schema/mass-messages";
import { NetworkError } from "../types";
import { createGraphClient, highestUsage, type FacebookCredentials, type GraphClientOptions } from "./client";

/** The Conversations API's 2 calls per second per page, with a margin. */
const CONVERSATION_SPACING_MS = 550;

/** What one Send API or feed call tells the pacing: the highest usage header share (0–100+). */
export interface MassSendResult {
  id: string;
  usage: number;
}

/** The Graph error code and subcode a NetworkError carries (its cause is the error body). */
export function graphCodes(err: unknown): { code?: number; subcode?: number } {
  const cause = (err as { cause?: { code?: unknown; error_subcode?: unknown } })?.cause;
  return {
    code: typeof cause?.code === "number" ? cause.code : undefined,
    subcode: typeof cause?.error_subcode === "number" ? cause.error_subcode : undefined,
  };
}

/** Messenger refused because the person's 24-hour window is closed (10/2018278). */
export function isOutsideWindow(err: unknown): boolean {
  const { code, subcode } = graphCodes(err);
  return err instanceof NetworkError && code === 10 && subcode === 2018278;
}

/** The generic template as the Send API takes it. */
export function templateAttachment(t: MassMessageTemplate) {
  return {
    type: "template",
    payload: {
      template_type: "generic",
      elements: [
        {
          title: t.title,
          ...(t.subtitle ? { subtitle: t.subtitle } : {}),
          ...(t.imageUrl ? { image_url: t.imageUrl } : {}),
          ...(t.buttons.length ? { buttons: t.buttons.map((b) => ({ type: "web_url", url: b.url, title: b.title })) } : {}),
        },
      ],
    },
  };
}

/**
 * The mass message's calls: Send API messages (messaging type UPDATE: a message the page starts,
 * inside the person's 24-hour window) carrying our `metadata` marker, the read-back of a thread by
 * that marker, and a page post on the feed.
 */
export function createMassMessenger(credentials: FacebookCredentials, options: GraphClientOptions = {}) {
  const graph = createGraphClient(credentials, { timeoutMs: 15_000, ...options });
  const page = encodeURIComponent(credentials.pageId);
  let lastRead = 0;
  let readChain: Promise<void> = Promise.resolve();
  async function readMarkers(recipientId: string): Promise<Map<string, string>> {
    for (let attempt = 1; ; attempt++) {
      const wait = lastRead + CONVERSATION_SPACING_MS - Date.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      lastRead = Date.now();
      try {
        const res = await graph.get<{ data?: { messages?: { data?: { id: string; metadata?: string; from?: { id?: string } }[] } }[] }>(
          `${page}/conversations`,
          { platform: "messenger", user_id: recipientId, fields: "id,messages.limit(20){id,from,metadata}" },
          "mass message read-back",
        );
        const out = new Map<string, string>();
        for (const m of (res.data.data ?? []).flatMap((c) => c.messages?.data ?? []))
          if (m.metadata && m.from?.id === credentials.pageId) out.set(m.metadata, m.id);
        return out;
      } catch (err) {
        if (attempt < 5 && graphCodes(err).code === 613) {
          await new Promise((r) => setTimeout(r, 1_000));
          continue;
        }
        throw err;
      }
    }
  }
  async function send(recipientId: string, message: Record<string, unknown>): Promise<MassSendResult> {
    const res = await graph.post<{ message_id: string }>(
      `${page}/messages`,
      { recipient: { id: recipientId }, messaging_type: "UPDATE", message },
      "mass message",
    );
    return { id: res.data.message_id, usage: highestUsage(res.usage) };
  }
  return {
    sendText: (recipientId: string, text: string, metadata: string) => send(recipientId, { text, metadata }),
    sendTemplate: (recipientId: string, template: MassMessageTemplate, metadata: string) =>
      send(recipientId, { attachment: templateAttachment(template), metadata }),
    /**
     * The markers of the page's messages in this person's thread (its 20 readable messages), by
     * marker. The Conversations API allows 2 calls per second per page: calls are spaced, and a
     * per-second throttle (613) is waited out.
     */
    sentMarkers(recipientId: string): Promise<Map<string, string>> {
      // One read at a time, in call order: concurrent read-backs must not burst past 2 per second.
      const read = readChain.then(() => readMarkers(recipientId));
      readChain = read.then(
        () => undefined,
        () => undefined,
      );
      return read;
    },
    async publishPost(message: string): Promise<MassSendResult> {
      const res = await graph.post<{ id: string }>(`${page}/feed`, { message }, "page post");
      return { id: res.data.id, usage: highestUsage(res.usage) };
    },
    /** A post of the page with exactly this text, published since `since` (read-back after a crash). */
    /**
     * The post a send cut short published, if any: the same text, no earlier than a minute before
     * the claim (clock skew), and not a post another send already recorded as its own (the same
     * text published twice within a minute).
     */
    async findPost(message: string, since: Date, taken: ReadonlySet<string> = new Set()): Promise<string | null> {
      const res = await graph.get<{ data?: { id: string; message?: string; created_time?: string }[] }>(
        `${page}/feed`,
        { fields: "id,message,created_time", limit: 25 },
        "page post read-back",
      );
      const post = (res.data.data ?? []).find(
        (p) => p.message === message && !taken.has(p.id) && (!p.created_time || Date.parse(p.created_time) >= since.getTime() - 60_000),
      );
      return post?.id ?? null;
    },
  };
}
export type MassMessenger = ReturnType<typeof createMassMessenger>;
