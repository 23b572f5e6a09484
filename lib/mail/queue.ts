// TEMPORARY STAND-IN (agenda branch): the outbox helper owns lib/mail/queue.ts and its version
// wins at merge. Same signature as the contract in HELPERS.md; this one stores nothing and logs,
// so the agenda's booking engine compiles and runs before the outbox lands.
import type { Db, Tx } from "@/db/client";

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  attachments?: { filename: string; content: string; contentType: string }[];
  conversationId?: number | null;
  kind: "template" | "appointment" | "system";
}

let nextId = 1;

export async function enqueueEmail(tx: Tx | Db, mail: OutgoingMail): Promise<{ id: number }> {
  void tx;
  if (process.env.NODE_ENV !== "test") console.info(`[mail:temp] would send "${mail.subject}" to ${mail.to}`);
  return { id: nextId++ };
}
